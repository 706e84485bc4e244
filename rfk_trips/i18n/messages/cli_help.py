"""The command line's help in English; the Danish is the commands' own docstrings and
option help in the `cli*.py` modules.

Key: the command's path (`rfk-trips trip add-visit`), followed by the option's first long
name for an option's help (`rfk-trips trip add-visit --showing`). A test checks that every
command and option with Danish help has its English here, and that nothing here is stale.
"""

HELP_EN: dict[str, str] = {
    "rfk-trips": "rfk-trips: plan bus trips to local companies. Without a command the app opens.",
    "rfk-trips --db": "SQLite file (RFK_TRIPS_DB).",
    "rfk-trips --database-url": "Full SQLAlchemy URL (RFK_TRIPS_DATABASE_URL).",
    "rfk-trips --key-file": (
        "File with the passphrase of an encrypted database (RFK_TRIPS_KEY_FILE)."
    ),
    "rfk-trips --lang": "Language: da (the default, or the one saved under Settings) or en.",
    "rfk-trips --debug": "Show the traceback of unexpected errors.",
    "rfk-trips --exit-when-ready": "Quit once the home screen shows.",
    "rfk-trips --screenshot": "Save the home screen as SVG in this file, and quit.",
    "rfk-trips --served": "Run as one browser session of rfk-trips serve.",
    "rfk-trips serve": (
        "Run the app in the browser: each browser gets its own app (needs rfk-trips[serve])."
    ),
    "rfk-trips serve --host": "The address to listen on (on a SQLite file 127.0.0.1 only).",
    "rfk-trips serve --port": "The port to listen on.",
    "rfk-trips --version": "Show the version and exit.",
    "rfk-trips demo": "Fill the database with realistic demo data for Lolland and Guldborgsund.",
    "rfk-trips demo --scale": "Multiply the amount of data.",
    "rfk-trips demo --force": "Load demo data into a database that is not empty.",
    "rfk-trips import": (
        "Import companies, citizens or staff from .csv or .xlsx.\n\n"
        "trips, attendance and outcomes bring in the history: past trips, the attendance on\n"
        "them and the outcomes afterwards. Import the registers first, then the trips, then the\n"
        "attendance, then the outcomes."
    ),
    "rfk-trips import --dry-run": "Check the file without writing anything.",
    "rfk-trips export": (
        "Export to .csv (Excel), .xlsx or .json. Every export is written in the audit log.\n\n"
        "followups and outcomes name the citizens and are for use in the job centre; stats\n"
        "are the figures of rfk-trips stats, where counts of 1–4 always show as “<5”, so the\n"
        "file can be passed on."
    ),
    "rfk-trips export --from": "stats: the first trip date counted.",
    "rfk-trips export --to": "stats: the last trip date counted.",
    "rfk-trips export --municipality": "stats: only trips in this municipality, e.g. Lolland.",
    "rfk-trips export --trip-format": "stats: only trips of this format, e.g. guldborgsund.",
    "rfk-trips export --on": "stats: the state on this date (default: today).",
    "rfk-trips export --sensitive": (
        "citizens: include accommodation needs (sensitive). The file name must contain "
        "“følsom”, and the export is written in the audit log."
    ),
    "rfk-trips trips": "List trips, by date.",
    "rfk-trips trips --from": "From this date on.",
    "rfk-trips trips --to": "Up to and including this date.",
    "rfk-trips trips --status": (
        "Only trips with this status, e.g. planlagt (draft, planned, … work as well)."
    ),
    "rfk-trips trip": (
        "Plan one trip: create it, add visits, participants and staff, check, confirm."
    ),
    "rfk-trips trip show": "Show a trip with its programme, visits, participants and staff.",
    "rfk-trips trip new": "Create a trip (draft) with its format's defaults. Prints the trip's id.",
    "rfk-trips trip new --format": "guldborgsund, lolland or custom.",
    "rfk-trips trip add-visit": "Add a company visit.",
    "rfk-trips trip add-visit --showing": "What the group is to see.",
    "rfk-trips trip add-visit --confirmed": "The company has confirmed the visit.",
    "rfk-trips trip add-participant": "Add citizens as participants (or reserves).",
    "rfk-trips trip add-participant --reserve": "Add as reserves.",
    "rfk-trips trip add-staff": "Add staff; --lead makes one of them the trip lead.",
    "rfk-trips trip add-staff --lead": "The staff member leads the trip.",
    "rfk-trips trip remove-participant": "Remove a citizen from the trip.",
    "rfk-trips trip check": "Check the trip against the rules. Exits with 3 if there are errors.",
    "rfk-trips trip confirm": "Confirm the trip; refused while an error stands.",
    "rfk-trips trip move-programme": (
        "Move every time of the programme alike, so that the meeting matches the trip's "
        "meeting time."
    ),
    "rfk-trips trip plan": "Mark a draft as planned.",
    "rfk-trips trip cancel": "Cancel the trip (it is not deleted).",
    "rfk-trips trip complete": (
        "Mark the trip as completed (after the check-in) and create the follow-ups."
    ),
    "rfk-trips trip complete --force": "Complete it even though someone is still pending.",
    "rfk-trips trip complete --follow-up-days": (
        "Days until the follow-up talk with each participant who came. Default: the trip "
        "format's setting (14, unless changed under Settings)."
    ),
    "rfk-trips checkin": "Record attendance (CITIZEN_ID --status …), or show the list (--list).",
    "rfk-trips checkin --status": "present, late, left early, excused or no-show.",
    "rfk-trips checkin --reason": "Reason, e.g. for being excused.",
    "rfk-trips checkin --leg": "Part of the day (0 = departure).",
    "rfk-trips checkin --walk-in": (
        "Take a reserve in as participant (present at departure); with --status, that status."
    ),
    "rfk-trips checkin --list": "Show the trip's check-in.",
    "rfk-trips db": "The database: where it is, upgrading, checking and encryption.",
    "rfk-trips db path": "Print where the database is.",
    "rfk-trips db upgrade": "Upgrade the database to this version's schema (backing it up first).",
    "rfk-trips db grant": (
        "Shared PostgreSQL database: give the colleagues' group role rfk_trips_brugere its "
        "privileges (run as the owner)."
    ),
    "rfk-trips db check": (
        "Check the database's integrity and foreign keys, and that the audit log is unbroken."
    ),
    "rfk-trips db encrypt": (
        "Encrypt the database with SQLCipher (passphrase from --key-file, else asked for)."
    ),
    "rfk-trips db decrypt": "Make an encrypted database unencrypted again (needs the passphrase).",
    "rfk-trips db rekey": (
        "Change the passphrase of an encrypted database (the old one from --key-file, else "
        "asked for)."
    ),
    "rfk-trips db rekey --new-key-file": (
        "File with the new passphrase; otherwise it is asked for twice."
    ),
    "rfk-trips backup": "Back up the database to FILE.",
    "rfk-trips restore": "Restore the database from a backup (the current one is saved first).",
    "rfk-trips restore --force": "Restore even if the database is newer than the backup.",
    "rfk-trips municipality-add": (
        "Create a municipality or unit (such as Vordingborg), so that imports can use it."
    ),
    "rfk-trips municipality-add --formats": "Comma-separated format codes.",
    "rfk-trips municipality-add --phone": (
        "The job centre's phone number for the participants' programme."
    ),
    "rfk-trips audit": (
        "The audit log: who created, changed and deleted what, and what left the program.\n\n"
        "The log names fields and files, never their contents; a change to it is found."
    ),
    "rfk-trips audit --citizen": "Only lines about this citizen (id).",
    "rfk-trips audit --read-outs": (
        "Only what left the program: exports, printouts, calendar files, reminders."
    ),
    "rfk-trips audit --limit": "At most this many lines, newest first; 0 shows all.",
    "rfk-trips audit --json": "Write the lines as JSON (English keys).",
    "rfk-trips ics": (
        "Save the trip and its visits as a calendar file (.ics) for Outlook, without the "
        "citizens' names."
    ),
    "rfk-trips ics --output": "The calendar file to write (.ics).",
    "rfk-trips reminders": (
        "Save text-message reminders for the trip's participants (name, phone, message) as "
        ".csv or .xlsx."
    ),
    "rfk-trips reminders --output": "The file for the text-message system (.csv or .xlsx).",
    "rfk-trips followups": "Follow-ups after the trips, by due date (citizen, trip, owner).",
    "rfk-trips followups --due": "Only those due today or earlier.",
    "rfk-trips followups --all": "Also those already recorded.",
    "rfk-trips followups --citizen": "Only for this citizen.",
    "rfk-trips followup": "Record a follow-up.",
    "rfk-trips followup done": "Mark the follow-up as held, with the next step agreed.",
    "rfk-trips followup done --note": "What was talked about (no health information).",
    "rfk-trips followup done --company": "A company the citizen is interested in.",
    "rfk-trips followup done --next-step": "The next step agreed.",
    "rfk-trips followup done --due": "Due date of the next step.",
    "rfk-trips followup done --staff": "Owner of the next step (id).",
    "rfk-trips stalled": "Citizens with no next step after a trip or a finished placement.",
    "rfk-trips outcome": "Outcomes after the trips: internships, hours, jobs, education …",
    "rfk-trips outcome add": "Record an outcome for a citizen, linked to the trip that led to it.",
    "rfk-trips outcome add --kind": "The kind of outcome.",
    "rfk-trips outcome add --start": "Start date.",
    "rfk-trips outcome add --end": "End date, if known.",
    "rfk-trips outcome add --trip": "The trip that led to the outcome.",
    "rfk-trips outcome add --company": "The company.",
    "rfk-trips outcome add --hours": "Hours per week.",
    "rfk-trips outcome add --aim": "Internship: the aim agreed.",
    "rfk-trips outcome add --review": "Internship: review date (default 13 weeks).",
    "rfk-trips outcome end": "End an outcome, such as an internship.",
    "rfk-trips outcome end --date": "The end date.",
    "rfk-trips outcome end --reason": "Why it ended (needed for an internship ended early).",
    "rfk-trips outcome list": "The outcomes, for a citizen or a trip.",
    "rfk-trips learning-case": (
        "Learning cases: what a broken-off placement taught us, from four sides."
    ),
    "rfk-trips learning-case add": (
        "Write a learning case about an outcome (citizen and company are taken from the outcome)."
    ),
    "rfk-trips learning-case add --citizen-view": (
        "The citizen's view of what happened and what had been agreed."
    ),
    "rfk-trips learning-case add --company-view": (
        "The company's view of what happened and what had been agreed."
    ),
    "rfk-trips learning-case add --caseworker-view": (
        "The caseworker's view of what happened and what had been agreed."
    ),
    "rfk-trips learning-case add --consultant-view": (
        "The company consultant's view of what happened and what had been agreed."
    ),
    "rfk-trips learning-case add --lessons": "What we learnt: what we do differently next time.",
    "rfk-trips learning-case add --by": "The staff member who wrote it (id).",
    "rfk-trips learning-case add --date": "Written on (default: today).",
    "rfk-trips learning-case list": (
        "The learning cases, newest first, with the four views of the placement."
    ),
    "rfk-trips learning-case list --citizen": "Only for this citizen.",
    "rfk-trips learning-case list --json": "Write the learning cases as JSON.",
    "rfk-trips citizen": "One citizen's rights: access to their own data, and erasure.",
    "rfk-trips citizen report": (
        "Access report (GDPR art. 15): everything recorded about the citizen.\n\n"
        "The report is for the citizen, so it includes accommodation needs (marked\n"
        "sensitive). Only you can read the file, and handing it out is written in the log."
    ),
    "rfk-trips citizen report --output": "The file to save the report in: .txt, .md or .json.",
    "rfk-trips citizen erase": (
        "Erase a citizen's personal data (GDPR art. 17); the figures stay, anonymously.\n\n"
        "Name, phone, job goals, referral date, accommodation needs, caseworker and notes are\n"
        "removed. Attendance and outcomes stay without the name, so “stats” shows the same\n"
        "as before."
    ),
    "rfk-trips citizen erase --yes": "Erase without asking (the erasure has been decided).",
    "rfk-trips purge": (
        "Retention: anonymise citizens with no trips, follow-ups or outcomes for N months.\n\n"
        "Activity is trip dates, follow-ups' due and done dates, outcomes' start and end (an\n"
        "outcome without an end date is running), learning cases, the referral date and\n"
        "changes to the citizen. Attendance and outcomes stay, anonymously, so “stats” shows\n"
        "the same. Run with --dry-run first. It all happens in one transaction and is\n"
        "written in the log."
    ),
    "rfk-trips purge --inactive-months": (
        "Anonymise citizens with no activity for this many months. Default: the database's "
        "retention period (24, unless changed with --set-default)."
    ),
    "rfk-trips purge --dry-run": "Show who would be anonymised; change nothing.",
    "rfk-trips purge --set-default": (
        "Save the retention period in months for everyone using the database, and exit."
    ),
    "rfk-trips stats": (
        "Figures for completed trips: attendance and outcomes after the trip, in total and "
        "broken down."
    ),
    "rfk-trips stats --from": "The first trip date counted.",
    "rfk-trips stats --to": "The last trip date counted.",
    "rfk-trips stats --municipality": "Only trips in this municipality, e.g. Lolland.",
    "rfk-trips stats --trip-format": "Only trips of this format, e.g. guldborgsund.",
    "rfk-trips stats --trip": "Only this trip (id): what came of it?",
    "rfk-trips stats --on": (
        "The state on this date: who had an outcome running that day (default: today)."
    ),
    "rfk-trips stats --json": "Write the figures as JSON.",
    "rfk-trips stats --suppress-small": (
        "Show counts of 1–4 as “<5”, for figures that leave the job centre."
    ),
    "rfk-trips target": (
        "Targets per municipality and half-year, and how far the outcomes have come."
    ),
    "rfk-trips target set": (
        "Set (or correct) a target: target set Lolland 2026H1 --measure in_paid_work --value 12."
    ),
    "rfk-trips target set --measure": (
        "What is counted, e.g. in_paid_work, attended, paid_hours, internship, small_job, "
        "hosts_visited, new_hosts."
    ),
    "rfk-trips target set --value": "The target (a whole number above 0).",
    "rfk-trips target remove": "Delete a target.",
    "rfk-trips target remove --measure": "The target to delete, e.g. in_paid_work.",
    "rfk-trips target list": "The targets by half-year and municipality.",
    "rfk-trips target list --municipality": "Only this municipality.",
    "rfk-trips target list --half": "Only this half-year, e.g. 2026H1.",
    "rfk-trips target list --json": "Write the targets as JSON.",
    "rfk-trips target progress": (
        "How far have we come with the targets? Default: the current half-year."
    ),
    "rfk-trips target progress --municipality": "Only this municipality.",
    "rfk-trips target progress --json": "Write the progress as JSON.",
    "rfk-trips programme": (
        "Save the trip's programme for the participants, the staff, the company or the bus."
    ),
    "rfk-trips programme --for": (
        "Who the programme is for: participant (participants), staff (run sheet for the "
        "staff), company (the host company) or bus (the bus company)."
    ),
    "rfk-trips programme --output": "The file to save: .pdf, .txt or .md.",
}
