"""The game's words (text.toml), loaded once."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

TEXT_PATH = Path(__file__).with_name("text.toml")


@cache
def text() -> dict:
    with TEXT_PATH.open("rb") as fh:
        return tomllib.load(fh)


def t(section: str, key: str, **fmt: object) -> str:
    value = text()[section][key]
    return value.format(**fmt) if fmt else value
