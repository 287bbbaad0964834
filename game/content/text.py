"""The game's words (text.toml), loaded once."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

TEXT_PATH = Path(__file__).with_name("text.toml")


@cache
def text() -> dict:
    with TEXT_PATH.open("rb") as fh:
        return tomllib.load(fh)


# <action> in a line is the key or pad button doing it now (game/prompts.py fills this
# in as the player rebinds keys or picks up a pad); an unknown name stays as it is.
PROMPTS: dict[str, str] = {}
_TOKEN = re.compile(r"<([a-z_0-9]+)>")


def keys(line: str) -> str:
    """`line` with every <action> replaced by what the player presses for it."""
    return _TOKEN.sub(lambda m: PROMPTS.get(m.group(1), m.group(0)), line)


def t(section: str, key: str, **fmt: object) -> str:
    value = keys(text()[section][key])
    return value.format(**fmt) if fmt else value
