"""The figures the municipality reports: what came of the trips.

Loading the facts (results_service), the series for charts, targets (måltal) and their
progress, and the figures as text and Unicode charts. The counting rules themselves are pure
and live in `rfk_trips.rules.outcome_figures`.
"""
