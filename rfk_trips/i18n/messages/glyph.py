"""The symbols in the register lists (✓, ✗, ⚑), with their words."""

MESSAGES: dict[str, tuple[str, str]] = {
    "glyph.qualifies": ("✓", "✓"),
    "glyph.not_qualifies": ("✗ nej", "✗ no"),
    "glyph.needs": ("⚑ ja", "⚑ yes"),
}
