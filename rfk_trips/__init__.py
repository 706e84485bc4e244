"""rfk-trips: planning bus trips to local companies for citizens far from the labour market."""

__version__ = "0.1.0"
