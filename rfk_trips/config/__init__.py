"""Configuration: the environment, the platform's folders, the user's preferences, today.

The lowest room with i18n: it imports nothing else of rfk_trips.
"""
