"""Widgets shared by every screen (list table, search box, filters, title bar, footer), the
bindings helper, and ModeScreen, the base of every screen reached from the home screen.
"""
