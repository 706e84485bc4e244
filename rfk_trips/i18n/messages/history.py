"""Importing the past (`rfk-trips import trips|attendance|outcomes`): what a row may not say."""

MESSAGES: dict[str, tuple[str, str]] = {
    "history.cell": ("kolonnen {column}: {message}", "the column {column}: {message}"),
    "history.blank": ("skal udfyldes.", "must be filled in."),
    # --- what a row names ---
    "history.company_cvr_unknown": (
        "ingen virksomhed i registret har CVR {cvr}. Importér virksomhederne først, eller ret "
        "nummeret.",
        "no company in the register has CVR {cvr}. Import the companies first, or fix the number.",
    ),
    "history.company_unknown": (
        "virksomheden »{name}« findes ikke i registret. Importér virksomhederne først, eller "
        "skriv navnet, som det står i registret (eller CVR-nummeret).",
        "the company “{name}” is not in the register. Import the companies first, or write "
        "the name as the register has it (or the CVR number).",
    ),
    "history.company_ambiguous": (
        "{count} virksomheder i registret hedder »{name}«. Skriv CVR-nummeret, eller navnet "
        "med postnummer, fx »{name}, 4900«.",
        "{count} companies in the register are called “{name}”. Write the CVR number, or the "
        "name with its postcode, e.g. “{name}, 4900”.",
    ),
    "history.citizen_unknown": (
        "borgeren »{name}« findes ikke i registret. Importér borgerne først, eller skriv navnet, "
        "som det står i registret.",
        "the citizen “{name}” is not in the register. Import the citizens first, or write the "
        "name as the register has it.",
    ),
    "history.citizen_phone": (
        "ingen borger ved navn »{name}« har telefonnummeret {phone}. Ret nummeret, eller lad "
        "cellen stå tom, hvis kun én borger har navnet.",
        "no citizen called “{name}” has the phone number {phone}. Fix the number, or leave "
        "the cell blank if only one citizen has the name.",
    ),
    "history.citizen_ambiguous": (
        "{count} borgere i registret hedder »{name}«. Skriv borgerens telefonnummer i "
        "kolonnen telefon.",
        "{count} citizens in the register are called “{name}”. Write the citizen's phone "
        "number in the column telefon.",
    ),
    "history.staff_unknown": (
        "ingen medarbejder har initialerne »{initials}«. Importér medarbejderne først, eller "
        "ret initialerne.",
        "no colleague has the initials “{initials}”. Import the staff first, or fix the initials.",
    ),
    "history.trip_unknown": (
        "der er ingen tur »{title}« den {date}. Importér turene først, eller skriv dato og "
        "titel, som turen har dem i rfk-trips.",
        "there is no trip “{title}” on {date}. Import the trips first, or write the date and "
        "title as the trip has them in rfk-trips.",
    ),
    "history.trip_ambiguous": (
        "der er flere ture »{title}« den {date}. Skriv turens nummer i kolonnen tur_id, og "
        "lad dato og titel stå tomme.",
        "there are several trips “{title}” on {date}. Write the trip's number in the column "
        "tur_id and leave the date and title blank.",
    ),
    "history.trip_id_unknown": (
        "der er ingen tur nummer {id}. Skriv turens dato og titel i stedet.",
        "there is no trip number {id}. Write the trip's date and title instead.",
    ),
    "history.trip_needed": (
        "rækken siger ikke, hvilken tur den gælder. Skriv turens dato og titel.",
        "the row does not say which trip it is about. Write the trip's date and title.",
    ),
    "history.trip_day_none": (
        "borgeren var ikke med på nogen tur den {date}. Skriv turens dato og titel, fx "
        "»{date} Bustur til Nordic Sugar«.",
        "the citizen was on no trip on {date}. Write the trip's date and title, e.g. “{date} "
        "Bus trip to Nordic Sugar”.",
    ),
    "history.trip_day_several": (
        "borgeren var med på flere ture den {date}. Skriv også turens titel efter datoen.",
        "the citizen was on several trips on {date}. Write the trip's title after the date "
        "as well.",
    ),
    # --- trips ---
    "history.completed_future": (
        "en gennemført tur kan ikke ligge i fremtiden ({date}). Ret datoen, eller skriv "
        "»aflyst« i kolonnen status.",
        "a completed trip cannot lie in the future ({date}). Fix the date, or write “aflyst” "
        "in the column status.",
    ),
    "history.same_trip": (
        "samme tur (dato og titel) som linje {line}. Slet den ene linje, eller giv turene "
        "forskellige titler.",
        "the same trip (date and title) as line {line}. Delete one line, or give the trips "
        "different titles.",
    ),
    "history.format_needed": (
        "skriv turformatet (fx lolland eller guldborgsund): kommunen siger det ikke.",
        "write the trip format (e.g. lolland or guldborgsund): the municipality does not say.",
    ),
    "history.end_before_start": (
        "turen slutter ({end}) før den begynder ({start}). Ret klokkeslættene.",
        "the trip ends ({end}) before it begins ({start}). Fix the times.",
    ),
    "history.too_many_companies": (
        "{count} virksomheder; en tur besøger højst {most}. Del besøgene på flere ture.",
        "{count} companies; a trip visits at most {most}. Split the visits over more trips.",
    ),
    "history.company_twice": (
        "virksomheden »{name}« står to gange på samme tur.",
        "the company “{name}” is on the same trip twice.",
    ),
    "history.planning_status": (
        "en importeret tur er gennemført eller aflyst, ikke {status}. Planlæg nye ture under "
        "Ture, eller skriv »gennemført« eller »aflyst«.",
        "an imported trip is completed or cancelled, not {status}. Plan new trips under "
        "Trips, or write “gennemført” or “aflyst”.",
    ),
    "history.trip_in_planning": (
        "turen findes allerede i rfk-trips og er {status}. En tur under planlægning ændres "
        "under Ture, ikke ved import.",
        "the trip is already in rfk-trips and is {status}. A trip being planned is changed "
        "under Trips, not by an import.",
    ),
    # --- attendance ---
    "history.attendance_pending": (
        "skriv, hvordan det gik: mødt, kom for sent, gik tidligt, afbud eller udeblevet.",
        "write how it went: mødt, kom for sent, gik tidligt, afbud or udeblevet.",
    ),
    "history.attendance_not_completed": (
        "turen »{title}« er {status}; fremmøde importeres kun til gennemførte ture.",
        "the trip “{title}” is {status}; attendance is imported only for completed trips.",
    ),
    "history.same_attendance": (
        "samme borger på samme tur som linje {line}. Slet den ene linje.",
        "the same citizen on the same trip as line {line}. Delete one line.",
    ),
    "history.twice_on_day": (
        "{name} er allerede med på turen »{title}« den {date}; en borger kan kun være med på "
        "én tur om dagen.",
        "{name} is already on the trip “{title}” on {date}; a citizen can be on only one trip "
        "a day.",
    ),
    # --- outcomes ---
    "history.same_outcome": (
        "samme resultat for samme borger med samme startdato som linje {line}. Slet den ene linje.",
        "the same outcome for the same citizen with the same start date as line {line}. "
        "Delete one line.",
    ),
    "history.outcome_ambiguous": (
        "borgeren har {count} resultater af den slags med samme startdato. Tilføj kolonnen "
        "virksomhed, så de kan skelnes.",
        "the citizen has {count} outcomes of that kind with the same start date. Add the "
        "column virksomhed so they can be told apart.",
    ),
    "history.not_on_trip": (
        "{name} var ikke med på turen »{title}«. Importér fremmødet først, eller ret turen.",
        "{name} was not on the trip “{title}”. Import the attendance first, or fix the trip.",
    ),
    "history.before_trip": (
        "resultatet starter før turen den {date}. Ret startdatoen eller turen, eller lad "
        "kolonnen tur stå tom, hvis resultatet ikke skyldes en tur.",
        "the outcome starts before the trip on {date}. Fix the start date or the trip, or "
        "leave the column tur blank if the outcome is not due to a trip.",
    ),
}
