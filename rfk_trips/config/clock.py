"""Today's date, in one place, so tests and snapshots can freeze it (RFK_TRIPS_TODAY)."""

import os
from datetime import date


def today() -> date:
    frozen = os.environ.get("RFK_TRIPS_TODAY")
    return date.fromisoformat(frozen) if frozen else date.today()
