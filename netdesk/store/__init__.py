"""Persistence: SQLAlchemy models, the engine factory, migrations and full-text search."""
