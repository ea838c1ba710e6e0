"""Database upkeep behind `diplomat db backup`, `db check` and `db copy`."""


class MaintenanceError(Exception):
    """A problem with the request itself (not SQLite, no such file); one line for the user."""
