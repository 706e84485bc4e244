"""A `ProgrammeDocument` as an A4 PDF (fpdf2), in DejaVu Sans shipped with rfk-trips.

The fonts live in `rfk_trips/documents/fonts/` and are embedded (subset) in every file, so æ, ø, å,
dashes, ⚑ and ☐ print right whatever fonts the machine has.
"""

from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace
from fpdf.util import Padding

from rfk_trips.documents.programme_content import (
    ATTENTION_MARK,
    Block,
    Bullets,
    Facts,
    Paragraph,
    Part,
    ProgrammeDocument,
    Section,
    Table,
)
from rfk_trips.i18n.catalogue import get_language, t

FONT_DIR = Path(__file__).with_name("fonts")
FAMILY = "DejaVuSans"

Colour = tuple[int, int, int]
INK: Colour = (25, 28, 32)
MUTED: Colour = (96, 102, 110)
ACCENT: Colour = (24, 70, 120)
RULE: Colour = (150, 156, 164)
HEAD_FILL: Colour = (226, 234, 243)
NOTICE_FILL: Colour = (252, 240, 214)
NOTICE_INK: Colour = (120, 60, 0)
MARK_INK: Colour = (170, 40, 30)
WHITE: Colour = (255, 255, 255)

MARGIN = 18.0  # mm, left and right
BODY_PT = 10.0
LINE = 5.0  # mm per line of body text
TABLE_PT = 9.5
HEADING_PT = 8.5  # table headings
CELL_PAD = 1.6  # mm, left and right in table cells
BOX_PAD = 4.0


def render_pdf(document: ProgrammeDocument) -> bytes:
    """The document as PDF bytes: one part after the other, each from a new page.

    Pages are numbered within their part, so the page handed to a host company says
    "Side 1 af 1"; with several parts a first pass counts each part's pages.
    """
    part_pages = _draw(document, None).part_pages if len(document.parts) > 1 else None
    return bytes(_draw(document, part_pages).output())


def _draw(document: ProgrammeDocument, part_pages: list[int] | None) -> "_ProgrammePDF":
    pdf = _ProgrammePDF(document.footer, part_pages)
    pdf.set_title(document.title)
    pdf.set_subject(document.name)
    pdf.set_creator("rfk-trips")
    pdf.set_lang("en" if get_language() == "en" else "da")
    for index, part in enumerate(document.parts):
        pdf.begin_part(index)
        pdf.add_page()
        _Renderer(pdf).part(part)
        pdf.part_pages.append(pdf.page - pdf.part_first_page + 1)
    return pdf


class _ProgrammePDF(FPDF):
    def __init__(self, footer_text: str, known_part_pages: list[int] | None = None) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_text = footer_text
        self.known_part_pages = known_part_pages
        self.part_pages: list[int] = []
        self.part_index = 0
        self.part_first_page = 1
        self._next_part: int | None = None
        self.add_font(FAMILY, "", FONT_DIR / "DejaVuSans.ttf")
        self.add_font(FAMILY, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
        self.set_margins(MARGIN, 16, MARGIN)
        self.set_auto_page_break(True, margin=20)
        self.set_font(FAMILY, size=BODY_PT)
        self.set_text_color(*INK)

    def begin_part(self, index: int) -> None:
        """The next page starts part `index` (taken up in `header`, after the last footer)."""
        self._next_part = index

    def header(self) -> None:
        if self._next_part is not None:
            self.part_index, self.part_first_page = self._next_part, self.page
            self._next_part = None

    def footer(self) -> None:
        self.set_y(-14)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(self.l_margin, self.y, self.w - self.r_margin, self.y)
        self.set_y(self.y + 1.5)
        self.set_font(FAMILY, size=7.5)
        self.set_text_color(*MUTED)
        if self.known_part_pages is None:
            page = t("programme.page", page=self.page_no(), pages="{nb}")
        else:
            page = t(
                "programme.page",
                page=self.page - self.part_first_page + 1,
                pages=self.known_part_pages[self.part_index],
            )
        # "{nb}" is replaced by the page count only when the file is written: measure "99".
        page_width = self.get_string_width(page.replace("{nb}", "99")) + 4
        top = self.y
        # A long trip title wraps onto a second line rather than pushing out the print date.
        self.multi_cell(self.epw - page_width, 3.4, self.footer_text, align="L")
        self.set_xy(self.w - self.r_margin - page_width, top)
        self.cell(page_width, 3.4, page, align="R")
        self.set_text_color(*INK)


class _Renderer:
    """Draws parts, sections and blocks on one FPDF."""

    def __init__(self, pdf: _ProgrammePDF) -> None:
        self.pdf = pdf

    # --- parts and sections ----------

    def part(self, part: Part) -> None:
        pdf = self.pdf
        pdf.set_font(FAMILY, "B", 8.5)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(0, 4.5, part.subtitle.upper(), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FAMILY, "B", 19)
        pdf.set_text_color(*ACCENT)
        pdf.multi_cell(0, 9, part.title, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FAMILY, "B", 13)
        pdf.set_text_color(*INK)
        pdf.cell(0, 7.5, part.date_line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*ACCENT)
        pdf.set_line_width(0.6)
        pdf.line(pdf.l_margin, pdf.y + 1.5, pdf.w - pdf.r_margin, pdf.y + 1.5)
        pdf.ln(4)
        for notice in part.notices:
            pdf.ln(1)
            pdf.set_font(FAMILY, "B", 9.5)
            pdf.set_fill_color(*NOTICE_FILL)
            pdf.set_text_color(*NOTICE_INK)
            pdf.multi_cell(
                0, 5, notice, fill=True, align="L", padding=(2, 3), new_x="LMARGIN", new_y="NEXT"
            )
            pdf.set_text_color(*INK)
        pdf.set_fill_color(*WHITE)
        for section in part.sections:
            if section.boxed:
                self.boxed_section(section)
            else:
                self.section(section)

    def section(self, section: Section) -> None:
        pdf = self.pdf
        if section.heading:
            # Keep a heading with at least a few lines of what follows it.
            if pdf.y + 28 > pdf.page_break_trigger:
                pdf.add_page()
            pdf.ln(4)
            pdf.set_font(FAMILY, "B", 12.5)
            pdf.set_text_color(*ACCENT)
            pdf.multi_cell(0, 6.5, section.heading, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_draw_color(*RULE)
            pdf.set_line_width(0.25)
            pdf.line(pdf.l_margin, pdf.y + 0.5, pdf.w - pdf.r_margin, pdf.y + 0.5)
            pdf.ln(2.5)
            pdf.set_text_color(*INK)
        else:
            pdf.ln(2)
        for index, block in enumerate(section.blocks):
            if index:
                pdf.ln(2)
            self.block(block)

    def boxed_section(self, section: Section) -> None:
        """A framed card with a coloured title band, kept on one page when it fits."""
        pdf = self.pdf
        pdf.ln(5)
        height = _measure_box(pdf.footer_text, section)
        if height is not None and pdf.y + height > pdf.page_break_trigger:
            pdf.add_page()
        self.box(section)

    def box(self, section: Section) -> None:
        pdf = self.pdf
        top, page = pdf.y, pdf.page
        pdf.set_font(FAMILY, "B", 11.5)
        pdf.set_fill_color(*ACCENT)
        pdf.set_text_color(*WHITE)
        pdf.multi_cell(
            0,
            6,
            section.heading,
            fill=True,
            align="L",
            padding=Padding(2, BOX_PAD, 2, BOX_PAD),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_text_color(*INK)
        pdf.set_fill_color(*WHITE)
        pdf.set_left_margin(MARGIN + BOX_PAD)
        pdf.set_right_margin(MARGIN + BOX_PAD)
        pdf.set_x(pdf.l_margin)
        pdf.ln(3)
        for index, block in enumerate(section.blocks):
            if index:
                pdf.ln(2)
            self.block(block)
        pdf.ln(BOX_PAD - 1)
        pdf.set_left_margin(MARGIN)
        pdf.set_right_margin(MARGIN)
        pdf.set_x(pdf.l_margin)
        if pdf.page == page:
            pdf.set_draw_color(*ACCENT)
            pdf.set_line_width(0.5)
            pdf.rect(pdf.l_margin, top, pdf.epw, pdf.y - top)

    # --- blocks ----------

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, Bullets):
            self.bullets(block)
        elif isinstance(block, Facts):
            self.facts(block)
        else:
            self.table(block)

    def paragraph(self, block: Paragraph) -> None:
        pdf = self.pdf
        if block.small:
            pdf.set_font(FAMILY, size=8.5)
            pdf.set_text_color(*MUTED)
            pdf.multi_cell(0, 4.3, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(*INK)
        else:
            pdf.set_font(FAMILY, size=BODY_PT)
            pdf.multi_cell(0, LINE, block.text, align="L", new_x="LMARGIN", new_y="NEXT")

    def bullets(self, block: Bullets) -> None:
        pdf = self.pdf
        pdf.set_font(FAMILY, size=BODY_PT)
        indent = 7.0
        for item in block.items:
            if pdf.y + LINE > pdf.page_break_trigger:
                pdf.add_page()
            x, y = pdf.l_margin, pdf.y
            if block.ticks:
                pdf.set_draw_color(*INK)
                pdf.set_line_width(0.3)
                pdf.rect(x + 0.6, y + 0.9, 3.4, 3.4)
            else:
                pdf.set_text_color(*ACCENT)
                pdf.cell(indent, LINE, "•", align="L")
                pdf.set_text_color(*INK)
            pdf.set_xy(x + indent, y)
            pdf.multi_cell(pdf.epw - indent, LINE, item, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.8)

    def facts(self, block: Facts) -> None:
        pdf = self.pdf
        pdf.set_font(FAMILY, "B", 9)
        label_width = min(
            max((pdf.get_string_width(label) for label, _ in block.rows), default=0) + 7, 60
        )
        # fpdf2 fills table cells with the current fill colour: make that the paper's.
        pdf.set_fill_color(*WHITE)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.15)
        pdf.set_font(FAMILY, size=BODY_PT)
        with pdf.table(
            col_widths=(label_width, pdf.epw - label_width),
            first_row_as_headings=False,
            borders_layout="HORIZONTAL_LINES",
            text_align="LEFT",
            v_align="TOP",
            line_height=LINE,
            padding=(1.3, 1.5),
        ) as table:
            label_style = FontFace(family=FAMILY, emphasis="BOLD", color=MUTED, size_pt=9)
            for label, value in block.rows:
                row = table.row()
                row.cell(label, style=label_style)
                row.cell(value)
        pdf.set_x(pdf.l_margin)

    def table(self, block: Table) -> None:
        pdf = self.pdf
        widths = self.column_widths(block)
        pdf.set_fill_color(*WHITE)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        pdf.set_font(FAMILY, size=TABLE_PT)
        heading = FontFace(
            family=FAMILY, emphasis="BOLD", color=ACCENT, fill_color=HEAD_FILL, size_pt=HEADING_PT
        )
        tick_style = FontFace(family=FAMILY, size_pt=15, color=INK)
        mark_style = FontFace(family=FAMILY, emphasis="BOLD", size_pt=11, color=MARK_INK)
        aligns = tuple("CENTER" if c.center or c.tick else "LEFT" for c in block.columns)
        with pdf.table(
            col_widths=widths,
            headings_style=heading,
            borders_layout="ALL",
            text_align=aligns,
            v_align="MIDDLE",
            line_height=4.6,
            padding=(1.4, CELL_PAD),
        ) as table:
            head = table.row()
            for column in block.columns:
                head.cell(column.title)
            for values in block.rows:
                row = table.row()
                for column, text in zip(block.columns, values, strict=True):
                    if column.tick and not text:
                        row.cell("☐", style=tick_style)
                    elif text == ATTENTION_MARK:
                        row.cell(text, style=mark_style)
                    else:
                        row.cell(text)
        pdf.set_x(pdf.l_margin)

    def column_widths(self, block: Table) -> tuple[float, ...]:
        """Widths in mm: tick columns just wide enough for their heading, the rest by weight."""
        pdf = self.pdf
        pdf.set_font(FAMILY, "B", HEADING_PT)
        fixed = {
            i: max(pdf.get_string_width(column.title) + 2 * CELL_PAD + 1.5, 13.0)
            for i, column in enumerate(block.columns)
            if column.tick
        }
        room = pdf.epw - sum(fixed.values())
        weights = sum(c.weight for i, c in enumerate(block.columns) if i not in fixed) or 1.0
        return tuple(
            fixed[i] if i in fixed else room * column.weight / weights
            for i, column in enumerate(block.columns)
        )


def _measure_box(footer_text: str, section: Section) -> float | None:
    """The height the boxed section takes, drawn on a scratch page; None if over a page."""
    scratch = _ProgrammePDF(footer_text)
    scratch.add_page()
    start = scratch.y
    _Renderer(scratch).box(section)
    if scratch.page != 1:
        return None
    return scratch.y - start
