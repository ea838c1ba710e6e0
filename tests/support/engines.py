"""Disposing of a test's engine once nothing of the app still uses it."""

from sqlalchemy.engine import Engine

from app.queries import facets


def dispose_after_counts(engine: Engine) -> None:
    """Dispose of `engine` once the background counts are over: a count still running or
    resting holds a connection that disposing would leave open (on PostgreSQL, psycopg then
    warns when it is collected, in whichever test is running)."""
    assert facets.wait_for_background(timeout=30), "a background count outlived its test"
    engine.dispose()
