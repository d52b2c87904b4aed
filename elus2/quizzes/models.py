"""Quiz attempts (issue 5). grading.py grades; a passed quiz completes the lesson through
learning/services.py."""
