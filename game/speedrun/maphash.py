"""SHA-256 of a map and every file it pulls in (tilesets, templates).

A replay names the exact map it was played on: tile properties (solid, buildable) live
in tilesets and objects can come from templates, so those are hashed too. Images are
not: they never change the simulation. The combined digest depends only on contents,
not on where the files are, so a copied custom map still matches.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

MAX_FILES = 64  # a map with more referenced files than this is not one of ours


class MapHashError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class MapDigest:
    sha256: str  # over every file below, in reference order
    files: tuple[tuple[str, str], ...]  # (name as referenced, sha256 of its bytes)


def _references(path: Path, data: bytes) -> list[str]:
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise MapHashError(f"{path}: declares a DTD or entities")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise MapHashError(f"{path}: broken XML ({exc})") from None
    refs = []
    for el in root.iter():
        if el.tag == "tileset" and el.get("source"):
            refs.append(el.get("source"))
        elif el.tag == "object" and el.get("template"):
            refs.append(el.get("template"))
    return refs


def map_digest(path: Path) -> MapDigest:
    path = Path(path)
    seen: dict[Path, None] = {}
    files: list[tuple[str, str]] = []
    queue: list[tuple[Path, str]] = [(path.resolve(), path.name)]
    while queue:
        file, name = queue.pop(0)
        if file in seen:
            continue
        seen[file] = None
        if len(seen) > MAX_FILES:
            raise MapHashError(f"{path}: references more than {MAX_FILES} files")
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise MapHashError(f"{file}: cannot read ({exc.strerror or exc})") from None
        files.append((name, hashlib.sha256(data).hexdigest()))
        for ref in _references(file, data):
            queue.append(((file.parent / ref).resolve(), ref))
    combined = hashlib.sha256("".join(f"{sha}\n" for _, sha in files).encode()).hexdigest()
    return MapDigest(combined, tuple(files))
