"""The A/B runner of two versions' pages: the order switches, each run uses its own tree."""

import subprocess
from pathlib import Path

import pytest

from bench import ab_pages


def test_the_version_run_first_switches_every_pair():
    assert [ab_pages.order(pair) for pair in range(4)] == [
        ("old", "new"), ("new", "old"), ("old", "new"), ("new", "old")
    ]  # fmt: skip


def test_the_summary_gives_medians_and_the_change():
    line = ab_pages.summary("speaker page", [7.0, 5.6, 7.0, 5.9], [6.0, 5.3, 5.6, 6.8])
    assert line == "speaker page: median CPU a page 6.45 → 5.80 ms (-10.1 %)"


def test_the_cpu_figure_is_read_from_profile_pages_output():
    output = "speaker page: 400 distinct URLs, p50 5.2 ms, max 9.0 ms; CPU 6.3 ms a page\n"
    assert ab_pages.parse_cpu(output) == 6.3
    with pytest.raises(SystemExit, match="no CPU figure: Traceback"):
        ab_pages.parse_cpu("something\nTraceback")


def test_each_run_uses_its_own_tree(monkeypatch, tmp_path):
    seen = []

    def fake_run(command, cwd, env, **options):
        seen.append((command, cwd, env["PYTHONPATH"]))
        return subprocess.CompletedProcess(command, 0, "x: CPU 4.5 ms a page", "")

    monkeypatch.setattr(ab_pages.subprocess, "run", fake_run)
    old = tmp_path / "old"
    assert ab_pages.cpu_a_page(old, Path("/db"), "CSV export", 50, 1) == 4.5
    command, cwd, path = seen[0]
    assert cwd == old and path == str(old)
    assert command[-6:] == ["bench.profile_pages", "/db", "--tail", "CSV export", "--repeat", "50"]


def test_counts_are_compared_when_asked(monkeypatch, tmp_path):
    seen = []

    def fake_run(command, cwd, env, **options):
        seen.append(command)
        return subprocess.CompletedProcess(command, 0, "x counts: CPU 31.2 ms a page's counts", "")

    monkeypatch.setattr(ab_pages.subprocess, "run", fake_run)
    assert ab_pages.cpu_a_page(tmp_path, Path("/db"), "search common", 50, 1, counts=True) == 31.2
    assert seen[0][-1] == "--counts"
