"""one_owner: at most one owner row per team (a unique partial index)

Two owners left by an earlier race keep the one who joined first; the others become admins
(Telegram still decides whether they are admins of the group).

Revision ID: 0009_one_owner
Revises: 0008_b1
Create Date: 2026-12-05 14:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_one_owner"
down_revision: str | None = "0008_b1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "UPDATE member SET role = 'admin' WHERE role = 'owner' AND id NOT IN ("
        " SELECT first.id FROM ("
        "  SELECT m.id FROM member m WHERE m.role = 'owner' AND NOT EXISTS ("
        "   SELECT 1 FROM member o WHERE o.team_id = m.team_id AND o.role = 'owner'"
        "   AND (o.joined_at < m.joined_at OR (o.joined_at = m.joined_at AND o.id < m.id))"
        "  )"
        " ) AS first"
        ")"
    )
    op.create_index(
        "uq_member_one_owner",
        "member",
        ["team_id"],
        unique=True,
        sqlite_where=sa.text("role = 'owner'"),
        postgresql_where=sa.text("role = 'owner'"),
    )


def downgrade() -> None:
    op.drop_index("uq_member_one_owner", table_name="member")
