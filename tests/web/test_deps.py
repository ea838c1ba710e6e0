"""The session a request gets (app/web/deps.py): made and closed outside the page threads,
its connection back in the pool once the answer is sent, whatever the page did."""

from sqlalchemy import event


def test_every_request_gives_its_connection_back(seeded_client):
    engine = seeded_client.app.state.engine
    given, taken = [], []
    event.listen(engine, "checkout", lambda *args: taken.append(1))
    event.listen(engine, "checkin", lambda *args: given.append(1))
    pages = ["/", "/speakers/sergey-lavrov", "/speakers/no-such-person", "/search?q=%22",
             "/quotes/999999", "/topics"]  # fmt: skip
    statuses = [seeded_client.get(page).status_code for page in pages]
    assert statuses.count(404) >= 2 and statuses.count(200) >= 3
    assert taken and len(given) == len(taken)  # each page's connection checked in again
    assert engine.pool.checkedout() == 0


def test_the_session_is_made_in_the_event_loop_not_a_page_thread(seeded_client):
    """A page waits its turn for one of PAGE_THREADS once, not again for its session."""
    import threading

    from app.web import deps

    made_in: list[str] = []
    real = deps.Session

    class Watched(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            made_in.append(threading.current_thread().name)
            super().__init__(*args, **kwargs)

    deps.Session = Watched
    try:
        assert seeded_client.get("/speakers/sergey-lavrov").status_code == 200
    finally:
        deps.Session = real
    loop_thread = seeded_client.portal.call(lambda: threading.current_thread().name)
    assert made_in == [loop_thread]
