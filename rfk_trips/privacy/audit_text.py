"""The audit log in words: Danish (or English) cells for the table, stable keys for JSON.

Shared by `rfk-trips audit` and the Revisionslog screen, so both say the same. A line holds
only names (of tables, fields and files) and numbers, so nothing here can show a value.
"""

from datetime import datetime
from pathlib import Path
from typing import Any

from rfk_trips.i18n.catalogue import MESSAGES, t
from rfk_trips.privacy.audit_chain import BreakKind, ChainBreak
from rfk_trips.privacy.audit_log import AuditLine, ChainReport
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
    keys = (f"label.{name}", f"label.{base}", f"trip.field.{name}", f"trip.field.{base}",
            f"audit.changed.{name}", f"audit.changed.{base}")  # fmt: skip
    for key in keys:
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


# --- the hash chain ----------

_BREAK_KEYS = {
    BreakKind.CHANGED: "audit.chain.changed",
    BreakKind.INSERTED: "audit.chain.inserted",
    BreakKind.MISSING_BEFORE: "audit.chain.missing_before",
    BreakKind.MISSING_AFTER: "audit.chain.missing_after",
    BreakKind.BACKUP_CHANGED: "audit.chain.backup_changed",
    BreakKind.BACKUP_MISSING: "audit.chain.backup_missing",
}


def _moment_text(moment: datetime | None) -> str:
    return "?" if moment is None else danish_moment(moment).strftime("%d-%m-%Y %H:%M")


def finding_text(found: ChainBreak, backup: Path | None = None) -> str:
    """One finding as a sentence naming the line (its number and time) or the trigger."""
    if found.kind is BreakKind.TRIGGER:
        return t("audit.chain.trigger", name=found.trigger)
    if found.kind is BreakKind.STRUCTURE:
        return t("audit.chain.structure", name=found.trigger)
    if found.first_missing is not None and found.last_missing is not None:
        first, last = found.first_missing, found.last_missing
        lines = (
            t("audit.chain.line", first=first)
            if first == last
            else t("audit.chain.lines", first=first, last=last)
        )
        if found.entry_id is None:
            return t("audit.chain.gone_all", lines=lines)
        key = "before" if found.kind is BreakKind.MISSING_BEFORE else "after"
        return t(
            f"audit.chain.gone_{key}", lines=lines, id=found.entry_id, at=_moment_text(found.at)
        )
    if found.entry_id is None:
        return t("audit.chain.missing_all")
    return t(
        _BREAK_KEYS[found.kind],
        id=found.entry_id,
        at=_moment_text(found.at),
        backup=str(backup) if backup is not None else "",
    )


def chain_failure(report: ChainReport) -> str:
    """What `db check` says of a broken chain: every finding, then what to do."""
    findings = " ".join(finding_text(found, report.backup) for found in report.findings)
    first_time = next((found.at for found in report.findings if found.at is not None), None)
    advice = (
        t("audit.chain.advice_before", at=_moment_text(first_time))
        if first_time is not None
        else t("audit.chain.advice")
    )
    return t("audit.chain.broken", findings=findings, advice=advice)


def chain_warning(report: ChainReport | None) -> str | None:
    """The one line the Revisionslog screen and `rfk-trips audit` show when it is broken."""
    if report is None or report.intact:
        return None
    return t("audit.chain.warning", finding=finding_text(report.findings[0], report.backup))


def chain_ok(report: ChainReport) -> str:
    if report.backup is not None:
        return t("audit.chain.ok_backup", count=report.lines, backup=report.backup.name)
    return t("audit.chain.ok", count=report.lines)
