"""team: VAT rate, hour cost, payment habit

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 15:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.add_column(sa.Column("vat_rate", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("hour_cost", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("payment_days", sa.Integer(), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_team_vat_rate"), "vat_rate IS NULL OR (vat_rate >= 0 AND vat_rate < 1)"
        )
        batch_op.create_check_constraint(
            op.f("ck_team_hour_cost"), "hour_cost IS NULL OR hour_cost >= 0"
        )
        batch_op.create_check_constraint(
            op.f("ck_team_terms"), "payment_days IS NULL OR payment_days BETWEEN 0 AND 365"
        )


def downgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_team_terms"), type_="check")
        batch_op.drop_constraint(op.f("ck_team_hour_cost"), type_="check")
        batch_op.drop_constraint(op.f("ck_team_vat_rate"), type_="check")
        batch_op.drop_column("payment_days")
        batch_op.drop_column("hour_cost")
        batch_op.drop_column("vat_rate")
