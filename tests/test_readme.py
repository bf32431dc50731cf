"""The README's set-up commands are the ones CI runs."""

from __future__ import annotations

import re

from conftest import REPO


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    command = re.search(r'^TEST_COMMAND="(.+)"$', ci, re.M)
    assert command, ".ci/run must define TEST_COMMAND"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert command.group(1) in readme


def test_readme_has_the_demo_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/dyad demo" in readme
