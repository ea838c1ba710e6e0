"""One statement, many reports (app/ingest/statements.py): near-identical quotes of one speaker
grouped whatever order the articles arrive in, the earliest report leads, re-ingest splits
what no longer holds together, and the tallies count statements."""

import itertools
from datetime import date

import pytest
from sqlalchemy import text

from app.extract.article import ExtractedArticle
from app.ingest import statements
from app.ingest.store import store_article
from app.maintenance import statement_check
from tests.conftest import TOPIC_NAMES, quote_in

LINE = "“We are building a new matrix of relations with our partners, step by step,”"
VARIANT = '"We are building a new matrix of relations with our partners - step by step"'
OTHER = "“The harbour will reopen for trade when the ice allows it,”"


def article(outlet: str, day: int, *lines: str, speaker: str = "Ilya Marchenko"):
    body = "\n\n".join(f"{line} {speaker} said." for line in lines)
    text_ = f"Talks in {outlet}\n\n{body}\n"
    quotes = tuple(quote_in(text_, line, speaker=speaker, speaker_country="RU") for line in lines)
    return ExtractedArticle(text_, f"Talks in {outlet}", outlet, date(2021, 3, day), quotes)


def test_statements_words_compared_without_punctuation_or_case():
    a, b = statements.normalise(LINE), statements.normalise(VARIANT)
    assert a == "we are building a new matrix of relations with our partners step by step"
    assert statements.same_statement(a, b)
    assert set(statements.bands(a)) & set(statements.bands(b))
    assert not statements.same_statement(a, statements.normalise(OTHER))


def test_statements_a_long_quote_contains_a_shorter_report_of_it():
    whole = statements.normalise(LINE + " and nobody will stop us, he added firmly")
    part = statements.normalise(LINE)
    assert statements.same_statement(part, whole)
    assert not statements.same_statement("we are ready", "we are ready to talk about anything")


def _groups(engine) -> list[tuple]:
    """Each statement as the sorted (outlet, quote text) of its reports, with its lead's."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT q.statement_id, a.outlet, q.text, q.is_lead FROM quote q"
                " JOIN article a ON a.id = q.article_id"
            )
        ).all()
    groups: dict = {}
    for statement_id, outlet, words, is_lead in rows:
        key = statement_id if statement_id is not None else ("alone", outlet, words)
        members, lead = groups.get(key, ([], None))
        groups[key] = (members + [(outlet, words)], (outlet, words) if is_lead else lead)
    return sorted((tuple(sorted(m)), lead) for m, lead in groups.values())


ARTICLES = [
    ("b.txt", article("Beta Wire", 12, LINE, OTHER)),
    ("a.txt", article("Alpha News", 10, VARIANT)),
    ("c.txt", article("Gamma Post", 11, LINE, LINE)),
]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_statements_grouping_is_the_same_in_any_order(engine, order):
    for n in order:
        store_article(engine, *ARTICLES[n], TOPIC_NAMES)
    groups = _groups(engine)
    assert len(groups) == 2
    matrix = next(g for g in groups if len(g[0]) == 4)
    assert matrix[1][0] == "Alpha News"  # the earliest report leads
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT reports, outlets, first_published FROM statement WHERE reports = 4")
        ).one()
        leads = conn.execute(text("SELECT count(*) FROM quote WHERE is_lead")).scalar()
        tally = conn.execute(text("SELECT quotes FROM tally_speaker")).scalar()
    assert (row[0], row[1], str(row[2])) == (4, 3, "2021-03-10")
    assert leads == tally == 2  # lists and counts see two statements, not five reports


def test_statements_split_when_the_link_between_reports_goes(engine):
    long_form = LINE[:-2] + " and nobody will stop us on this road,”"
    store_article(engine, "a.txt", article("Alpha News", 10, LINE), TOPIC_NAMES)
    store_article(engine, "b.txt", article("Beta Wire", 11, long_form), TOPIC_NAMES)
    assert len(_groups(engine)) == 1
    store_article(engine, "a.txt", article("Alpha News", 10, OTHER), TOPIC_NAMES)  # changed
    groups = _groups(engine)
    assert len(groups) == 2 and all(len(members) == 1 for members, _ in groups)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM statement")).scalar() == 2
        assert conn.execute(text("SELECT count(*) FROM quote WHERE NOT is_lead")).scalar() == 0


def test_statements_other_words_for_the_same_thing_are_one_statement():
    """Two translations of one remark share most of their content words."""
    first = statements.normalise(
        "“I believe the moment has come to start rebuilding trust, step by step, between our"
        " two navies, and we are ready for it.”"
    )
    second = statements.normalise(
        "“We believe the moment has come to rebuild trust between our navies, step by step.”"
    )
    assert statements.same_statement(first, second)
    assert set(statements.bands(first)) & set(statements.bands(second))
    unrelated = statements.normalise("“Our navies will sail where the law of the sea allows.”")
    assert not statements.same_statement(first, unrelated)


def test_statements_far_apart_in_time_are_different(engine):
    store_article(engine, "a.txt", article("Alpha News", 10, LINE), TOPIC_NAMES)
    later = article("Beta Wire", 10, LINE)
    later = ExtractedArticle(later.text, later.title, later.outlet, date(2021, 9, 1), later.quotes)
    store_article(engine, "b.txt", later, TOPIC_NAMES)
    assert len(_groups(engine)) == 2


def test_statements_regroup_rebuilds_what_ingest_built(engine):
    for source, art in ARTICLES:
        store_article(engine, source, art, TOPIC_NAMES)
    before = _groups(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE quote SET statement_id = NULL, is_lead = :t"), {"t": True})
        conn.execute(text("DELETE FROM statement"))
        conn.execute(text("DELETE FROM quote_band"))
        assert statements.regroup_all(conn) == 1
    assert _groups(engine) == before


def test_statements_a_crowded_band_compares_a_bounded_few_and_still_links(engine, monkeypatch):
    """Past COMPARE_ALL quotes sharing a band, a new report reads only a few of each statement
    (one link is enough): a reprint still joins its statement, compared with PER_STATEMENT."""
    monkeypatch.setattr(statements, "COMPARE_ALL", 2)
    for n in range(5):  # one statement, five reports: a crowded band for the next
        store_article(engine, f"{n}.txt", article(f"Outlet {n}", 10 + n, LINE), TOPIC_NAMES)
    compared = []
    linked = statements._linked
    monkeypatch.setattr(statements, "_linked", lambda a, b: compared.append(b) or linked(a, b))
    store_article(engine, "late.txt", article("Late Daily", 15, VARIANT), TOPIC_NAMES)
    groups = _groups(engine)
    assert len(groups) == 1 and len(groups[0][0]) == 6
    assert len(compared) == statements.PER_STATEMENT


def test_statements_an_article_repeating_itself_is_grouped_without_the_database(
    engine, monkeypatch
):
    """An article's own reports are compared with each other in memory, so a repeat joins its
    statement however crowded the stored bands are; statements made here are stored settled."""
    monkeypatch.setattr(statements, "_fellows", lambda conn, report, keys: [])
    store_article(engine, "a.txt", article("Alpha News", 10, LINE, OTHER, VARIANT), TOPIC_NAMES)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT s.reports, s.outlets, s.first_published, lead.position"
                " FROM statement s JOIN quote lead ON lead.id = s.lead_quote_id"
                " ORDER BY s.reports"
            )
        ).all()
        unsettled = conn.execute(text("SELECT count(*) FROM quote WHERE statement_id IS NULL"))
        assert unsettled.scalar() == 0
    assert [(r[0], r[1], str(r[2]), r[3]) for r in rows] == [
        (1, 1, "2021-03-10", 1),  # OTHER alone
        (2, 1, "2021-03-10", 0),  # LINE and its variant: the first report leads
    ]


def test_statements_db_check_recounts_them(engine):
    """`db check` finds a statement whose counts or lead its reports do not bear out, and a
    quote left out of every statement; regrouping mends both."""
    for source, art in ARTICLES:
        store_article(engine, source, art, TOPIC_NAMES)
    with engine.connect() as conn:
        assert statement_check.differences(conn) == []
    with engine.begin() as conn:
        conn.execute(text("UPDATE statement SET reports = reports + 1 WHERE reports = 4"))
        one = conn.execute(text("SELECT min(id) FROM quote WHERE NOT is_lead")).scalar()
        conn.execute(text("UPDATE quote SET statement_id = NULL WHERE id = :q"), {"q": one})
    with engine.connect() as conn:
        assert statement_check.differences(conn) == [
            "1 attributed quote in no statement",
            "1 statement whose counts, first date or lead differ from the reports",
        ]
    with engine.begin() as conn:
        statements.regroup_all(conn)
    with engine.connect() as conn:
        assert statement_check.differences(conn) == []
