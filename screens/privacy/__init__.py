"""The Revisionslog screen: the audit log."""
