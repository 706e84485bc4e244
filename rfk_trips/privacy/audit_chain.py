"""Checking the audit log's hash chain: the first line that no longer fits, and how.

The rule over plain rows: no database here (`audit_log.audit_chain_report` reads them). A
line's own hash tells whether its content was changed; its link (`prev_hash`) to the line
before tells whether something was taken out or slipped in between; the chain head (the
last line rfk-trips wrote) tells whether lines were taken off the end. The newest daily
backup is an anchor beyond that: a chain recomputed with SQL fits together again, but not
with the copy taken before it was rewritten.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from storage.audit_chain import GENESIS, POSTGRESQL_TRIGGERS, SQLITE_TRIGGERS, entry_hash


class BreakKind(StrEnum):
    CHANGED = "changed"  # the line says something else than when it was written
    INSERTED = "inserted"  # the line was not written by rfk-trips, or not where it stands
    MISSING_BEFORE = "missing_before"  # one or more lines before this one were deleted
    MISSING_AFTER = "missing_after"  # lines after this one (the last left) were deleted
    TRIGGER = "trigger"  # a trigger that makes the database refuse changes is gone
    STRUCTURE = "structure"  # the chain's own columns or head table were dropped
    BACKUP_CHANGED = "backup_changed"  # the line differs from the newest daily backup
    BACKUP_MISSING = "backup_missing"  # the newest daily backup has a line that is gone


@dataclass(frozen=True)
class ChainRow:
    """One audit line as stored; `at` is the stored text of its time."""

    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: int | None
    fields: str
    detail: str
    citizen_ids: tuple[int, ...]
    prev_hash: str
    entry_hash: str

    @property
    def moment(self) -> datetime | None:
        return parse_moment(self.at)


@dataclass(frozen=True)
class ChainHead:
    last_id: int
    last_hash: str


@dataclass(frozen=True)
class ChainBreak:
    kind: BreakKind
    # The line named: the first that does not fit (for MISSING_AFTER the last one left, None
    # when none is); None for a trigger.
    entry_id: int | None = None
    at: datetime | None = None
    trigger: str = ""  # the trigger, column or table gone (TRIGGER, STRUCTURE)
    # The numbers of the lines that are gone, when the numbers around the gap tell them.
    first_missing: int | None = None
    last_missing: int | None = None

    @property
    def first_line(self) -> int | None:
        """The number of the first line this finding is about (a gone one, if known)."""
        return self.first_missing if self.first_missing is not None else self.entry_id


def parse_moment(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def own_hash(row: ChainRow) -> str | None:
    """The hash the line's content gives; None when it cannot be a line rfk-trips wrote."""
    moment = row.moment
    if moment is None:
        return None
    try:
        return entry_hash(
            entry_id=row.id,
            at=moment,
            actor=row.actor,
            action=row.action,
            entity=row.entity,
            entity_id=row.entity_id,
            fields=row.fields,
            detail=row.detail,
            citizen_ids=row.citizen_ids,
            prev_hash=row.prev_hash,
        )
    except (TypeError, ValueError):  # a value of the wrong type, put there with SQL
        return None


def _at(kind: BreakKind, row: ChainRow | None) -> ChainBreak:
    if row is None:
        return ChainBreak(kind)
    return ChainBreak(kind, row.id, row.moment)


def _gap(kind: BreakKind, row: ChainRow | None, first: int, last: int) -> ChainBreak:
    """Lines `first`..`last` gone, next to `row`; numbers are given one after the other."""
    if first > last:
        return _at(kind, row)
    if row is None:
        return ChainBreak(kind, first_missing=first, last_missing=last)
    return ChainBreak(kind, row.id, row.moment, first_missing=first, last_missing=last)


def verify_chain(rows: Sequence[ChainRow], head: ChainHead | None) -> ChainBreak | None:
    """The first break in `rows` (in number order) and against the head; None when intact."""
    expected = GENESIS
    previous: ChainRow | None = None
    for index, row in enumerate(rows):
        if not row.entry_hash:
            return _at(BreakKind.INSERTED, row)  # rfk-trips writes every line with its hash
        if own_hash(row) != row.entry_hash:
            following = rows[index + 1] if index + 1 < len(rows) else None
            # The line after it chains past it: it never was part of the chain.
            skipped = following is not None and following.prev_hash == expected
            beyond_head = following is None and head is not None and row.id > head.last_id
            kind = BreakKind.INSERTED if skipped or beyond_head else BreakKind.CHANGED
            return _at(kind, row)
        if row.prev_hash != expected:
            if previous is not None and row.prev_hash == previous.prev_hash:
                return _at(BreakKind.INSERTED, previous)  # this line chains past that one
            if previous is not None and row.id == previous.id + 1:
                # Nothing can be missing between neighbours: the one before was rewritten,
                # hash and all.
                return _at(BreakKind.CHANGED, previous)
            if previous is None and row.id == 1:
                return _at(BreakKind.CHANGED, row)
            after = previous.id if previous is not None else 0
            return _gap(BreakKind.MISSING_BEFORE, row, after + 1, row.id - 1)
        expected = row.entry_hash
        previous = row
    return _against_head(rows, head)


def _against_head(rows: Sequence[ChainRow], head: ChainHead | None) -> ChainBreak | None:
    last = rows[-1] if rows else None
    if head is None:
        # The head row itself was deleted: lines may have gone from the end with it.
        return _at(BreakKind.MISSING_AFTER, last) if last is not None else None
    last_id = last.id if last is not None else 0
    if last_id < head.last_id:
        return _gap(BreakKind.MISSING_AFTER, last, last_id + 1, head.last_id)
    if last_id > head.last_id:
        first_extra = next(row for row in rows if row.id > head.last_id)
        return _at(BreakKind.INSERTED, first_extra)
    if last is not None and head.last_hash != last.entry_hash:
        return _at(BreakKind.CHANGED, last)
    if last is None and head.last_hash != GENESIS:
        return ChainBreak(BreakKind.MISSING_AFTER)  # emptied, and the head set back too
    return None


@dataclass(frozen=True)
class BackupLine:
    """The newest line of the newest daily backup: the anchor."""

    id: int
    entry_hash: str
    at: str


def backup_difference(
    rows: Sequence[ChainRow],
    anchor: BackupLine,
    hash_in_backup: Callable[[int], str | None],
) -> ChainBreak | None:
    """The first line that differs from the backup, up to the backup's newest line.

    A hash covers every line before it, so once two hashes differ all later ones do: a
    halving search over the lines finds the first with a few look-ups in the backup.
    """
    ours = {row.id: row for row in rows}
    mine = ours.get(anchor.id)
    if mine is not None and mine.entry_hash == anchor.entry_hash:
        return None
    candidates = [row for row in rows if row.id <= anchor.id]
    low, high = 0, len(candidates)
    while low < high:
        middle = (low + high) // 2
        row = candidates[middle]
        if row.entry_hash != hash_in_backup(row.id):
            high = middle
        else:
            low = middle + 1
    if low < len(candidates):
        return _at(BreakKind.BACKUP_CHANGED, candidates[low])
    # Everything here matches, but the backup's newest line is not here at all.
    return ChainBreak(BreakKind.BACKUP_MISSING, anchor.id, parse_moment(anchor.at))


def _normalised(sql: str) -> str:
    return " ".join(sql.split()).casefold()


def missing_sqlite_triggers(found: Mapping[str, str]) -> list[str]:
    """The protecting triggers not there as created, given name -> CREATE statement."""
    return [
        name
        for name, sql in SQLITE_TRIGGERS.items()
        if _normalised(found.get(name, "")) != _normalised(sql)
    ]


@dataclass(frozen=True)
class PostgresTrigger:
    table: str
    enabled: bool
    function_source: str


def missing_postgresql_triggers(found: Mapping[str, PostgresTrigger]) -> list[str]:
    """The protecting triggers missing, disabled, on another table or no longer refusing."""
    missing = []
    for name, table in POSTGRESQL_TRIGGERS.items():
        trigger = found.get(name)
        if (
            trigger is None
            or trigger.table != table
            or not trigger.enabled
            or "raise exception" not in trigger.function_source.casefold()
        ):
            missing.append(name)
    return missing


def chain_findings(
    chain_break: ChainBreak | None,
    backup_break: ChainBreak | None,
    missing_triggers: Sequence[str],
    *,
    structure: Sequence[ChainBreak] = (),
) -> list[ChainBreak]:
    """Everything found: the chain's structure gone, the earliest line, then the triggers."""
    if (
        chain_break is not None
        and backup_break is not None
        and backup_break.first_line == chain_break.first_line
    ):
        backup_break = None  # one line, told once
    lines = sorted(
        (found for found in (chain_break, backup_break) if found is not None),
        key=lambda found: found.first_line if found.first_line is not None else 1 << 62,
    )
    triggers = (ChainBreak(BreakKind.TRIGGER, trigger=name) for name in missing_triggers)
    return [*structure, *lines, *triggers]
