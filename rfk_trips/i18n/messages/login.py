"""The login screen of a browser session on a shared PostgreSQL database."""

MESSAGES: dict[str, tuple[str, str]] = {
    "login.title": ("Log ind", "Log in"),
    "login.intro": (
        "Log ind med dit eget databaselogin. Det, du gør, skrives i revisionsloggen under det.",
        "Log in with your own database login. What you do is written in the audit log under it.",
    ),
    "login.name": ("Login", "Login"),
    "login.password": ("Adgangskode", "Password"),
    "login.button": ("Log ind", "Log in"),
    "login.binding": ("Log ind", "Log in"),
    "login.working": ("Logger ind …", "Logging in …"),
    "login.name_missing": ("Skriv dit login.", "Type your login."),
    "login.password_missing": ("Skriv din adgangskode.", "Type your password."),
    "login.refused": (
        "Forkert login eller adgangskode. Prøv igen.",
        "Wrong login or password. Try again.",
    ),
    "login.not_allowed": (
        "Login {login} må ikke bruge rfk-trips' database. Bed den, der ejer databasen, om at "
        "give dig adgang (README: En fælles database for jobcentret).",
        "The login {login} may not use rfk-trips' database. Ask the owner of the database to "
        "give you access (README: A shared database for the job centre).",
    ),
    "login.server_away": (
        "Databaseserveren svarer ikke: {reason}",
        "The database server does not answer: {reason}",
    ),
    "login.first": (
        "Log ind først.",
        "Log in first.",
    ),
}
