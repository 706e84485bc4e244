"""Today's date, in one place, so tests and snapshots can freeze it (RFK_TRIPS_TODAY)."""

from datetime import date

from rfk_trips.config.environment import frozen_today


def today() -> date:
    return frozen_today() or date.today()
