"""Reminder outbox and rules (issue 7). Reads the apps below, writes only its own tables."""
