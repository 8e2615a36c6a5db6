"""offline chat: Telegram statuses of its people, update and message ids across sessions

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-10 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.models.base

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "offline_chat_member",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("first_name", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("updated_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('creator', 'administrator', 'member', 'left')",
            name=op.f("ck_offline_chat_member_status"),
        ),
        sa.PrimaryKeyConstraint("chat_id", "user_id", name=op.f("pk_offline_chat_member")),
    )
    op.create_table(
        "offline_counter",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_offline_counter")),
    )


def downgrade() -> None:
    op.drop_table("offline_counter")
    op.drop_table("offline_chat_member")
