"""Organisations, cohorts, staff assignment and invitations (issue 6).
Invitations enrol people through learning/services.py."""
