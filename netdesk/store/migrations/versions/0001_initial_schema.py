"""Initial schema: contacts and their details, events, touchpoints, referrals, import batches.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(), nullable=False),
        sa.Column("given_name", sa.String(), nullable=False),
        sa.Column("family_name", sa.String(), nullable=False),
        sa.Column("additional_names", sa.String(), nullable=False),
        sa.Column("prefix", sa.String(), nullable=False),
        sa.Column("suffix", sa.String(), nullable=False),
        sa.Column("nickname", sa.String(), nullable=False),
        sa.Column("organization", sa.String(), nullable=False),
        sa.Column("department", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("birthday", sa.String(length=10), nullable=True),
        sa.Column("photo", sa.LargeBinary(), nullable=True),
        sa.Column("photo_mime", sa.String(), nullable=True),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("tier", sa.String(length=8), nullable=True),
        sa.Column("cadence_days", sa.Integer(), nullable=True),
        sa.Column("last_touch", sa.Date(), nullable=True),
        sa.Column("next_follow_up", sa.Date(), nullable=True),
        sa.Column("primary_email", sa.String(), nullable=False),
        sa.Column("primary_phone", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(
            "ix_contact_name_nocase", [sa.text("full_name COLLATE NOCASE"), "id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contact_last_touch"), ["last_touch"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contact_next_follow_up"), ["next_follow_up"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contact_organization"), ["organization"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_uid"), ["uid"], unique=False)

    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("place", sa.String(), nullable=False),
        sa.Column("organiser", sa.String(), nullable=False),
        sa.Column("cost", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("hours", sa.Double(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("tags", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_organiser"), ["organiser"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag")),
        sa.UniqueConstraint("name", name=op.f("uq_tag_name")),
    )
    op.create_table(
        "contact_address",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("po_box", sa.String(), nullable=False),
        sa.Column("extended", sa.String(), nullable=False),
        sa.Column("street", sa.String(), nullable=False),
        sa.Column("city", sa.String(), nullable=False),
        sa.Column("region", sa.String(), nullable=False),
        sa.Column("postal_code", sa.String(), nullable=False),
        sa.Column("country", sa.String(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_address_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_address")),
    )
    with op.batch_alter_table("contact_address", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_address_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "contact_email",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("pref", sa.Boolean(), nullable=False),
        sa.Column("match_key", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_email_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_email")),
    )
    with op.batch_alter_table("contact_email", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_email_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contact_email_match_key"), ["match_key"], unique=False)

    op.create_table(
        "contact_phone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("pref", sa.Boolean(), nullable=False),
        sa.Column("match_key", sa.String(), nullable=False),
        sa.Column("digits", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_phone_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_phone")),
    )
    with op.batch_alter_table("contact_phone", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_phone_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contact_phone_match_key"), ["match_key"], unique=False)

    op.create_table(
        "contact_tag",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_tag_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_contact_tag_tag_id_tag"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("contact_id", "tag_id", name=op.f("pk_contact_tag")),
    )
    op.create_table(
        "contact_url",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_url_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_url")),
    )
    with op.batch_alter_table("contact_url", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_url_contact_id"), ["contact_id"], unique=False)

    op.create_table(
        "event_contact",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_event_contact_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_contact_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "contact_id", name=op.f("pk_event_contact")),
    )
    with op.batch_alter_table("event_contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_contact_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_event_contact_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("files", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_import_batch_event_id_event"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batch")),
    )
    op.create_table(
        "referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("other_contact_id", sa.Integer(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("value", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_referral_contact_id_contact"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_referral_event_id_event"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["other_contact_id"],
            ["contact.id"],
            name=op.f("fk_referral_other_contact_id_contact"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referral_event_id"), ["event_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_referral_other_contact_id"), ["other_contact_id"], unique=False
        )

    op.create_table(
        "touchpoint",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("intent", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("done_date", sa.Date(), nullable=True),
        sa.Column("channel", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("playbook_step", sa.String(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_touchpoint_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_touchpoint_event_id_event"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_touchpoint")),
    )
    with op.batch_alter_table("touchpoint", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_touchpoint_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_touchpoint_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_touchpoint_event_id"), ["event_id"], unique=False)
        batch_op.create_index("ix_touchpoint_status_due", ["status", "due_date"], unique=False)
        batch_op.create_index(
            "ix_touchpoint_contact_status", ["contact_id", "status", "due_date"], unique=False
        )
        batch_op.create_index(
            "uq_touchpoint_playbook_step",
            ["contact_id", "event_id", "playbook_step"],
            unique=True,
            sqlite_where=sa.text("playbook_step IS NOT NULL"),
        )

    op.create_table(
        "import_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
            name=op.f("fk_import_change_batch_id_import_batch"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_change")),
        sa.UniqueConstraint("batch_id", "contact_id", name=op.f("uq_import_change_batch_id")),
    )
    with op.batch_alter_table("import_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_change_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_import_change_contact_id"), ["contact_id"], unique=False
        )

    # Frozen copy of the FTS5 definition (netdesk.store.fts), so later code changes never
    # alter what this revision creates.
    op.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS contact_fts USING fts5("
        "name, organization, email, phone, note, tags, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS contact_fts")
    with op.batch_alter_table("import_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_change_contact_id"))
        batch_op.drop_index(batch_op.f("ix_import_change_batch_id"))

    op.drop_table("import_change")
    with op.batch_alter_table("touchpoint", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_touchpoint_playbook_step", sqlite_where=sa.text("playbook_step IS NOT NULL")
        )
        batch_op.drop_index("ix_touchpoint_contact_status")
        batch_op.drop_index("ix_touchpoint_status_due")
        batch_op.drop_index(batch_op.f("ix_touchpoint_event_id"))
        batch_op.drop_index(batch_op.f("ix_touchpoint_contact_id"))
        batch_op.drop_index(batch_op.f("ix_touchpoint_batch_id"))

    op.drop_table("touchpoint")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_other_contact_id"))
        batch_op.drop_index(batch_op.f("ix_referral_event_id"))
        batch_op.drop_index(batch_op.f("ix_referral_contact_id"))

    op.drop_table("referral")
    op.drop_table("import_batch")
    with op.batch_alter_table("event_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_contact_contact_id"))
        batch_op.drop_index(batch_op.f("ix_event_contact_batch_id"))

    op.drop_table("event_contact")
    with op.batch_alter_table("contact_url", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_url_contact_id"))

    op.drop_table("contact_url")
    op.drop_table("contact_tag")
    with op.batch_alter_table("contact_phone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_phone_match_key"))
        batch_op.drop_index(batch_op.f("ix_contact_phone_contact_id"))

    op.drop_table("contact_phone")
    with op.batch_alter_table("contact_email", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_email_match_key"))
        batch_op.drop_index(batch_op.f("ix_contact_email_contact_id"))

    op.drop_table("contact_email")
    with op.batch_alter_table("contact_address", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_address_contact_id"))

    op.drop_table("contact_address")
    op.drop_table("tag")
    op.drop_table("setting")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_organiser"))
        batch_op.drop_index(batch_op.f("ix_event_name"))
        batch_op.drop_index(batch_op.f("ix_event_date"))

    op.drop_table("event")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_uid"))
        batch_op.drop_index(batch_op.f("ix_contact_organization"))
        batch_op.drop_index(batch_op.f("ix_contact_next_follow_up"))
        batch_op.drop_index(batch_op.f("ix_contact_last_touch"))
        batch_op.drop_index("ix_contact_name_nocase")

    op.drop_table("contact")
