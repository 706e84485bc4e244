"""The private parts of Textual that rfk-trips leans on, held to the pinned version.

Textual is pinned exactly (pyproject.toml) because a few screens reach into it for speed or
for Danish words: the list table draws its own rows, the app builds screens ahead, the palette
translates its "no matches" notice. Each such use is listed here with the place that needs
it. A Textual upgrade that renames or reshapes one fails here, by name, instead of somewhere
on a screen; and a new private use that is not listed fails `test_every_private_use_is_listed`.
"""

import ast
import inspect
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from textual.app import App
from textual.binding import BindingsMap
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable

ROOT = Path(__file__).resolve().parent.parent

# Attribute -> (where Textual defines it, the modules of ours that use it).
CLASS_ATTRIBUTES: dict[str, tuple[type, tuple[str, ...]]] = {
    "_get_default_css": (Widget, ("rfk_trips/app/application.py",)),
    "_compositor_refresh": (Screen, ("screens/widgets/mode_screen.py",)),
    "_refresh_layout": (Screen, ("rfk_trips/app/application.py",)),
    "_init_mode": (App, ("rfk_trips/app/application.py",)),
    "_start_no_matches_countdown": (CommandPalette, ("screens/shell/palette.py",)),
    "_stop_no_matches_countdown": (CommandPalette, ("screens/shell/palette.py",)),
    "_NO_MATCHES": (CommandPalette, ("screens/shell/palette.py",)),
    "_NO_MATCHES_COUNTDOWN": (CommandPalette, ("screens/shell/palette.py",)),
    "_clear_caches": (DataTable, ("screens/widgets/list_table.py",)),
    "_get_row_style": (DataTable, ("screens/widgets/list_table.py",)),
    "_update_dimensions": (DataTable, ("screens/widgets/list_table.py",)),
    "_render_line_in_row": (DataTable, ("screens/widgets/list_table.py",)),
    "_render_cell": (DataTable, ("screens/widgets/list_table.py",)),
    "_get_row_renderables": (DataTable, ("screens/widgets/list_table.py",)),
    "_get_styles_to_render_cell": (DataTable, ("screens/widgets/list_table.py",)),
    "_highlight_cursor": (DataTable, ("screens/widgets/list_table.py",)),
    "_total_row_height": (DataTable, ("screens/widgets/list_table.py",)),
}
# Set in the object's __init__, so looked for on an instance.
DATA_TABLE_INSTANCE_ATTRIBUTES = (
    "_data",
    "_row_locations",
    "_column_locations",
    "_new_rows",
    "_row_render_cache",
    "_cell_render_cache",
    "_row_renderable_cache",
    "_line_cache",
    "_offset_cache",
    "_ordered_row_cache",
    "_header_row_key",
    "_row_label_column_width",
    "_show_hover_cursor",
    "_pseudo_class_state",
    "_labelled_row_exists",
)
# `_bindings` is every DOMNode's (screens/widgets/bindings.py translates their descriptions).
APP_INSTANCE_ATTRIBUTES = ("_screen_stacks", "_modes", "_bindings")
SCREEN_INSTANCE_ATTRIBUTES = ("_compositor",)
PALETTE_INSTANCE_ATTRIBUTES = ("_list_visible", "_no_matches_timer")
# LRU caches of Textual's (`cache._cache` in list_table.py).
CACHE_ATTRIBUTES = ("_cache",)
PRIVATE_MODULES = {
    "textual._types": ("SegmentLines",),
    "textual.widgets._data_table": ("CellCacheKey", "ColumnKey", "DuplicateKey", "Row", "RowKey"),
}
# Our overrides call super() with these parameters: a reshaped signature must fail here.
OVERRIDE_PARAMETERS = {
    (DataTable, "_clear_caches"): ["self"],
    (DataTable, "_get_row_style"): ["self", "row_index", "base_style"],
    (DataTable, "_update_dimensions"): ["self", "new_rows"],
    (DataTable, "_render_line_in_row"): [
        "self",
        "row_key",
        "line_no",
        "base_style",
        "cursor_location",
        "hover_location",
    ],
    (DataTable, "_render_cell"): [
        "self",
        "row_index",
        "column_index",
        "base_style",
        "width",
        "cursor",
        "hover",
    ],
    (CommandPalette, "_start_no_matches_countdown"): ["self", "search_value"],
    (Screen, "_compositor_refresh"): ["self"],
}


def test_textual_is_pinned_exactly_to_the_installed_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [dep for dep in project["project"]["dependencies"] if dep.startswith("textual")]
    assert pins == [f"textual=={version('textual')}"], (
        "Textual must be pinned exactly: its private parts listed in this file were checked "
        "against the pinned version only."
    )


@pytest.mark.parametrize("name", sorted(CLASS_ATTRIBUTES))
def test_private_class_attribute_is_where_we_use_it(name: str) -> None:
    owner, users = CLASS_ATTRIBUTES[name]
    assert hasattr(owner, name), f"{owner.__qualname__}.{name} is gone; used by {users}"


@pytest.mark.parametrize(("owner", "name"), sorted(OVERRIDE_PARAMETERS, key=str))
def test_overridden_private_method_keeps_its_parameters(owner: type, name: str) -> None:
    parameters = list(inspect.signature(getattr(owner, name)).parameters)
    assert parameters == OVERRIDE_PARAMETERS[owner, name]


def test_private_modules_still_hold_what_we_import() -> None:
    import importlib

    for module_name, names in PRIVATE_MODULES.items():
        module = importlib.import_module(module_name)
        assert [name for name in names if not hasattr(module, name)] == [], module_name


def test_data_table_instance_attributes() -> None:
    table: DataTable[str] = DataTable()
    assert [name for name in DATA_TABLE_INSTANCE_ATTRIBUTES if not hasattr(table, name)] == []
    assert hasattr(table._row_render_cache, "_cache")


async def test_app_screen_and_palette_instance_attributes() -> None:
    app: App[None] = App()
    async with app.run_test() as pilot:
        assert [name for name in APP_INSTANCE_ATTRIBUTES if not hasattr(app, name)] == []
        screen = app.screen
        assert [name for name in SCREEN_INSTANCE_ATTRIBUTES if not hasattr(screen, name)] == []
        assert hasattr(screen._compositor, "render_update")
        assert hasattr(app._screen_stacks, "get")
        assert isinstance(app._bindings, BindingsMap)
        assert hasattr(app._bindings, "key_to_bindings")
        app.action_command_palette()
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        missing = [name for name in PALETTE_INSTANCE_ATTRIBUTES if not hasattr(palette, name)]
        assert missing == []


def _private_names_used() -> dict[str, set[str]]:
    """Private attributes read in our code that our code does not define or assign itself."""
    files = [p for d in ("screens", "rfk_trips") for p in (ROOT / d).rglob("*.py")]
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in files}
    ours: set[str] = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                # Methods and class attributes of our classes; not module-level functions,
                # which an attribute read cannot reach (but for a module's, flagged below).
                for item in node.body:
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                        ours.add(item.name)
                    elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                        ours.add(item.target.id)
                    elif isinstance(item, ast.Assign):
                        ours.update(t.id for t in item.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                ours.add(node.attr)
    used: dict[str, set[str]] = {}
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and node.attr not in ours
            ):
                used.setdefault(node.attr, set()).add(str(path.relative_to(ROOT)))
    return used


def test_every_private_use_is_listed() -> None:
    listed = (
        set(CLASS_ATTRIBUTES)
        | set(DATA_TABLE_INSTANCE_ATTRIBUTES)
        | set(APP_INSTANCE_ATTRIBUTES)
        | set(SCREEN_INSTANCE_ATTRIBUTES)
        | set(CACHE_ATTRIBUTES)
        # namedtuple's documented API, not Textual's.
        | {"_asdict"}
    )
    unlisted = {name: where for name, where in _private_names_used().items() if name not in listed}
    assert unlisted == {}, "a new private Textual use: list it above with a check"
