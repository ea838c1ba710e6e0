"""A second process that keeps the site busy: `python -m tests.support.load BASE_URL EXPECTED STOP`.

Requests a rotation of pages and API calls until the file STOP exists, then prints one JSON
line: requests made, failures (5xx, connection errors, stack traces), and articles whose quotes
did not match EXPECTED ({source: quote count} from a clean ingest) — a torn read.
"""

import itertools
import json
import sys
from pathlib import Path

import httpx

PAGES = [
    "/",
    "/speakers",
    "/search?q=minister",
    "/topics",
    "/countries",
    "/articles",
    "/compare",
    "/api/quotes",
    "/api/speakers",
    "/api/topics",
    "/quotes.csv",
]


def run(base: str, expected: dict[str, int], stop: Path) -> dict:
    stats = {"requests": 0, "failed": 0, "inconsistent": 0, "failures": [], "by_status": {}}
    article_ids = itertools.cycle(range(1, len(expected) + 2))
    with httpx.Client(base_url=base, timeout=30) as client:
        for page in itertools.cycle(PAGES):
            if stop.exists():
                break
            for url in (page, f"/api/articles/{next(article_ids)}"):
                check(client, url, expected, stats)
    return stats


def check(client: httpx.Client, url: str, expected: dict[str, int], stats: dict) -> None:
    stats["requests"] += 1
    try:
        response = client.get(url)
    except httpx.HTTPError as error:
        return fail(stats, f"{url}: {type(error).__name__}: {error}")
    status = str(response.status_code)
    stats["by_status"][status] = stats["by_status"].get(status, 0) + 1
    if response.status_code >= 500 or response.status_code not in (200, 404):
        return fail(stats, f"{url}: HTTP {status}")
    if "Traceback" in response.text or "database is locked" in response.text:
        return fail(stats, f"{url}: error text in the response")
    if url.startswith("/api/articles/") and response.status_code == 200:
        article = response.json()
        quotes = article["quotes"]
        whole = all(article["text"][q["start"] : q["end"]] == q["text"] for q in quotes)
        if not whole or len(quotes) != expected.get(article["source"], -1):
            stats["inconsistent"] += 1
            stats["failures"].append(f"{url}: {len(quotes)} quotes")


def fail(stats: dict, message: str) -> None:
    stats["failed"] += 1
    if len(stats["failures"]) < 10:
        stats["failures"].append(message)


if __name__ == "__main__":
    base, expected_file, stop_file = sys.argv[1:4]
    expected = json.loads(Path(expected_file).read_text())
    print(json.dumps(run(base, expected, Path(stop_file))))
