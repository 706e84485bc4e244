"""The trip editor: a shell screen with one tab per part of the trip."""
