"""The calendar export (`rfk-trips ics`) and the SMS reminders (`reminders`).

The SMS texts (`calendar.sms.*`) are always sent in Danish; their English forms keep the
catalogue whole.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the calendar file (.ics) ----------------------------------------------------
    "calendar.file_type": (
        "Kalenderen gemmes som en .ics-fil, ikke »{suffix}«. Skriv fx -o bustur.ics.",
        "The calendar is saved as an .ics file, not “{suffix}”. Write e.g. -o bustrip.ics.",
    ),
    "calendar.cannot_write": (
        "Filen {path} kunne ikke gemmes: {reason}. Vælg en anden mappe eller et andet navn.",
        "The file {path} could not be saved: {reason}. Choose another folder or name.",
    ),
    "calendar.programme": ("Program:", "Programme:"),
    "calendar.staff": ("Medarbejdere: {names}", "Staff: {names}"),
    "calendar.lead": ("{name} (tovholder)", "{name} (lead)"),
    "calendar.visit_summary": ("Besøg: {company}", "Visit: {company}"),
    "calendar.visit_showing": ("Vi skal se: {showing}", "We will see: {showing}"),
    "calendar.visit_contact": ("Kontakt: {contact}", "Contact: {contact}"),
    "calendar.visit_phone": ("Telefon: {phone}", "Phone: {phone}"),
    "calendar.cancelled": ("AFLYST: {summary}", "CANCELLED: {summary}"),
    "calendar.visit_removed": (
        "Besøget er taget af turens program.",
        "The visit has been taken off the trip's programme.",
    ),
    "calendar.ics_cancelled": (
        "{count} besøg, der er taget af turen, står i filen som aflyst (samme aftale i "
        "Outlook, nu »AFLYST« og vist som ledig tid).",
        "{count} visit(s) taken off the trip are in the file as cancelled (the same event in "
        "Outlook, now “CANCELLED” and shown as free time).",
    ),
    "calendar.ics_done": (
        "Kalenderen for »{title}« er gemt i {path} ({events} aftaler). Åbn filen i Outlook "
        "for at lægge turen i kalenderen; en ny fil efter ændringer opdaterer de samme aftaler.",
        "The calendar for “{title}” is saved in {path} ({events} events). Open the file in "
        "Outlook to put the trip in the calendar; a new file after changes updates the same "
        "events.",
    ),
    # --- SMS reminders ------------------------------------------------------------------
    "calendar.sms.when": (
        "Husk busturen {day} kl. {time}.",
        "Remember the bus trip {day} at {time}.",
    ),
    "calendar.sms.when_no_time": ("Husk busturen {day}.", "Remember the bus trip {day}."),
    "calendar.sms.today": (
        "I dag er det busturen, kl. {time}.",
        "Today is the bus trip, at {time}.",
    ),
    "calendar.sms.today_no_time": ("I dag er det busturen.", "Today is the bus trip."),
    "calendar.sms.place": ("Vi mødes: {place}.", "We meet at: {place}."),
    "calendar.sms.call": (
        "Ring til {name} på {phone}, hvis du ikke kan komme.",
        "Call {name} on {phone} if you cannot come.",
    ),
    "calendar.sms.call_jobcentre": (
        "Ring til jobcentret, hvis du ikke kan komme.",
        "Call the job centre if you cannot come.",
    ),
    # The tab of the reminders workbook.
    "calendar.reminders_sheet": ("Påmindelser", "Reminders"),
    "calendar.reminders_file_type": (
        "Påmindelser gemmes som .csv eller .xlsx, ikke »{suffix}«. Skriv fx -o påmindelser.csv.",
        "Reminders are saved as .csv or .xlsx, not “{suffix}”. Write e.g. -o reminders.csv.",
    ),
    "calendar.reminders_closed": (
        "Turen er {status}, så der laves ingen påmindelser om den.",
        "The trip is {status}, so no reminders are made for it.",
    ),
    "calendar.reminders_done": (
        "Påmindelser til {count} deltager(e), dagen før og om morgenen, er gemt i {path}. Læs "
        "filen ind i kommunens sms-system; kolonnen »sendes« siger, hvornår hver skal sendes.",
        "Reminders for {count} participant(s), the day before and in the morning, are saved "
        "in {path}. Load the file into the municipality's SMS system; the column 'sendes' "
        "says when each is to be sent.",
    ),
    "calendar.reminders_made": (
        "Påmindelser til {count} deltager(e), dagen før og om morgenen: læs filen ind i "
        "kommunens sms-system; kolonnen »sendes« siger, hvornår hver skal sendes.",
        "Reminders for {count} participant(s), the day before and in the morning: load the "
        "file into the municipality's SMS system; the column 'sendes' says when each goes.",
    ),
    "calendar.reminders_no_phone": (
        "{count} deltager(e) har intet telefonnummer og får ingen sms: {names}. Ring eller "
        "skriv til dem på anden vis.",
        "{count} participant(s) have no phone number and get no SMS: {names}. Call or write "
        "to them some other way.",
    ),
}
