"""The long tail's figures as Markdown: method, tables, issue 16's targets as PASS/FAIL lines.

Printed by bench.web_load and written into RESULTS.md by bench.run_all, before the cache-hit
tables of bench/report.py.
"""

from statistics import median

from bench import report

# Issue 16, by backend: (connections, page groups, statistic, limit in ms).
PAGES, SEARCHES = ("list", "speaker"), ("search",)
TARGETS = {
    "sqlite": [
        (1, PAGES, "p50", 10), (1, PAGES, "p99", 30), (1, SEARCHES, "p50", 20),
        (1, SEARCHES, "p99", 60), (8, PAGES, "p99", 60), (8, SEARCHES, "p99", 120),
    ],
    "postgresql": [
        (1, PAGES, "p50", 20), (1, SEARCHES, "p50", 40), (8, PAGES, "p99", 120),
        (8, SEARCHES, "p99", 240),
    ],
}  # fmt: skip
LABELS = {PAGES: "list and speaker pages", SEARCHES: "searches"}
MIN_URLS = 2000  # distinct URLs per kind and connection count the issue asks for


def method(result: dict) -> list[str]:
    datasette = _has_datasette(result)
    source = "a PostgreSQL copy of it" if result["backend"] == "postgresql" else "it"
    setup = (
        f"{result['quotes']:,} quotes; diplomat (`diplomat serve --workers {result['workers']}`,"
        f" page cache on, as deployed) reading {source}"
    )
    if datasette:
        setup += "; Datasette (`datasette serve -i`, facet suggestions off) on the same file"
    if result.get("interleaved"):
        setup += (
            ". Both servers were started fresh for the long tail and loaded in turn, kind by "
            "kind (the order alternating, each waiting until the other was idle), over "
            f"loopback, by {result['tool']}"
        )
    else:
        setup += (
            ". Each server was started fresh for the long tail and loaded alone, over loopback,"
            f" by {result['tool']}"
        )
    if result["backend"] == "sqlite":
        setup += ", the database file read through first (in the kernel's cache for each)"
    elif result.get("shared_buffers"):
        setup += (
            ", every table and index read through first (pg_prewarm's 'read': the kernel's"
            f" cache), PostgreSQL's shared_buffers {result['shared_buffers']}"
        )
    if load := result.get("loadavg"):
        setup += f"; load average (1 min) {load[0]:.2f} at the start, {load[1]:.2f} at the end"
    how = (
        "**Method.** For each page kind, distinct URLs chosen from the database "
        "(bench/tail_kinds.py: speakers, speaker-topic pairs, countries and periods, words, …, "
        "in a fixed hash order). Each URL is asked once: wrk (bench/wrk_paths.lua, one thread, "
        "the connections sharing one list; or httpx) goes through the list and stops when it "
        f"is exhausted or after {result['seconds']:g} s, whichever comes first. The runs at "
        f"{' and '.join(str(c) for c in result['connections'])} connections ask **disjoint "
        "slices** of each kind's URLs, so no timed request is for a page an earlier request "
        f"could have cached (the server is not restarted between them); {result['warm']} more "
        "URLs per kind, in neither slice, were asked first, each on a new connection (untimed "
        "warm-up: the first-request table). Counts the app keeps per filter may serve several "
        "kinds (a speaker turns up in several), as they would serve several readers."
    )
    if datasette:
        how += (
            " Datasette is asked the equivalent URLs from the same slices: its table view with "
            "the same filters, newest first, `_size=20`; `_search=` (with `_fts_table`, which "
            "it does not detect here); `_next=`; the speaker's row page; `.csv?_stream=on`."
        )
    how += (
        " RSS: the server's whole process tree (all workers), the peak of samples every 0.2 s "
        "under the load; the RSS sum counts shared pages once per process, PSS (in the RSS "
        "line) splits them."
    )
    if result["backend"] == "postgresql":
        how += " PostgreSQL's own processes are not in it."
    return [setup + ".", "", how]


def kinds_table(result: dict) -> list[str]:
    datasette = _has_datasette(result)
    body = []
    for k in result["kinds"]:
        runs = " / ".join(f"{n:,}" for n in k["runs"])
        example = f"`{k['example']}`" if k["example"] else "–"
        row = [k["name"], k["group"], f"{k['pool']:,}", runs, example]
        if datasette:
            row.append(f"`{k['datasette_example']}`" if k["datasette_example"] else "–")
        body.append(row)
    header = ["kind", "targets", "candidates", "URLs per run", "example"]
    return report.table(header + (["Datasette's"] if datasette else []), body)


def _has_datasette(result: dict) -> bool:
    return any(r["server"] == "datasette" for r in result["tail"])


def _index(result: dict) -> dict[tuple, dict]:
    return {(r["server"], r["kind"], r["connections"]): r for r in result["tail"]}


def tail_tables(result: dict) -> list[str]:
    by, out, datasette = _index(result), [], _has_datasette(result)
    header = ["kind", "URLs", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "counts deferred",
              "RSS MB"]  # fmt: skip
    if datasette:
        header += ["Datasette URLs", "req/s", "p50 ms", "p99 ms", "errors", "× req/s", "p99 ratio"]
    where = " (PostgreSQL)" if result["backend"] == "postgresql" else ""
    for conns in result["connections"]:
        out += ["", f"**Long tail{where}, {conns} connection{'s' if conns > 1 else ''}**", ""]
        body = []
        for kind in result["kinds"]:
            ours = by.get(("diplomat", kind["name"], conns))
            if ours:
                body.append(_row(ours, by.get(("datasette", kind["name"], conns)), datasette))
        out += report.table(header, body)
    out += [
        "",
        "URLs: distinct URLs asked, each once (* the time limit came first). Counts deferred: "
        "pages sent with their counts still being made; a browser then asks the same URL with "
        "part=counts, which is not timed here. Ratios: diplomat's req/s over Datasette's; "
        "diplomat's p99 over Datasette's.",
    ]
    return out


def _row(ours: dict, theirs: dict | None, datasette: bool) -> list[str]:
    cells = [ours["kind"], *_figures(ours), str(ours["deferred"]), f"{ours['rss_mb']:.0f}"]
    if not datasette:
        return cells
    if theirs is None:
        return cells + ["–"] * 7
    ratio = ours["rps"] / theirs["rps"] if theirs["rps"] else float("inf")
    p99 = f"{ours['p99_ms'] / theirs['p99_ms']:.2f}" if theirs["p99_ms"] else "–"
    theirs_cells = _figures(theirs)
    return cells + [theirs_cells[i] for i in (0, 1, 2, 4, 5)] + [f"{ratio:.2f}×", p99]


def _figures(r: dict) -> list[str]:
    urls = f"{r['urls']:,}" + ("" if r["exhausted"] else "*")
    return [urls, f"{r['rps']:.1f}", f"{r['p50_ms']:.1f}", f"{r['p95_ms']:.1f}",
            f"{r['p99_ms']:.1f}", str(r["errors"])]  # fmt: skip


def first_table(result: dict) -> list[str]:
    """The warm-up's times: the first requests each kind met after the server started."""
    servers = [s for s in ("diplomat", "datasette") if s in result["first"]]
    body = []
    for kind in result["kinds"]:
        cells = [kind["name"]]
        for server in servers:
            times = result["first"][server].get(kind["name"])
            cells.append(f"{median(times):.0f} / {max(times):.0f}" if times else "–")
        body.append(cells)
    title = f"**First requests after the start** ({result['warm']} per kind, each on a new "
    header = ["kind", *(s.capitalize() if s == "datasette" else s for s in servers)]
    return ["", title + "connection, in the order of the table; median / max ms)", ""] + (
        report.table(header, body)
    )


def tail_checks(result: dict) -> list[tuple[str, str, bool]]:
    """(target, measured, met) for issue 16's long-tail targets."""
    rows = [r for r in result["tail"] if r["server"] == "diplomat"]
    checks = []
    for conns, groups, stat, limit in TARGETS[result["backend"]]:
        mine = [r for r in rows if r["connections"] == conns and r["group"] in groups]
        if mine:
            worst = max(mine, key=lambda r: (not r["requests"], r[f"{stat}_ms"]))
            checks.append((
                f"{conns} conn.: {LABELS[groups]} {stat} ≤ {limit} ms",
                f"worst {worst[f'{stat}_ms']:.1f} ms ({worst['kind']})",
                all(r["requests"] for r in mine) and worst[f"{stat}_ms"] <= limit,
            ))  # fmt: skip
    checks += _datasette_checks(result)
    if rows:
        rss = max(r["rss_mb"] for r in rows)
        pss = max(r.get("pss_mb", 0) for r in rows)
        checks.append((f"server RSS ≤ {report.RSS_MB} MB (all processes)",
                       f"{rss:.0f} MB (PSS {pss:.0f} MB)", rss <= report.RSS_MB))  # fmt: skip
        errors = sum(r["errors"] for r in rows)
        checks.append(("every answer 200", f"{errors} errors", errors == 0))
        fewest = min(rows, key=lambda r: r["urls"])
        checks.append((
            f"≥ {MIN_URLS:,} distinct URLs asked per kind and connection count",
            f"fewest {fewest['urls']:,} ({fewest['kind']}, {fewest['connections']} conn.)",
            fewest["urls"] >= MIN_URLS,
        ))  # fmt: skip
    return checks


def _datasette_checks(result: dict) -> list[tuple[str, str, bool]]:
    by, checks = _index(result), []
    for conns in result["connections"]:
        for kind in result["kinds"]:
            ours = by.get(("diplomat", kind["name"], conns))
            theirs = by.get(("datasette", kind["name"], conns))
            if not ours or not theirs:
                continue
            ratio = ours["rps"] / theirs["rps"] if theirs["rps"] else float("inf")
            met = bool(ours["requests"]) and ratio >= report.DATASETTE_RATIO
            met = met and (not theirs["requests"] or ours["p99_ms"] < theirs["p99_ms"])
            checks.append((
                f"{kind['name']}, {conns} conn.: ≥ {report.DATASETTE_RATIO:g}× Datasette's "
                "req/s, lower p99",
                f"{ratio:.2f}×, p99 {ours['p99_ms']:.1f} vs {theirs['p99_ms']:.1f} ms", met,
            ))  # fmt: skip
    return checks


def check_lines(checks: list[tuple[str, str, bool]]) -> list[str]:
    return [f"{'PASS' if ok else 'FAIL'}  {target}: {measured}" for target, measured, ok in checks]


def lines(result: dict) -> list[str]:
    """The whole long-tail report: method, URLs, tables, first requests, targets."""
    backend = "PostgreSQL" if result["backend"] == "postgresql" else "SQLite"
    checks = check_lines(tail_checks(result))
    return [
        *method(result), "", *kinds_table(result), *tail_tables(result), *first_table(result),
        "", f"Targets (issue 16, long tail, {backend}):", "", "```", *checks, "```",
    ]  # fmt: skip


def print_tail(result: dict) -> None:
    print("## Long tail (each URL asked once)\n")
    print("\n".join(lines(result)))
    if cached := result.get("cached"):
        print("\n## Cache hits (one URL asked again and again)\n")
        report.print_web(cached)
