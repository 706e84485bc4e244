"""After the trip: follow-ups per citizen, outcomes, learning cases.

Follow-up tasks for the responsible staff, the Opfølgning screen's data (follow_up_desk), the
outcomes a citizen reached (each linked to the trip that led to it) and the læringscases about
placements that ended early.
"""
