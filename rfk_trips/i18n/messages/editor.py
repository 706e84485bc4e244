"""The trip editor: keys, tabs, columns, the live count and the findings summary."""

MESSAGES: dict[str, tuple[str, str]] = {
    "editor.confirm": ("Bekræft tur", "Confirm trip"),
    "editor.next_tab": ("Næste fane", "Next tab"),
    "editor.save_details": ("Gem oplysninger", "Save details"),
    "editor.save_details_button": ("Gem oplysninger (F10)", "Save details (F10)"),
    "editor.reserve": ("Som reserve", "As reserve"),
    "editor.move_role": ("Deltager/reserve", "Participant/reserve"),
    "editor.remove": ("Fjern", "Remove"),
    "editor.toggle_confirmed": ("Bekræftet til/fra", "Confirmed on/off"),
    "editor.lead": ("Gør til tovholder", "Make lead"),
    "editor.new_item": ("Nyt programpunkt", "New item"),
    "editor.item_up": ("Flyt op", "Move up"),
    "editor.item_down": ("Flyt ned", "Move down"),
    "editor.shift_programme": ("Flyt til mødetid", "Move to meeting time"),
    "editor.tab.details": ("Oplysninger", "Details"),
    "editor.tab.programme": ("Program", "Programme"),
    "editor.tab.visits": ("Besøg", "Visits"),
    "editor.tab.group": ("Gruppe", "Group"),
    "editor.tab.staff": ("Medarbejdere", "Staff"),
    "editor.tab.findings": ("Fund", "Findings"),
    "editor.programme_hint": (
        "Enter: redigér · Ctrl+N: nyt punkt · − / +: flyt op/ned · Delete: fjern · t: flyt "
        "alle tider med mødetiden. »Deltagernes dagsorden« er et åbent punkt, som gruppen "
        "selv fylder ud på dagen.",
        "Enter: edit · Ctrl+N: new item · − / +: move up/down · Delete: remove · t: move "
        "every time with the meeting time. “Participants' agenda” is an open slot the "
        "group fills in on the day.",
    ),
    "editor.visits_hint": (
        "Besøg på turen. Enter: tider og aftale · Mellemrum: bekræftet til/fra · Delete: fjern.",
        "Visits on the trip. Enter: times and agreement · Space: confirmed on/off · Delete: "
        "remove.",
    ),
    "editor.hosts_title": (
        "Mulige værter (kun kvalificerede; bedst match med gruppens jobmål først). Enter: tilføj.",
        "Possible hosts (qualifying only; best match with the group's job goals first). "
        "Enter: add.",
    ),
    "editor.host_search": ("Søg virksomhed", "Search company"),
    "editor.candidates_title": (
        "Borgere, der kan komme med. Enter: tilføj som deltager · r: som reserve",
        "Citizens who can join. Enter: add as participant · r: as reserve",
    ),
    "editor.citizen_search": ("Søg borger (navn, telefon, forløb)", "Search citizen"),
    "editor.staff_candidates": ("Medarbejdere. Enter: tilføj", "Staff. Enter: add"),
    "editor.staff_search": ("Søg medarbejder", "Search staff"),
    "editor.trip_staff": (
        "På turen. l: tovholder · Delete: fjern",
        "On the trip. l: lead · Delete: remove",
    ),
    "editor.findings_hint": (
        "✗ FEJL skal rettes, før turen kan bekræftes. ⚠ ADVARSEL kan accepteres med en "
        "begrundelse: vælg den og tryk Enter.",
        "✗ ERRORS must be fixed before the trip can be confirmed. ⚠ WARNINGS can be "
        "accepted with a reason: choose one and press Enter.",
    ),
    "editor.col.no": ("Nr", "No"),
    "editor.col.time": ("Tid", "Time"),
    "editor.col.address": ("Adresse", "Address"),
    "editor.col.confirmed": ("Aftale", "Agreement"),
    "editor.col.match": ("Matcher jobmål", "Matches goals"),
    "editor.col.role": ("Rolle", "Role"),
    "editor.col.lead": ("Tovholder", "Lead"),
    "editor.col.severity": ("Alvor", "Severity"),
    "editor.col.message": ("Fund", "Finding"),
    "editor.col.reason": ("Begrundelse", "Reason"),
    "editor.confirmed_yes": ("✓ bekræftet", "✓ confirmed"),
    "editor.confirmed_no": ("… ikke bekræftet", "… not confirmed"),
    "editor.lead_yes": ("★ tovholder", "★ lead"),
    "editor.accepted": ("ACCEPTERET", "ACCEPTED"),
    "editor.count": (
        "Deltagere: {count} (formatet: {minimum}–{maximum}) · Reserver: {reserves} · {verdict}",
        "Participants: {count} (format: {minimum}–{maximum}) · Reserves: {reserves} · {verdict}",
    ),
    "editor.count_ok": ("✓ i orden", "✓ fine"),
    "editor.count_warning": ("⚠ uden for formatet", "⚠ outside the format"),
    "editor.count_error": ("✗ skal være 6–15", "✗ must be 6–15"),
    "editor.summary_errors": (
        "✗ {errors} fejl, ⚠ {warnings} advarsel(er) · {first}",
        "✗ {errors} error(s), ⚠ {warnings} warning(s) · {first}",
    ),
    "editor.summary_warnings": (
        "✓ Ingen fejl · ⚠ {warnings} advarsel(er) at se på (fanen Fund)",
        "✓ No errors · ⚠ {warnings} warning(s) to look at (Findings tab)",
    ),
    "editor.summary_ok": (
        "✓ Ingen fejl eller åbne advarsler. Turen kan bekræftes med F9.",
        "✓ No errors or open warnings. The trip can be confirmed with F9.",
    ),
    "editor.summary_ok_done": (
        "✓ Ingen fejl eller åbne advarsler. Turen er {status}.",
        "✓ No errors or open warnings. The trip is {status}.",
    ),
    "editor.closed": ("kan ikke ændres", "cannot be changed"),
    "editor.visit_added": ("Besøg tilføjet.", "Visit added."),
    "editor.confirm_remove_visit": (
        "Fjern besøget hos {name} fra turen? Tider og aftale for besøget slettes.",
        "Remove the visit to {name} from the trip? Its times and agreement are deleted.",
    ),
    "editor.confirm_format": (
        "Skift turformat og brug formatets tider og program? Det nuværende program erstattes.",
        "Change the trip format and use its times and programme? The current programme is "
        "replaced.",
    ),
    "editor.format_applied": (
        "Formatets standarder er brugt.",
        "The format's defaults are used.",
    ),
    # Printing (Ctrl+O).
    "editor.print": ("Udskriv", "Print"),
    "editor.col.transport": ("Transport", "Transport"),
    "editor.col.markers": ("Markører", "Markers"),
    "editor.allowance": ("tilskud", "allowance"),
    "editor.allowance_amount": ("tilskud {amount} kr.", "allowance DKK {amount}"),
    "editor.mark.not_referred": ("ikke visiteret", "no referral"),
    "editor.mark.physical": ("fysisk begrænsning", "physical limitation"),
    "editor.mark.unsure": ("usikker", "unsure"),
    "editor.mark.prepared": ("forberedt", "prepared"),
    "editor.transport_none": (
        "Transport: ingen tilskud eller afhentninger endnu. Enter på en deltager.",
        "Transport: no allowances or pick-ups yet. Enter on a participant.",
    ),
    "editor.transport_line": (
        "Transport: {allowances} med tilskud ({total} kr.), {pickups} afhentes, længste rejsetid "
        "{travel} min.",
        "Transport: {allowances} with allowance (DKK {total}), {pickups} picked up, longest "
        "travel {travel} min.",
    ),
    "editor.demanding": ("Fysisk krævende", "Physically demanding"),
    "editor.toggle_demanding": ("Fysisk krævende til/fra", "Physically demanding on/off"),
    "editor.reminders": ("Lav påmindelser", "Make reminders"),
    "editor.reminders_working": ("Påmindelserne laves …", "Making the reminders …"),
}
