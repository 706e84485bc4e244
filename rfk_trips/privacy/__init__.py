"""Personal data and its rights: the audit log, access reports, erasure and retention.

Who is acting (acting_user), reading the audit log and telling it in words, the access report
(GDPR art. 15), erasure (art. 17), retention, and read_outs: every file that leaves the app
naming a citizen is written and logged as one action.
"""
