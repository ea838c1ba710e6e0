"""Tables and target checks for the cache-hit figures (one URL asked again and again), as
Markdown (printed and in RESULTS.md). The long tail's, the headline, are in bench/tail_report.py."""

from collections.abc import Iterable

LIST_P99_MS, SEARCH_P99_MS, SPEAKER_P99_MS = 50, 100, 50
RSS_MB, DB_RATIO, CURSOR_RATIO, DATASETTE_RATIO = 300, 3.0, 1.5, 2.0
UNCACHED = "diplomat-uncached"  # the second diplomat run: page cache off


def table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def _index(rows: list[dict]) -> dict[tuple, dict]:
    return {(r["server"], r["endpoint"], r["fmt"], r["connections"]): r for r in rows}


def web_tables(result: dict) -> list[str]:
    """One table per connection count: diplomat beside Datasette's HTML and JSON answers; the
    same for diplomat with its page cache off, when that run was made."""
    rows, out = result["rows"], []
    by = _index(rows)
    names = list(dict.fromkeys(r["endpoint"] for r in rows if r["server"] == "diplomat"))
    for server in ("diplomat", UNCACHED):
        for conns in sorted({r["connections"] for r in rows if r["server"] == server}):
            title = f"{conns} connection{'s' if conns > 1 else ''}"
            if server == UNCACHED:
                title = f"One URL asked again and again, page cache off, {title}"
            else:
                title = f"Cache hits (one URL asked again and again), {title}"
            out += ["", f"**{title}**", ""]
            out += table(_HEADER, (_compared(by, server, name, conns) for name in names))
    out += ["", "**First request after the server started** (every cache cold; ms)", ""]
    body = []
    for name in names:
        ours = by[("diplomat", name, "html", min(r["connections"] for r in rows))]
        theirs = [by.get(("datasette", name, fmt, ours["connections"])) for fmt in ("html", "csv")]
        theirs_ms = next((f"{t['first_ms']:.0f}" for t in theirs if t and t.get("first_ms")), "–")
        body.append([name, f"{ours.get('first_ms', 0):.0f}", theirs_ms])
    out += table(["endpoint", "diplomat", "Datasette HTML"], body)
    errors = sum(r["errors"] for r in rows)
    out += ["", f"Errors (refused, timed out or non-2xx/3xx answers): {errors}."]
    return out


_HEADER = ["endpoint", "req/s", "p50 ms", "p95 ms", "p99 ms", "Datasette HTML req/s, p99",
           "JSON req/s, p99", "× req/s", "p99 ratio"]  # fmt: skip


def _compared(by: dict, server: str, name: str, conns: int) -> list[str]:
    ours = by[(server, name, "html", conns)]
    theirs = by.get(("datasette", name, "html", conns)) or by.get(("datasette", name, "csv", conns))
    json_row = by.get(("datasette", name, "json", conns))
    return [
        name, f"{ours['rps']:.1f}", f"{ours['p50_ms']:.1f}", f"{ours['p95_ms']:.1f}",
        f"{ours['p99_ms']:.1f}", _pair(theirs), _pair(json_row),
        f"{ours['rps'] / theirs['rps']:.2f}×" if theirs and theirs["rps"] else "–",
        f"{ours['p99_ms'] / theirs['p99_ms']:.2f}" if theirs and theirs["p99_ms"] else "–",
    ]  # fmt: skip


def _pair(row: dict | None) -> str:
    if row and not row["requests"]:
        return "none finished"
    return f"{row['rps']:.1f}, {row['p99_ms']:.0f} ms" if row else "–"


def web_targets(result: dict, server: str = "diplomat") -> list[tuple[str, str, bool]]:
    """(target, measured, met) for every web target the issue sets, for `server`'s run."""
    by, rows = _index(result["rows"]), result["rows"]
    top = max(r["connections"] for r in rows)
    ours = [r for r in rows if r["server"] == server and r["connections"] == top]
    if not ours:
        return []
    checks = []
    for kind, limit, label in (("list", LIST_P99_MS, "filtered list pages"),
                               ("search", SEARCH_P99_MS, "search"),
                               ("speaker", SPEAKER_P99_MS, "speaker page")):  # fmt: skip
        of_kind = [r for r in ours if r["kind"] == kind]
        if not of_kind:  # a run of part of the mix (web_load --only)
            continue
        worst = max(of_kind, key=lambda r: r["p99_ms"])
        checks.append((
            f"{label} p99 ≤ {limit} ms at {top} connections",
            f"worst {worst['p99_ms']:.1f} ms ({worst['endpoint']})",
            worst["p99_ms"] <= limit,
        ))  # fmt: skip
    for conns in sorted({r["connections"] for r in rows}):
        for r in (r for r in rows if r["server"] == server and r["connections"] == conns):
            theirs = by.get(("datasette", r["endpoint"], "html", conns)) or by.get(
                ("datasette", r["endpoint"], "csv", conns)
            )
            if theirs and theirs["requests"] and r["requests"]:
                ratio = r["rps"] / theirs["rps"] if theirs["rps"] else float("inf")
                met = ratio >= DATASETTE_RATIO and r["p99_ms"] < theirs["p99_ms"]
                checks.append((
                    f"{r['endpoint']}, {conns} conn.: ≥ {DATASETTE_RATIO:g}× Datasette req/s, "
                    "lower p99",
                    f"{ratio:.2f}×, p99 {r['p99_ms']:.1f} vs {theirs['p99_ms']:.1f} ms", met,
                ))  # fmt: skip
    first = next((r for r in ours if r["endpoint"] == "speaker filter"), None)
    deep = next((r for r in ours if r["endpoint"].startswith("cursor page")), None)
    if first and deep:
        ratio = deep["p99_ms"] / first["p99_ms"]
        checks.append((f"cursor page p99 within {CURSOR_RATIO}× of page 1",
                       f"{ratio:.2f}× ({deep['p99_ms']:.1f} vs {first['p99_ms']:.1f} ms)",
                       ratio <= CURSOR_RATIO))  # fmt: skip
    rss = max(r["rss_mb"] for r in rows if r["server"] == server)
    checks.append((f"server RSS ≤ {RSS_MB} MB under load (all processes)", f"{rss:.0f} MB",
                   rss <= RSS_MB))  # fmt: skip
    ratio = result["db_bytes"] / result["text_bytes"]
    checks.append((f"database ≤ {DB_RATIO:g}× raw article text",
                   f"{result['db_bytes'] / 1e6:,.0f} MB / {result['text_bytes'] / 1e6:,.0f} MB"
                   f" = {ratio:.2f}×", ratio <= DB_RATIO))  # fmt: skip
    return checks


def targets_table(checks: list[tuple[str, str, bool]]) -> list[str]:
    return table(["target", "measured", "met"],
                  ([t, m, "yes" if ok else "**no**"] for t, m, ok in checks))  # fmt: skip


def print_web(result: dict) -> None:
    print(f"{result['quotes']:,} quotes; load by {result['tool']}, {result['seconds']:g} s per URL")
    print("\n".join(web_tables(result)))
    print("\nTargets of the cache-hit figures (the earlier issue's):")
    print("\n".join(targets_table(web_targets(result))))
    if uncached := web_targets(result, UNCACHED):
        print("\nThe same with the page cache off:")
        print("\n".join(targets_table(uncached)))
