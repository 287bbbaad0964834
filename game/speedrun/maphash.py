"""SHA-256 of a map and every file the loader read for it (tilesets, templates, the
map folder's project file).

A replay names the exact map it was played on: tile properties (solid, buildable) live
in tilesets and objects can come from templates, so those are hashed too. Images are
not: they never change the simulation. The combined digest depends only on contents,
not on where the files are, so a copied custom map still matches.

The hash never follows a reference on its own: it is taken over exactly the bytes the
loader (`game.level.tmx.read_map`, through `safexml.Files`) read, so the loader's rules
hold for it too — references stay inside the map's folder, only regular files are
opened, every file has a size cap, and a nested `<tileset source>` inside a `.tsx`
(which the loader ignores) is ignored here as well.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


class MapHashError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class MapDigest:
    sha256: str  # over every file below, in reading order
    files: tuple[tuple[str, str], ...]  # (name as referenced, sha256 of its bytes)


def digest_of(file_hashes: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> MapDigest:
    """The digest from the (name, sha256) pairs the loader recorded."""
    combined = hashlib.sha256("".join(f"{sha}\n" for _, sha in file_hashes).encode())
    return MapDigest(combined.hexdigest(), tuple(file_hashes))


def level_digest(level) -> MapDigest:
    """The digest of a loaded LevelData: the files exactly as they were read for it."""
    return digest_of(level.file_hashes)


def map_digest(path: Path) -> MapDigest:
    """Read the map with the loader's safe reader and hash what it read. Game rules are
    not applied: a map `check` would refuse still has a hash (verify reports it)."""
    from game.level.errors import MapError
    from game.level.tmx import read_map

    try:
        doc = read_map(Path(path))
    except MapError as exc:
        raise MapHashError(exc.format()) from None
    except (OSError, MemoryError, RecursionError) as exc:  # belt and braces: never crash
        raise MapHashError(f"{path}: cannot read ({exc})") from None
    return digest_of(doc.file_hashes)
