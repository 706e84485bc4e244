"""rfk-trips: planning bus trips to local companies for citizens far from the labour market.

The version is written once, in pyproject.toml; `importlib.metadata.version("rfk-trips")`
reads it where it is needed.
"""
