"""Key bindings whose descriptions are translation keys, translated when a screen is built.

Textual reads BINDINGS when a class is defined, before `--lang` is known; describing a
binding by its catalogue key ("app.quit") and translating per instance keeps the footer in
the language the user chose.
"""

from dataclasses import replace

from textual.dom import DOMNode

from rfk_trips.i18n.catalogue import MESSAGES, t


def translate_bindings(node: DOMNode) -> None:
    for key, bindings in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [
            replace(
                binding,
                description=t(binding.description)
                if binding.description in MESSAGES
                else binding.description,
                tooltip=t(binding.tooltip) if binding.tooltip in MESSAGES else binding.tooltip,
            )
            for binding in bindings
        ]
