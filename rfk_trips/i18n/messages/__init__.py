"""The sentences, by area: key -> (Danish, English). Merged by `rfk_trips.i18n.catalogue`."""
