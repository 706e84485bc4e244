"""The Opfølgning screen: follow-ups and outcomes per citizen."""
