"""Shared by subcommands: exit codes, argument types, loading a map with a clean error."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} must not be negative")
    return value


def load_or_report(path: Path):
    """LevelData, or None after printing `PATH: error: …` to stderr."""
    from game.level import MapError, load_level

    try:
        return load_level(path)
    except MapError as exc:
        for problem in exc.problems:  # every error, as `check` lists them
            print(problem.format(), file=sys.stderr)
        return None


def use_dummy_video() -> None:
    import os

    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")  # --sound may ask for "disk"
