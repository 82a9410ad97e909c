"""Message tables, one module per language (see tui/i18n.py)."""
