"""The Indstillinger screen: language, theme, initials, trip formats, retention."""
