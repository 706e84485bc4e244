"""The Textual application: the composition root that wires screens to the domain.

`application` builds the App and its screens (the only module of rfk_trips that imports
`screens`); `context` is what the screens are handed: the database and the clock, opened
lazily, so screens never import storage.
"""
