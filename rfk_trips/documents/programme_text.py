"""Plain-text and Markdown renderings of a `ProgrammeDocument` (the same content as the PDF)."""

import textwrap

from rfk_trips.documents.programme_content import (
    Block,
    Bullets,
    Facts,
    Paragraph,
    ProgrammeDocument,
    Section,
    Table,
)

TEXT_WIDTH = 96
_GAP = "  "
NEWLINE = "\n"


# --- plain text ----------


def render_text(document: ProgrammeDocument) -> str:
    """The document as plain UTF-8 text, at most `TEXT_WIDTH` characters a line."""
    lines: list[str] = []
    for number, part in enumerate(document.parts):
        if number:
            lines += ["", "=" * TEXT_WIDTH, ""]
        lines += [part.title.upper(), f"{part.subtitle} · {part.date_line}"]
        lines.append("=" * min(TEXT_WIDTH, max(len(lines[-1]), len(lines[-2]))))
        for notice in part.notices:
            lines += ["", *_wrap(f"!! {notice}", TEXT_WIDTH, indent="   ")]
        for section in part.sections:
            lines += ["", *_text_section(section)]
    lines += ["", "-" * TEXT_WIDTH, *_wrap(document.footer, TEXT_WIDTH)]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _text_section(section: Section) -> list[str]:
    width = TEXT_WIDTH - 4 if section.boxed else TEXT_WIDTH
    lines: list[str] = []
    if section.heading:
        heading = section.heading.upper()
        lines += [heading, "-" * len(heading)]
    for index, block in enumerate(section.blocks):
        if index:
            lines.append("")
        lines += _text_block(block, width)
    if not section.boxed:
        return lines
    inner = max(len(line) for line in lines)
    border = "+" + "-" * (inner + 2) + "+"
    return [border, *(f"| {line.ljust(inner)} |" for line in lines), border]


def _text_block(block: Block, width: int) -> list[str]:
    if isinstance(block, Paragraph):
        return _wrap(block.text, width)
    if isinstance(block, Bullets):
        mark = "[ ] " if block.ticks else "- "
        lines: list[str] = []
        for item in block.items:
            lines += _wrap(item, width, first=mark, indent=" " * len(mark))
        return lines
    if isinstance(block, Facts):
        label_width = min(max((len(label) for label, _ in block.rows), default=0) + 1, 28)
        lines = []
        for label, value in block.rows:
            head = f"{label}:".ljust(label_width + 1) + " "
            lines += _wrap(value, width, first=head, indent=" " * len(head))
        return lines
    return _text_table(block, width)


def _text_table(table: Table, width: int) -> list[str]:
    cells = [
        [_tick_text(col.tick, text) for col, text in zip(table.columns, row, strict=True)]
        for row in table.rows
    ]
    titles = [col.title for col in table.columns]
    natural = [
        max((_longest(text) for text in [title, *(row[i] for row in cells)]), default=0)
        for i, title in enumerate(titles)
    ]
    widths = _fit(
        natural, [col.weight for col in table.columns], width - len(_GAP) * (len(titles) - 1)
    )
    lines = _text_row(titles, widths, [col.center for col in table.columns])
    lines.append(_GAP.join("-" * w for w in widths))
    for row in cells:
        lines += _text_row(row, widths, [col.center or col.tick for col in table.columns])
    return lines


def _tick_text(tick: bool, text: str) -> str:
    return "[ ]" if tick and not text else text


def _text_row(cells: list[str], widths: list[int], center: list[bool]) -> list[str]:
    wrapped = [
        [line for part in text.split("\n") for line in (textwrap.wrap(part, w) or [""])]
        for text, w in zip(cells, widths, strict=True)
    ]
    height = max(len(lines) for lines in wrapped)
    return [
        _GAP.join(
            (lines[i] if i < len(lines) else "").center(w)
            if middle
            else (lines[i] if i < len(lines) else "").ljust(w)
            for lines, w, middle in zip(wrapped, widths, center, strict=True)
        )
        for i in range(height)
    ]


def _fit(natural: list[int], weights: list[float], room: int) -> list[int]:
    """Column widths: each its natural width if all fit, else shares of the room by weight."""
    if sum(natural) <= room:
        return natural
    widths: dict[int, int] = {}
    while True:
        open_columns = [i for i in range(len(natural)) if i not in widths]
        left = room - sum(widths.values())
        total = sum(weights[i] for i in open_columns) or 1.0
        narrow = [i for i in open_columns if natural[i] <= left * weights[i] / total]
        if not narrow:
            break
        for i in narrow:
            widths[i] = natural[i]
    for i in open_columns:
        widths[i] = max(6, int(left * weights[i] / total))
    return [widths[i] for i in range(len(natural))]


def _longest(text: str) -> int:
    return max((len(line) for line in text.split("\n")), default=0)


def _wrap(text: str, width: int, *, first: str = "", indent: str = "") -> list[str]:
    lines: list[str] = []
    for number, part in enumerate(text.split("\n")):
        lines += textwrap.wrap(
            part,
            width,
            initial_indent=first if number == 0 else indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        ) or [first if number == 0 else ""]
    return lines


# --- Markdown ----------


def render_markdown(document: ProgrammeDocument) -> str:
    """The document as (GitHub-flavoured) Markdown."""
    out: list[str] = []
    for number, part in enumerate(document.parts):
        if number:
            out += ["---", ""]
        out += [f"# {part.title}", "", f"**{part.subtitle}** · {part.date_line}", ""]
        for notice in part.notices:
            out += [f"> **{notice}**", ""]
        for section in part.sections:
            out += _md_section(section)
    out += ["---", "", f"*{document.footer}*"]
    return "\n".join(out) + "\n"


def _md_section(section: Section) -> list[str]:
    lines: list[str] = []
    if section.heading:
        lines += [f"{'###' if section.boxed else '##'} {section.heading}", ""]
    for block in section.blocks:
        lines += [*_md_block(block), ""]
    if section.boxed:
        quoted = [f"> {line}".rstrip() for text in lines[:-1] for line in text.split(NEWLINE)]
        return [*quoted, ""]
    return lines


def _md_block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        text = "  \n".join(block.text.split("\n"))
        return [f"<small>{text}</small>" if block.small else text]
    if isinstance(block, Bullets):
        mark = "- [ ] " if block.ticks else "- "
        return [f"{mark}{item}" for item in block.items]
    if isinstance(block, Facts):
        continuation = "  \n  "
        return [
            f"- **{label}:** {continuation.join(value.split(NEWLINE))}"
            for label, value in block.rows
        ]
    return _md_table(block)


def _md_table(table: Table) -> list[str]:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", "<br>")

    lines = [
        "| " + " | ".join(cell(col.title) for col in table.columns) + " |",
        "|" + "|".join(":---:" if col.center or col.tick else "---" for col in table.columns) + "|",
    ]
    for row in table.rows:
        values = (
            "☐" if col.tick and not text else cell(text)
            for col, text in zip(table.columns, row, strict=True)
        )
        lines.append("| " + " | ".join(values) + " |")
    return lines
