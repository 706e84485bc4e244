"""Configuration: the environment, the platform's folders, the user's preferences, today.

`environment` is the one module that reads the environment (every RFK_TRIPS_* variable, with
its meaning and default) and finds the platform's folders; `preferences` keeps the user's
settings file, `clock` today's date. The lowest room with i18n: it imports nothing else of
rfk_trips.
"""
