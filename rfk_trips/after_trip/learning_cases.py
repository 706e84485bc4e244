"""Learning cases (læringscases, DOMAIN.md R29): what an interrupted placement taught.

A case is written about one citizen, usually for one outcome (the placement that ended
early); it holds up to four perspectives: the citizen's, the company's, the caseworker's and
the company consultant's (virksomhedskonsulent), and what was learned. At least one
perspective must be written, or there is no case. Written in one transaction.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import aliased
from sqlmodel import col

from rfk_trips.i18n.catalogue import t
from rfk_trips.i18n.labels import label
from rfk_trips.rules.danish_dates import format_date
from rfk_trips.rules.errors import NotFoundError, UserError
from storage.codes import OutcomeKind
from storage.models import Citizen, Company, LearningCase, Outcome, Staff
from storage.sessions import session_scope

PERSPECTIVES: tuple[str, ...] = (
    "citizen_view",
    "company_view",
    "caseworker_view",
    "consultant_view",
)


@dataclass(frozen=True)
class NewLearningCase:
    written_on: date
    outcome_id: int | None = None
    # Taken from the outcome when one is given; needed without one.
    citizen_id: int | None = None
    company_id: int | None = None
    citizen_view: str = ""
    company_view: str = ""
    caseworker_view: str = ""
    consultant_view: str = ""
    lessons: str = ""
    written_by: int | None = None  # staff id


def add_learning_case(engine: Engine, case: NewLearningCase, *, today: date) -> int:
    """Save the case; its id. Citizen and company come from the outcome when one is given."""
    if not any(getattr(case, name).strip() for name in PERSPECTIVES):
        raise UserError(t("learning_case.perspective_needed"))
    if case.written_on > today:
        raise UserError(t("learning_case.in_future", date=format_date(today)))
    with session_scope(engine) as session:
        citizen_id, company_id = case.citizen_id, case.company_id
        if case.outcome_id is not None:
            outcome = session.get(Outcome, case.outcome_id)
            if outcome is None:
                raise NotFoundError(
                    t("error.not_found", what=t("what.outcome"), id=case.outcome_id)
                )
            if citizen_id is not None and citizen_id != outcome.citizen_id:
                raise UserError(
                    t("learning_case.other_citizen", outcome=outcome.id, citizen=citizen_id)
                )
            citizen_id = outcome.citizen_id
            company_id = company_id if company_id is not None else outcome.company_id
        if citizen_id is None:
            raise UserError(t("learning_case.citizen_needed"))
        if session.get(Citizen, citizen_id) is None:
            raise NotFoundError(t("error.not_found", what=t("what.citizen"), id=citizen_id))
        if company_id is not None and session.get(Company, company_id) is None:
            raise NotFoundError(t("error.not_found", what=t("what.company"), id=company_id))
        if case.written_by is not None and session.get(Staff, case.written_by) is None:
            raise NotFoundError(t("error.not_found", what=t("what.staff"), id=case.written_by))
        row = LearningCase(
            outcome_id=case.outcome_id,
            citizen_id=citizen_id,
            company_id=company_id,
            written_on=case.written_on,
            citizen_view=case.citizen_view.strip(),
            company_view=case.company_view.strip(),
            caseworker_view=case.caseworker_view.strip(),
            consultant_view=case.consultant_view.strip(),
            lessons=case.lessons.strip(),
            written_by=case.written_by,
        )
        session.add(row)
        session.flush()
        return row.id or 0


@dataclass(frozen=True)
class LearningCaseRow:
    id: int
    written_on: date
    citizen_id: int
    citizen: str
    company_id: int | None
    company: str
    outcome_id: int | None
    outcome_kind: OutcomeKind | None
    outcome_label: str
    # Why the outcome ended, as recorded with `outcome end --reason`.
    end_reason: str
    citizen_view: str
    company_view: str
    caseworker_view: str
    consultant_view: str
    lessons: str
    written_by: int | None
    written_by_initials: str


def list_learning_cases(engine: Engine, citizen_id: int | None = None) -> list[LearningCaseRow]:
    """Every case (or one citizen's), newest first."""
    writer = aliased(Staff)
    query = (
        select(
            LearningCase,
            col(Citizen.name),
            col(Company.name),
            col(Outcome.kind),
            col(Outcome.end_reason),
            col(writer.initials),
        )
        .join(Citizen, col(Citizen.id) == LearningCase.citizen_id)
        .outerjoin(Company, col(Company.id) == LearningCase.company_id)
        .outerjoin(Outcome, col(Outcome.id) == LearningCase.outcome_id)
        .outerjoin(writer, col(writer.id) == LearningCase.written_by)
        .order_by(col(LearningCase.written_on).desc(), col(LearningCase.id).desc())
    )
    if citizen_id is not None:
        query = query.where(col(LearningCase.citizen_id) == citizen_id)
    with session_scope(engine) as session:
        return [
            LearningCaseRow(
                id=row.id or 0,
                written_on=row.written_on,
                citizen_id=row.citizen_id,
                citizen=citizen,
                company_id=row.company_id,
                company=company or "",
                outcome_id=row.outcome_id,
                outcome_kind=kind,
                outcome_label=label(kind) if kind is not None else "",
                end_reason=reason or "",
                citizen_view=row.citizen_view,
                company_view=row.company_view,
                caseworker_view=row.caseworker_view,
                consultant_view=row.consultant_view,
                lessons=row.lessons,
                written_by=row.written_by,
                written_by_initials=initials or "",
            )
            for row, citizen, company, kind, reason, initials in session.execute(query)
        ]
