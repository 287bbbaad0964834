"""The libraries the game needs at run time, checked before any of them is imported, so a
game started without them says which are missing instead of showing a traceback."""

from __future__ import annotations

from collections.abc import Callable
from importlib.util import find_spec

NEEDED = {"pygame": "pygame-ce", "esper": "esper", "numpy": "numpy",
          "zstandard": "zstandard", "platformdirs": "platformdirs"}  # module: pip name


def missing(find: Callable[[str], object] = find_spec) -> list[str]:
    """The pip names of the needed libraries this Python cannot import."""
    return [pip for module, pip in NEEDED.items() if find(module) is None]


def problem(python: str, find: Callable[[str], object] = find_spec) -> str:
    """'' when everything is there, else what is missing and how to install it."""
    lacking = missing(find)
    if not lacking:
        return ""
    return (f"Reclaim 2147 cannot start: {python} lacks {', '.join(lacking)}.\n"
            "Install the game with its dependencies from the game's folder "
            "(pip install -e .), then run it with that same Python.\n")
