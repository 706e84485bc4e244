"""Saving a trip's printed programme: load, build, render by the file's ending, write, record.

One call is one user action. The few facts a `TripDetail` lacks are read in one session,
and that same transaction records the print (`PrintRecord`) of a document that names
citizens and logs every version in the audit log (with the citizens it names), so a print
is on record exactly when its file was written.

The skånehensyn text is never read here: the database answers only *whether* a citizen
has one (the ⚑ marker). Nothing of a document's content is logged.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from rfk_trips.database.failures import file_error
from rfk_trips.documents.programme_content import (
    AUDIENCES,
    Audience,
    CaseworkerContact,
    CompanyContact,
    ProgrammeDocument,
    ProgrammeExtras,
    build_document,
)
from rfk_trips.i18n.catalogue import t
from rfk_trips.privacy.acting_user import acting_user
from rfk_trips.registers.what_counts_sql import has_accommodation_needs
from rfk_trips.rules.errors import NotFoundError, UserError
from rfk_trips.trips.trip_service import TripDetail, trip_detail
from storage.audit import record_readout
from storage.models import Citizen, Company, PrintRecord, Staff, Trip
from storage.private_files import PRIVATE_FILE_MODE, write_private_file
from storage.sessions import session_scope


def _pdf(document: ProgrammeDocument) -> bytes:
    from rfk_trips.documents.programme_pdf import render_pdf

    return render_pdf(document)


def _txt(document: ProgrammeDocument) -> bytes:
    from rfk_trips.documents.programme_text import render_text

    return render_text(document).encode("utf-8")


def _md(document: ProgrammeDocument) -> bytes:
    from rfk_trips.documents.programme_text import render_markdown

    return render_markdown(document).encode("utf-8")


RENDERERS: dict[str, Callable[[ProgrammeDocument], bytes]] = {
    ".pdf": _pdf,
    ".txt": _txt,
    ".md": _md,
}
# The versions that name citizens: each save of one is recorded (who, when, which version).
RECORDED_AUDIENCES: frozenset[Audience] = frozenset({"staff"})
_ATTEMPTS = 3
_FILE_NAME_MAX = 260


class _TripChanged(Exception):
    """The trip was saved by someone else between reading it and printing it."""


def write_programme(
    engine: Engine,
    trip_id: int,
    audience: str,
    path: Path | str,
    *,
    today: date,
    company_id: int | None = None,
) -> Path:
    """Write the programme of `trip_id` for `audience` to `path` (.pdf, .txt or .md).

    The host's version holds every host's letter, or only `company_id`'s (one file per host,
    as printing makes them: a letter goes to one company).

    Raises UserError (in the current language) for an unknown audience or file ending, a
    missing trip, a company version of a trip without visits, or a file that cannot be
    written; then no file is left and nothing is recorded.
    """
    target = Path(path)
    chosen = _audience(audience)
    render = RENDERERS.get(target.suffix.lower())
    if render is None:
        raise UserError(t("programme.unknown_suffix", name=target.name))
    for _ in range(_ATTEMPTS):
        detail = trip_detail(engine, trip_id)
        if chosen == "company" and not detail.visits:
            raise UserError(t("programme.no_visits"))
        try:
            _print(engine, detail, chosen, target, render, today, company_id)
        except _TripChanged:
            continue
        return target
    raise UserError(t("programme.changed_meanwhile"))


def _audience(audience: str) -> Audience:
    for known in AUDIENCES:
        if audience == known:
            return known
    raise UserError(t("programme.unknown_audience", audience=audience))


def _print(
    engine: Engine,
    detail: TripDetail,
    audience: Audience,
    target: Path,
    render: Callable[[ProgrammeDocument], bytes],
    today: date,
    company_id: int | None = None,
) -> None:
    written = False
    try:
        with session_scope(engine) as session:
            version = session.scalar(select(col(Trip.version)).where(col(Trip.id) == detail.id))
            if version is None:
                raise NotFoundError(t("error.not_found", what=t("what.trip"), id=detail.id))
            if version != detail.version:
                raise _TripChanged
            extras = load_extras(session, detail, audience, today, company_id)
            data = render(build_document(detail, audience, extras))
            if audience in RECORDED_AUDIENCES:
                session.add(
                    PrintRecord(
                        trip_id=detail.id,
                        audience=audience,
                        trip_version=detail.version,
                        file_name=_file_name(target),
                        printed_by=acting_user(),
                    )
                )
                session.flush()
            # Every version is a read-out; only the run sheet names citizens (all of them,
            # reserves too), the other versions name none (see programme_content).
            record_readout(
                session,
                "print",
                audience,
                detail=target.name,
                entity_id=detail.id,
                citizen_ids=[p.citizen_id for p in detail.participants]
                if audience in RECORDED_AUDIENCES
                else [],
            )
            _write_atomically(target, data, private=audience in RECORDED_AUDIENCES)
            written = True
    except BaseException:
        # The commit failed after the file was written: no record, so no file either.
        if written:
            target.unlink(missing_ok=True)
        raise


def load_extras(
    session: Session,
    detail: TripDetail,
    audience: Audience,
    today: date,
    company_id: int | None = None,
) -> ProgrammeExtras:
    """What the audience's document needs beyond the TripDetail, and nothing more."""
    needs_attention: frozenset[int] = frozenset()
    if audience == "staff" and detail.participants:
        # Whether a skånehensyn is recorded, never what it says: the register's ⚑ reading.
        needs_attention = frozenset(
            session.scalars(
                select(col(Citizen.id)).where(
                    col(Citizen.id).in_([p.citizen_id for p in detail.participants]),
                    has_accommodation_needs(col(Citizen.accommodation_needs)),
                )
            )
        )
    staff_emails: dict[int, str] = {}
    if audience == "company" and detail.staff:
        staff_emails = {
            staff_id: email
            for staff_id, email in session.execute(
                select(col(Staff.id), col(Staff.email)).where(
                    col(Staff.id).in_([s.staff_id for s in detail.staff])
                )
            ).all()
            if email
        }
    companies: dict[int, CompanyContact] = {}
    if audience in ("staff", "company") and detail.visits:
        companies = {
            company_id: CompanyContact(contact_person=person, phone=phone, email=email)
            for company_id, person, phone, email in session.execute(
                select(
                    col(Company.id),
                    col(Company.contact_person),
                    col(Company.phone),
                    col(Company.email),
                ).where(col(Company.id).in_([v.company_id for v in detail.visits]))
            ).all()
        }
    caseworkers: tuple[CaseworkerContact, ...] = ()
    if audience == "company" and detail.participants:
        # R37: the host's visitkort gives the caseworkers' numbers too; names of staff
        # only, never which citizen each has.
        on_trip = {s.staff_id for s in detail.staff}
        caseworkers = tuple(
            CaseworkerContact(name, phone)
            for staff_id, name, phone in session.execute(
                select(col(Staff.id), col(Staff.name), col(Staff.phone))
                .where(
                    col(Staff.id).in_(
                        select(col(Citizen.caseworker_id)).where(
                            col(Citizen.id).in_([p.citizen_id for p in detail.participants])
                        )
                    )
                )
                .order_by(col(Staff.sort_name), col(Staff.id))
            ).all()
            if staff_id not in on_trip
        )
    return ProgrammeExtras(
        printed_on=today,
        needs_attention=needs_attention,
        staff_emails=staff_emails,
        companies=companies,
        caseworkers=caseworkers,
        only_company=company_id,
    )


def _file_name(target: Path) -> str:
    full = str(target.absolute())
    return full if len(full) <= _FILE_NAME_MAX else target.name[-_FILE_NAME_MAX:]


def _write_atomically(target: Path, data: bytes, *, private: bool) -> None:
    """Write next to `target` and rename over it: a reader never sees half a file.

    A document naming citizens stays readable by its owner only (0600); others get 0644.
    """
    try:
        write_private_file(
            target, data, folder_must_exist=True, mode=PRIVATE_FILE_MODE if private else 0o644
        )
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        fallback = t("programme.write_failed", path=target, reason=reason)
        raise file_error(target, exc, fallback) from exc
