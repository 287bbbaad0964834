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


def campaign_map(name: str) -> Path | None:
    """A campaign level's map by its number (1-based, story order), its id
    (01_scavengers_dawn) or its id without the number (scavengers_dawn)."""
    from game.campaign.catalog import campaign

    levels = campaign().levels
    if name.isdigit():
        n = int(name)
        return levels[n - 1].path if 1 <= n <= len(levels) else None
    key = name.lower()
    for entry in levels:
        if key in (entry.id, entry.id.split("_", 1)[-1]):
            return entry.path
    return None


def resolve_map(text: str) -> Path | None:
    """A map file as given, else a campaign level by number or id; None after saying
    what was wrong (so an installed game plays its levels without knowing its paths)."""
    path = Path(text)
    if path.suffix or path.exists() or any(sep in text for sep in "/\\"):
        return path  # a file the player named: load_or_report says if it is bad
    found = campaign_map(text)
    if found is None:
        from game.campaign.catalog import campaign

        ids = ", ".join(e.id.split("_", 1)[-1] for e in campaign().levels)
        print(f"{text}: error: no such map file or campaign level - give a .tmx file, "
              f"a level number 1-{len(campaign().levels)} or one of: {ids}",
              file=sys.stderr)
    return found


def use_dummy_video() -> None:
    import os

    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")  # --sound may ask for "disk"
