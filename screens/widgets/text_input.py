"""`TextInput`: Textual's `Input` whose editing keys act in the order they were typed."""

from textual import events
from textual.widgets import Input


class TextInput(Input):
    """An `Input` that carries out its own key bindings (Backspace, Delete, the arrows) itself.

    Textual runs a focused widget's key bindings only once the key has bubbled up to the app,
    through the message queue of every container on the way, while a typed letter goes into
    the field at once. With a container busy (a search's results arriving while the user
    types on), a Backspace typed before a letter was carried out after it: deleting "anmo"
    and typing it again left "aanm" in the search. Here each key is handled as it comes.
    Priority bindings (Ctrl+Q, Ctrl+P) are still the app's: Textual checks them before the
    key reaches the field.
    """

    async def _on_key(self, event: events.Key) -> None:
        # `_bindings` is Textual's private map of this widget's bindings (guarded by
        # tests/test_text_input.py): the same ones, in the same order, Textual would run.
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()
                return
        await super()._on_key(event)
