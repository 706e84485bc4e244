"""`SearchBox`: the search-as-you-type field, which redraws itself and nothing else."""

from textual.geometry import Size
from textual.reactive import Reactive

from screens.widgets.text_input import TextInput


class SearchBox(TextInput):
    """A `TextInput` whose typing does not lay out and redraw the whole screen.

    Input keeps its virtual size at the width of its text, and a widget's virtual size is a
    layout attribute: every keystroke laid out the screen again and redrew all of it,
    header, filters, table and footer, while the search it started was running. A box of
    fixed size needs no new layout for a new text; the box itself is still redrawn, and
    scrolls sideways under a long text as before (the size is kept, only not laid out).
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
