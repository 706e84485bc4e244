"""The trip list and the check-in screen of the day."""
