"""Turns view models into phone-sized Telegram HTML (and plain text for terminals)."""
