"""Textual screens and widgets of rfk-trips. Presentation only: data comes from `rfk_trips`."""
