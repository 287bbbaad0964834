"""Shared by subcommands: exit codes, argument types, loading a map with a clean error."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# Control characters and the bidirectional overrides/isolates: printed as they are, a map
# title could rewrite the terminal (ESC sequences) or show a line in another order than
# the bytes say (Trojan Source). Shown as \x1b, \u202e … instead.
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def escape(text: str) -> str:
    """`text` with control and bidi characters written as escapes, the rest as is."""
    out = []
    for ch in text:
        code = ord(ch)
        if code < 32 or 127 <= code < 160 or ch in _BIDI or 0xD800 <= code < 0xE000:
            out.append(f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


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
            print(escape(problem.format()), file=sys.stderr)
        return None


def use_dummy_video() -> None:
    import os

    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
