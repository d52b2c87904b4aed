"""No models: reporting only reads, through selectors.py (issue 6)."""
