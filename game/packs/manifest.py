"""pack.toml → Pack: what a pack holds, in which order, with every problem listed.

    title = "Green Corners"          # required
    author = "Ana"                   # who made it
    version = "1.0"                  # shown, and part of the zip's name
    description = "Three small gardens to wake up."
    maps = ["01_gate.tmx", "02_yard.tmj"]   # the order to play them (default: by name)
    story = "story.toml"             # scenes every map of the pack may use
    thumbnail = "cover.png"          # default: drawn by the game from the first map
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from game.level.errors import ERROR, WARNING, MapError, Problem
from game.level.safexml import Files, read_bytes
from game.level.tmj import MAP_SUFFIXES

MANIFEST = "pack.toml"
MAX_MANIFEST_BYTES = 64 * 1024
MAX_PACK_MAPS = 100
TEXT_CAPS = {"title": 60, "author": 60, "version": 20, "description": 200}


@dataclass
class Pack:
    folder: Path
    title: str
    author: str = ""
    version: str = ""
    description: str = ""
    maps: list[Path] = field(default_factory=list)
    story: Path | None = None
    thumbnail: Path | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == ERROR for p in self.problems)


def is_pack(folder: Path) -> bool:
    try:
        return (folder / MANIFEST).is_file()
    except OSError:
        return False


def map_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for s in MAP_SUFFIXES for p in folder.glob(f"*{s}") if p.is_file())
    except OSError:
        return []


def read_pack(folder: Path) -> Pack:
    """The pack in `folder`; a broken pack.toml gives a Pack whose problems say why."""
    manifest = folder / MANIFEST
    pack = Pack(folder, folder.name)

    def problem(message: str, hint: str = "", severity: str = ERROR) -> None:
        pack.problems.append(Problem(str(manifest), message, MANIFEST, hint, severity))

    try:
        if manifest.stat().st_size > MAX_MANIFEST_BYTES:
            problem(f"pack.toml is over {MAX_MANIFEST_BYTES} bytes", "keep it short")
            return pack
        raw = tomllib.loads(read_bytes(manifest, MAX_MANIFEST_BYTES).decode("utf-8"))
    except MapError as exc:
        pack.problems.append(exc.problem)
        return pack
    except (OSError, UnicodeDecodeError) as exc:
        problem(f"cannot read pack.toml ({exc})", "save it as UTF-8 text")
        return pack
    except tomllib.TOMLDecodeError as exc:
        problem(f"pack.toml is not valid TOML: {exc}", "fix the line it names")
        return pack
    for key, cap in TEXT_CAPS.items():
        value = raw.get(key, "")
        if not isinstance(value, str):
            problem(f"{key} must be text", f'{key} = "…"')
            continue
        setattr(pack, key, value.strip()[:cap])
    if not pack.title:
        problem("the pack has no title", 'add title = "…" to pack.toml')
        pack.title = folder.name
    for key in raw:
        if key not in (*TEXT_CAPS, "maps", "story", "thumbnail"):
            problem(f"unknown key {key!r}", "pack.toml knows title, author, version, "
                    "description, maps, story and thumbnail", WARNING)
    files = Files(manifest)
    pack.maps = _maps(pack, raw.get("maps"), files, problem)
    for key in ("story", "thumbnail"):
        value = raw.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not value:
            problem(f"{key} must be a file name", f'{key} = "…"')
            continue
        try:
            path = files.resolve(manifest, value, MANIFEST, key)
        except MapError as exc:
            pack.problems.append(exc.problem)
            continue
        if not path.is_file():
            problem(f"{key} file {value!r} not found", f"put {value} in the pack's folder")
            continue
        setattr(pack, key, path)
    return pack


def _maps(pack: Pack, listed: object, files: Files, problem) -> list[Path]:
    found = map_files(pack.folder)
    if listed is None:
        out = found
    elif not isinstance(listed, list) or not all(isinstance(m, str) for m in listed):
        problem("maps must be a list of file names", 'maps = ["first.tmx", "second.tmx"]')
        out = found
    else:
        out = []
        for name in listed:
            try:
                path = files.resolve(pack.folder / MANIFEST, name, MANIFEST, "map")
            except MapError as exc:
                pack.problems.append(exc.problem)
                continue
            if path.suffix.lower() not in MAP_SUFFIXES or not path.is_file():
                problem(f"map {name!r} not found", "list the pack's .tmx or .tmj files")
                continue
            if path not in out:
                out.append(path)
        resolved = {p.resolve() for p in out}
        for extra in found:
            if extra.resolve() not in resolved:
                problem(f"{extra.name} is in the folder but not in maps, so it is not "
                        "played", f"add it to maps in {MANIFEST}, or move it out", WARNING)
    if not out:
        problem("the pack has no maps", "save .tmx or .tmj maps into the pack's folder")
    if len(out) > MAX_PACK_MAPS:
        problem(f"more than {MAX_PACK_MAPS} maps", "split the pack")
        out = out[:MAX_PACK_MAPS]
    return out
