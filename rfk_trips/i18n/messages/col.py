"""Column headings of the register lists (companies, citizens, staff)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "col.name": ("Navn", "Name"),
    "col.town": ("By", "Town"),
    "col.municipality": ("Kommune", "Municipality"),
    "col.industry": ("Branche", "Industry"),
    "col.qualifies": ("Kvalificeret", "Qualifies"),
    "col.ambassador": ("Amb.", "Amb."),
    "col.last_visit": ("Sidste besøg", "Last visit"),
    "col.phone": ("Telefon", "Phone"),
    "col.benefit": ("Ydelse", "Benefit"),
    "col.caseworker": ("Sagsb.", "Casew."),
    "col.cohort": ("Forløb", "Cohort"),
    "col.job_goals": ("Jobmål", "Job goals"),
    "col.duty": ("Mødepligt", "Duty"),
    "col.trips": ("Ture", "Trips"),
    "col.needs": ("Hensyn", "Needs"),
    "col.initials": ("Init.", "Init."),
    "col.role": ("Rolle", "Role"),
    "col.email": ("E-mail", "E-mail"),
}
