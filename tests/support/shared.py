"""Where the read-only ../shared material lives, for tests that score against it."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """../shared next to the repository; skip the test when it is absent (outside the
    project machine), but fail when REQUIRE_SHARED=1 says it must be there (CI)."""
    path = ROOT.parent / "shared"
    if (path / "gold").is_dir():
        return path
    reason = f"{path} not found (the ../shared gold data sits beside the repository)"
    if os.environ.get("REQUIRE_SHARED") == "1":
        pytest.fail(reason + "; REQUIRE_SHARED=1")
    pytest.skip(reason)
