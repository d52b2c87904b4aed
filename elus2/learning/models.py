"""Enrolments and lesson progress (issue 4). A person's progress is theirs, whichever cohort
brought them: this app knows nothing of cohorts. Written only through learning/services.py."""
