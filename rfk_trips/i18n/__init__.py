"""Every sentence a user reads, in Danish (default) and English.

`catalogue.t(key)` looks a key up in the run's language; messages/ holds the sentences, one
module per key prefix, labels the names of stored codes. The lowest room with config: it imports
nothing else of rfk_trips.
"""
