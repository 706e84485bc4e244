"""The Resultater screen: the figures with their filters and charts."""
