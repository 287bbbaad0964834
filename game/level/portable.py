"""Paths that only work on the author's machine: a map outside the game's folder that
reaches into the game's own maps/ or assets/ (allowed, so the campaign's kit works, but
the path runs through wherever the author installed the game)."""

from __future__ import annotations

from pathlib import Path

from game.level.errors import WARNING, Problem
from game.paths import ASSETS_DIR, MAPS_DIR, PACKAGE_DIR


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except OSError:
        return False


def portability(map_path: Path, files: list[Path]) -> list[Problem]:
    if _inside(map_path, PACKAGE_DIR):
        return []  # the game's own maps may use its folders
    out = []
    for f in dict.fromkeys(files):
        if _inside(f, MAPS_DIR) or _inside(f, ASSETS_DIR):
            out.append(Problem(str(map_path), f"{f.name} is read from the game's own folder "
                               f"({f.parent}), a path that only works on this machine",
                               "map", "use the kit next to your maps (kit/tilesets, "
                               "kit/templates), or copy the file into the map's folder",
                               WARNING))
    return out
