"""Real Tiled for tests: re-save maps exactly as the editor writes them.

Tiled 1.8+ is installed on the project's machines (`tiled --export-map`); where it is
not, tests that need it are skipped with that reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

TILED = shutil.which("tiled")
NEED = pytest.mark.skipif(TILED is None, reason="Tiled is not installed (needs the "
                          "`tiled` command, 1.8 or newer, to re-save maps as Tiled does)")


def _run(args: list[str]) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([TILED or "tiled", *args], env=env, capture_output=True, text=True,
                          timeout=120)
    if done.returncode != 0:
        raise AssertionError(f"tiled {' '.join(args)} failed: {done.stderr[-500:]}")


def export_map(src: Path, dst: Path, *flags: str, fmt: str = "json") -> Path:
    """`tiled --export-map FMT src dst` (fmt "json" for .tmj, "tmx" to re-save XML)."""
    _run(["--export-map", *flags, fmt, str(src), str(dst)])
    assert dst.is_file(), f"Tiled wrote no {dst.name}"
    return dst


def export_tileset(src: Path, dst: Path, fmt: str = "json") -> Path:
    _run(["--export-tileset", fmt, str(src), str(dst)])
    assert dst.is_file(), f"Tiled wrote no {dst.name}"
    return dst
