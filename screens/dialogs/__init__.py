"""Modal dialogs: confirmations, the trip dialogs, printing, follow-ups and record forms."""
