"""Statements (app/ingest/statements.py) against a recount from their reports: every
attributed quote in one, each statement's counts, first date and lead as its quotes give them.
`db check` reports what differs; `diplomat db regroup` builds them again from the quotes."""

from sqlalchemy import Connection, text

from app.words import plural

_RECOUNT = (
    "SELECT q.statement_id AS id, count(*) AS reports,"
    # settle() counts an unnamed outlet as one outlet, as a set of names with None in it does
    " count(DISTINCT a.outlet) + max(CASE WHEN a.outlet IS NULL THEN 1 ELSE 0 END) AS outlets,"
    " min(q.published) AS first_published, sum(CASE WHEN q.is_lead THEN 1 ELSE 0 END) AS leads"
    " FROM quote q JOIN article a ON a.id = q.article_id"
    " WHERE q.statement_id IS NOT NULL GROUP BY q.statement_id"
)
# (what is counted, what is wrong with it): the query counting them
_PROBLEMS = {
    ("attributed quote", "in no statement"): (
        "SELECT count(*) FROM quote WHERE speaker_id IS NOT NULL AND statement_id IS NULL"
    ),
    ("quote", "in a statement that does not exist"): (
        "SELECT count(*) FROM quote q WHERE q.statement_id IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM statement s WHERE s.id = q.statement_id)"
    ),
    ("statement", "with no report"): (
        "SELECT count(*) FROM statement s"
        " WHERE NOT EXISTS (SELECT 1 FROM quote q WHERE q.statement_id = s.id)"
    ),
    ("statement", "whose counts, first date or lead differ from the reports"): (
        f"SELECT count(*) FROM statement s JOIN ({_RECOUNT}) r ON r.id = s.id"
        " LEFT JOIN quote lead ON lead.id = s.lead_quote_id"
        " WHERE s.reports != r.reports OR s.outlets != r.outlets OR r.leads != 1"
        " OR s.first_published IS DISTINCT FROM r.first_published"
        " OR lead.id IS NULL OR lead.statement_id != s.id OR NOT lead.is_lead"
    ),
}


def differences(conn: Connection) -> list[str]:
    """One line per kind of problem found ("3 statements with no report")."""
    found = []
    for (counted, problem), query in _PROBLEMS.items():
        count = conn.execute(text(query)).scalar_one()
        if count:
            found.append(f"{plural(count, counted)} {problem}")
    return found
