"""The audit log in words: Danish (or English) cells for the table, stable keys for JSON.

Shared by `rfk-trips audit` and the Revisionslog screen, so both say the same. A line holds
only names (of tables, fields and files) and numbers, so nothing here can show a value.
"""

from typing import Any

from rfk_trips.i18n.catalogue import MESSAGES, t
from rfk_trips.privacy.audit_log import AuditLine
from rfk_trips.rules.danish_dates import danish_moment

_CHANGES = frozenset({"create", "update", "delete"})


def _known(key: str, fallback: str) -> str:
    return t(key) if key in MESSAGES else fallback


def when(line: AuditLine) -> str:
    """`02-12-2026 05:14`: the Danish wall-clock time of the line (stored in UTC)."""
    return danish_moment(line.at).strftime("%d-%m-%Y %H:%M")


def action_text(line: AuditLine) -> str:
    """`oprettet`, `ændret`, `eksporteret`, `udskrevet`, `kalenderfil`, `påmindelser`, …"""
    return _known(f"audit.action.{line.action}", line.action)


def _entity_text(line: AuditLine) -> str:
    if line.action in _CHANGES:
        return _known(f"audit.entity.{line.entity}", line.entity)
    if line.action in ("export", "print"):
        return _known(f"audit.{line.action}.{line.entity}", line.entity)
    return _known(f"audit.entity.{line.entity}", line.entity)


def record_text(line: AuditLine) -> str:
    """`borger 12`, `tur 3`, `personaleark, tur 3`, `borgere` (an export of the register)."""
    what = _entity_text(line)
    if line.entity_id is None:
        return what
    if line.action == "print":
        trip = t("audit.record", what=t("audit.entity.trip"), id=line.entity_id)
        return f"{what}, {trip}"
    return t("audit.record", what=what, id=line.entity_id)


def field_label(name: str) -> str:
    """A field's name as the forms show it (`accommodation_needs` → `Skånehensyn (følsomt)`)."""
    base = name.removesuffix("_id")
    for key in (f"label.{name}", f"label.{base}", f"trip.field.{name}", f"trip.field.{base}"):
        if key in MESSAGES:
            return t(key)
    return name


def fields_text(line: AuditLine) -> str:
    """The changed fields of a change; the file name (and any sensitive field) of a read-out."""
    labels = ", ".join(field_label(name) for name in line.fields)
    if not line.detail:
        return labels
    return f"{line.detail} ({labels})" if labels else line.detail


def citizens_text(line: AuditLine) -> str:
    """How many citizens a read-out names; blank for a change (its record says whom)."""
    if not line.is_read_out or not line.citizen_ids:
        return ""
    count = len(line.citizen_ids)
    return t("audit.names_one_citizen") if count == 1 else t("audit.names_citizens", count=count)


def cells(line: AuditLine) -> tuple[str, str, str, str, str, str]:
    return (
        when(line),
        line.actor,
        action_text(line),
        record_text(line),
        fields_text(line),
        citizens_text(line),
    )


COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("at", "audit.col.at", 16),
    ("actor", "audit.col.actor", 10),
    ("action", "audit.col.action", 12),
    ("record", "audit.col.record", 24),
    ("fields", "audit.col.fields", 42),
    ("citizens", "audit.col.citizens", 12),
)


def as_json(line: AuditLine) -> dict[str, Any]:
    """Stable English keys and stored codes, for scripts; the time as ISO 8601 with the
    Danish offset (`2026-12-02T05:14:09+01:00`), unambiguous whatever the reader's zone."""
    return {
        "id": line.id,
        "at": danish_moment(line.at).isoformat(timespec="seconds"),
        "actor": line.actor,
        "action": line.action,
        "entity": line.entity,
        "entity_id": line.entity_id,
        "fields": list(line.fields),
        "detail": line.detail,
        "citizen_ids": list(line.citizen_ids),
        "read_out": line.is_read_out,
    }


def render_table(lines: list[AuditLine]) -> str:
    """The lines as fixed-width columns under Danish headings."""
    widths = [width for _, _, width in COLUMNS]
    heading = "  ".join(
        t(key).ljust(width) for (_, key, _), width in zip(COLUMNS, widths, strict=True)
    )
    rows = [
        "  ".join(cell.ljust(width) for cell, width in zip(cells(line), widths, strict=True))
        for line in lines
    ]
    return "\n".join(text.rstrip() for text in [heading, *rows])
