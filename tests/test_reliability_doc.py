"""docs/RELIABILITY.md names a test for every guarantee: each named test must exist."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_test_named_in_reliability_md_exists():
    doc = (ROOT / "docs" / "RELIABILITY.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", doc))
    assert len(named) >= 40
    missing = []
    for file, name in sorted(named):
        tree = ast.parse((ROOT / file).read_text(encoding="utf-8"))
        if name not in {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}:
            missing.append(f"{file}::{name}")
    assert not missing, missing
