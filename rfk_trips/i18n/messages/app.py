"""The app's frame and home screen: title, counts, upcoming trips, the demo offer, quitting."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- app --------------------------------------------------------------------------------
    "app.title": ("rfk-trips – busture til arbejdsmarkedet", "rfk-trips – bus trips to work"),
    "app.home": ("Oversigt", "Overview"),
    "app.palette_tooltip": ("Åbn kommandopaletten (ctrl+p)", "Open the command palette (ctrl+p)"),
    "app.quit": ("Afslut", "Quit"),
    "app.quit_hint_title": ("Vil du afslutte?", "Do you want to quit?"),
    "app.quit_hint": ("Tryk Ctrl+Q for at afslutte rfk-trips.", "Press Ctrl+Q to quit rfk-trips."),
    "app.loading": ("Henter data …", "Loading …"),
    "app.counts": (
        "{companies} virksomheder · {citizens} borgere · {upcoming} kommende ture",
        "{companies} companies · {citizens} citizens · {upcoming} upcoming trips",
    ),
    "app.empty": (
        "Databasen er tom. Vil du indlæse demodata for Lolland og Guldborgsund, så du kan "
        "prøve rfk-trips af?",
        "The database is empty. Load demo data for Lolland and Guldborgsund to try rfk-trips?",
    ),
    "app.load_demo": ("Indlæs demodata", "Load demo data"),
    "app.demo_loading": ("Indlæser demodata …", "Loading demo data …"),
    "app.upcoming": ("Kommende ture", "Upcoming trips"),
    "app.col.date": ("Dato", "Date"),
    "app.col.title": ("Tur", "Trip"),
    "app.col.status": ("Status", "Status"),
    "app.col.participants": ("Deltagere", "Participants"),
    "app.database": ("Database: {where}", "Database: {where}"),
    "app.screenshot": ("Skærmbillede gemt: {path}", "Screenshot saved: {path}"),
    "app.screenshot_binding": ("Skærmbillede", "Screenshot"),
    "app.refresh": ("Opdatér", "Refresh"),
}
