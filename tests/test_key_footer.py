"""The footer redraws its keys only when what they show changes."""

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from screens.footer import KeyFooter


class _Keys(App[None]):
    BINDINGS = [Binding("f5", "edit", "Rediger"), Binding("f6", "new", "Ny")]
    can_edit = True

    def compose(self) -> ComposeResult:
        yield Input()
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # False hides the key, as a register list hides Rediger with no row chosen.
        return self.can_edit if action == "edit" else True


def _keys(app: App[None]) -> list[FooterKey]:
    return list(app.query(FooterKey))


async def test_same_keys_keep_their_widgets_and_a_change_redraws_them() -> None:
    app = _Keys()
    async with app.run_test() as pilot:
        await pilot.pause()
        before = _keys(app)
        assert [key.description for key in before][:2] == ["Rediger", "Ny"]
        for _ in range(5):
            app.refresh_bindings()
        await pilot.pause()
        assert _keys(app) == before  # the same widgets: nothing was rebuilt

        app.can_edit = False
        app.refresh_bindings()
        await pilot.pause()
        after = _keys(app)
        assert [key.description for key in after][:1] == ["Ny"]  # "Rediger" is gone
        assert not set(after) & set(before)
