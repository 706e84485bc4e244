"""Trips, from the plan to the day: the trip (trip_service), what is on it (planning), editing,
listing and check-in.

Every function that changes a trip is one user action in one transaction, with the trip's
version checked so that a colleague's change is never silently overwritten. The home screen's
read models (overview) and the trip formats as editable settings live here too.
"""
