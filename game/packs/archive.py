"""Zip a pack to share it, and install a shared zip into the data dir safely.

Zipping takes the pack's own files (maps, tilesets, templates, images, story, pack.toml;
regular files only, no hidden files or links) under one folder named after the pack.
The kit is left out: every game installs the same kit beside its maps.

Installing trusts nothing in the archive: at most MAX_ENTRIES entries and MAX_TOTAL
bytes unpacked (counted while reading, not taken from the headers), each file at most
MAX_FILE; no absolute paths, drive letters, `..`, links, control characters or names
that differ only in case; only the file types a pack uses; exactly one top folder with
a pack.toml. It unpacks into a hidden folder beside the target and swaps it in at the
end, so a bad archive leaves the maps folder as it was.
"""

from __future__ import annotations

import re
import shutil
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from game.campaign.map_story import inspect_with_story as inspect_map
from game.level.errors import ERROR, Problem
from game.level.safexml import MAX_FILE_BYTES
from game.packs.manifest import MANIFEST, Pack, read_pack

MAX_ENTRIES = 2000
MAX_TOTAL = 128 * 1024 * 1024
MAX_FILE = MAX_FILE_BYTES
SUFFIXES = (".tmx", ".tmj", ".tsx", ".tsj", ".tx", ".tj", ".json", ".png", ".toml", ".txt",
            ".md", ".tiled-project")
SKIP_DIRS = ("kit",)  # the shared kit: every game has its own copy
_SLUG = re.compile(r"[^A-Za-z0-9._-]+")


class PackError(Exception):
    """A pack cannot be zipped or installed; the message says why and what to do."""


@dataclass
class Built:
    zip_path: Path
    pack: Pack
    files: list[str]
    problems: list[Problem]


def slug(text: str) -> str:
    return _SLUG.sub("-", text).strip("-.")[:60] or "pack"


def pack_files(folder: Path) -> list[Path]:
    """The files of a pack worth sharing, in a stable order."""
    out = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or rel.parts[0] in SKIP_DIRS:
            continue
        if path.is_symlink() or not path.is_file():
            continue
        if path.suffix.lower() in SUFFIXES:
            out.append(path)
    return out


def check_pack(folder: Path) -> tuple[Pack, list[Problem]]:
    """The pack and every problem of it and its maps (what `pack DIR` prints)."""
    pack = read_pack(folder)
    problems = list(pack.problems)
    for path in pack.maps:
        _, found = inspect_map(path)
        problems += found
    return pack, problems


def build_zip(folder: Path, out: Path | None = None) -> Built:
    """Check the pack and zip it (refused, with the problems, when a map has errors)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PackError(f"{folder}: not a folder (a pack is a folder with a pack.toml)")
    if not (folder / MANIFEST).is_file():
        raise PackError(f"{folder}: has no pack.toml; write one with at least "
                        'title = "…" (see docs/MAPPING.md, Map packs)')
    pack, problems = check_pack(folder)
    if any(p.severity == ERROR for p in problems):
        return Built(Path(), pack, [], problems)
    root = slug(folder.name)
    name = slug(f"{root}-{pack.version}" if pack.version else root) + ".zip"
    target = out or folder.parent / name
    files = pack_files(folder)
    total = sum(p.stat().st_size for p in files)
    if len(files) > MAX_ENTRIES or total > MAX_TOTAL:
        raise PackError(f"{folder}: {len(files)} files, {total} bytes: over the limits a "
                        f"pack may have ({MAX_ENTRIES} files, {MAX_TOTAL} bytes)")
    tmp = target.with_name(target.name + ".tmp")
    names = []
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in files:
            arc = f"{root}/{path.relative_to(folder).as_posix()}"
            info = zipfile.ZipInfo(arc, date_time=(1980, 1, 1, 0, 0, 0))  # same pack, same zip
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
            names.append(arc)
    tmp.replace(target)
    return Built(target, pack, names, problems)


# -- installing ------------------------------------------------------------------------
def _safe_name(name: str) -> PurePosixPath:
    if not name or "\\" in name or any(ord(c) < 32 or c == "\x7f" for c in name):
        raise PackError(f"the archive holds an entry with a bad name ({name[:60]!r})")
    path = PurePosixPath(name)
    if path.is_absolute() or ":" in name or any(p in ("..", "") for p in path.parts):
        raise PackError(f"the archive entry {name[:60]!r} points outside the pack's folder; "
                        "refusing to install it")
    return path


def _entries(zf: zipfile.ZipFile) -> tuple[str, list[tuple[zipfile.ZipInfo, PurePosixPath]]]:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise PackError(f"the archive holds {len(infos)} entries, more than {MAX_ENTRIES}")
    files, roots, seen = [], set(), set()
    for info in infos:
        path = _safe_name(info.filename.rstrip("/") if info.is_dir() else info.filename)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise PackError(f"the archive entry {info.filename[:60]!r} is a link; packs "
                            "hold plain files only")
        if info.flag_bits & 0x1:
            raise PackError("the archive is encrypted; packs are plain zips")
        roots.add(path.parts[0])
        if info.is_dir():
            continue
        if len(path.parts) < 2:
            raise PackError("the archive's files must sit in one folder (the pack's), "
                            f"but {info.filename[:60]!r} lies at the top")
        if path.suffix.lower() not in SUFFIXES:
            raise PackError(f"the archive holds {info.filename[:60]!r}, not a file a map "
                            "pack uses (maps, tilesets, templates, PNG images, TOML)")
        key = info.filename.lower()
        if key in seen:
            raise PackError(f"the archive holds {info.filename[:60]!r} twice")
        seen.add(key)
        if info.file_size > MAX_FILE:
            raise PackError(f"{info.filename[:60]!r} unpacks to {info.file_size} bytes, more "
                            f"than {MAX_FILE}")
        files.append((info, path))
    if len(roots) != 1:
        raise PackError("the archive must hold exactly one folder, the pack's, but holds "
                        f"{len(roots)} top-level entries")
    root = roots.pop()
    if root.startswith(".") or root.lower() == "kit":
        raise PackError(f"the pack's folder may not be called {root!r}")
    if not any(p.parts[1:] == (MANIFEST,) for _, p in files):
        raise PackError(f"the archive's folder {root!r} has no {MANIFEST}; this is not a map "
                        "pack")
    return root, files


def install_zip(archive: Path, maps_dir: Path) -> Pack:
    """Unpack a pack into maps_dir/<its folder>, replacing an older copy of it."""
    archive = Path(archive)
    try:
        if not archive.is_file():
            raise PackError(f"{archive}: no such file")
        zf = zipfile.ZipFile(archive)
    except zipfile.BadZipFile:
        raise PackError(f"{archive}: not a zip archive (or a damaged one)") from None
    except OSError as exc:
        raise PackError(f"{archive}: cannot read it ({exc.strerror or exc})") from None
    with zf:
        root, files = _entries(zf)
        maps_dir.mkdir(parents=True, exist_ok=True)
        staging = maps_dir / f".installing-{root}"
        shutil.rmtree(staging, ignore_errors=True)
        try:
            _unpack(zf, files, staging)
            pack = read_pack(staging / root)
            if not pack.ok:
                first = next(p for p in pack.problems if p.severity == ERROR)
                raise PackError(f"{archive}: its pack.toml is broken: {first.message}")
            target = maps_dir / root
            old = maps_dir / f".replaced-{root}"
            shutil.rmtree(old, ignore_errors=True)
            if target.exists() or target.is_symlink():
                if target.is_symlink() or not target.is_dir():
                    raise PackError(f"{target} exists and is not a pack folder; move it away "
                                    "first")
                target.rename(old)
            (staging / root).rename(target)
            shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return read_pack(target)


def _unpack(zf: zipfile.ZipFile, files: list[tuple[zipfile.ZipInfo, PurePosixPath]],
            staging: Path) -> None:
    total = 0
    for info, path in files:
        dest = staging.joinpath(*path.parts)
        dest.parent.mkdir(parents=True, exist_ok=True)
        size = 0
        try:
            with zf.open(info) as src, dest.open("xb") as out:
                while chunk := src.read(64 * 1024):
                    size += len(chunk)
                    total += len(chunk)
                    if size > MAX_FILE or total > MAX_TOTAL:  # headers can lie
                        raise PackError(f"{info.filename[:60]!r} unpacks to more than its "
                                        "header says, or the pack to more than "
                                        f"{MAX_TOTAL} bytes; refusing it")
                    out.write(chunk)
        except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
            raise PackError(f"the archive is damaged at {info.filename[:60]!r} ({exc})") \
                from None

