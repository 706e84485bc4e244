"""The README's screenshots are the snapshots the tests check, so they show the app as it is."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "__snapshots__" / "test_snapshots"

# docs/<name>.svg is a copy of the snapshot of the same screen, same data, same size.
SCREENSHOTS = {
    "oversigt": "test_home_with_demo_data",
    "indtjekning": "test_checkin_on_the_day",
    "resultater": "test_results_on_demo_data",
    "turredigering": "test_trip_editor_group_tab",
}


@pytest.mark.parametrize(("screenshot", "snapshot"), SCREENSHOTS.items())
def test_each_readme_screenshot_is_the_current_snapshot(screenshot: str, snapshot: str) -> None:
    shown = ROOT / "docs" / f"{screenshot}.svg"
    assert f"docs/{screenshot}.svg" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert shown.read_bytes() == (SNAPSHOTS / f"{snapshot}.svg").read_bytes(), (
        f"copy tests/__snapshots__/test_snapshots/{snapshot}.svg to {shown.relative_to(ROOT)}"
    )
