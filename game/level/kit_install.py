"""Install the map maker's kit into a custom-maps folder (`<data dir>/maps/kit/`).

Maps in the data dir may only read files inside their own folder (or, for a pack in a
subfolder, the kit beside it), so the kit — project file, Tiled extension, object
templates and the game's tilesets with their images — is copied next to them. A map
made there references `kit/tilesets/city.tsx` and `kit/templates/*.tx`, and works for
anyone who shares it, since every player's game installs the same kit.

Updating never overwrites a file the map maker changed: `kit/.installed.json` keeps the
SHA-256 of every file as the game last wrote it. A file that still matches is updated;
one that differs is kept, the new version is written beside it as `NAME.kit-new`, and
the report says so.
"""

from __future__ import annotations

import hashlib
import json
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from game.level.kit import kit_files
from game.level.kit_wang import wangsets
from game.level.tiled_ext import extension_js
from game.paths import MAPS_DIR, PACKAGE_DIR

KIT = "kit"
RECORD = ".installed.json"
NEW = ".kit-new"


@dataclass
class KitReport:
    folder: Path
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # notes: a changed file was kept


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Installer:
    def __init__(self, kit: Path) -> None:
        self.kit = kit
        self.report = KitReport(kit)
        try:
            raw = json.loads((kit / RECORD).read_text(encoding="utf-8"))
            self.record: dict[str, str] = {str(k): str(v) for k, v in raw.items()} \
                if isinstance(raw, dict) else {}
        except (OSError, ValueError):
            self.record = {}
        self.changed = False

    def write(self, rel: str, data: bytes) -> None:
        path = self.kit / rel
        new = _sha(data)
        try:
            current = path.read_bytes() if path.is_file() else None
        except OSError:
            current = None
        if current is not None and _sha(current) == new:
            self._remember(rel, new)
            return
        if current is not None and self.record.get(rel) != _sha(current):
            # changed by the map maker (or from a kit older than this record): keep it
            aside = path.with_name(path.name + NEW)
            if not aside.is_file() or aside.read_bytes() != data:
                _atomic(aside, data)
            self.report.kept.append(f"kept your changed {KIT}/{rel}; the game's new version "
                                    f"is beside it as {path.name}{NEW}")
            return
        _atomic(path, data)
        self.report.written.append(rel)
        self._remember(rel, new)

    def _remember(self, rel: str, sha: str) -> None:
        if self.record.get(rel) != sha:
            self.record[rel] = sha
            self.changed = True

    def finish(self) -> KitReport:
        if self.changed:
            _atomic(self.kit / RECORD, (json.dumps(self.record, indent=1, sort_keys=True)
                                        + "\n").encode())
        return self.report


def _atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _tileset(installer: _Installer, tsx: Path, rel_dir: str) -> None:
    """Copy a .tsx and its images, images next to it (sources rewritten); the city
    tileset gets its Wang sets for the terrain brush."""
    tree = ET.parse(tsx)
    root = tree.getroot()
    for image in root.iter("image"):
        source = image.get("source")
        if not source:
            continue
        src = (tsx.parent / source).resolve()
        if src.is_file():
            installer.write(f"{rel_dir}/{src.name}", src.read_bytes())
        image.set("source", src.name)
    if tsx.name == "city.tsx" and root.find("wangsets") is None:
        root.append(wangsets())
        ET.indent(root, space=" ")
    xml = ET.tostring(root, encoding="unicode")
    installer.write(f"{rel_dir}/{tsx.name}",
                    ('<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n").encode())


def install_kit(maps_dir: Path) -> KitReport:
    """Put the kit into maps_dir/kit/ (created as needed); returns what it did."""
    kit = maps_dir / KIT
    installer = _Installer(kit)
    game_dir = str(PACKAGE_DIR.parent)
    for rel, text in kit_files().items():
        if rel == "reclaim.tiled-project":
            project = json.loads(text)
            project["folders"] = [".."]  # the project shows the custom maps folder
            for command in project["commands"]:  # run this very game, from its folder
                command["command"] = sys.executable
                command["workingDirectory"] = game_dir
            text = json.dumps(project, indent=4, ensure_ascii=False) + "\n"
        elif rel == "extensions/reclaim.js":
            text = extension_js(sys.executable, game_dir)
        installer.write(rel, text.encode())
    for tsx in sorted((MAPS_DIR / "tilesets").glob("*.tsx")):
        _tileset(installer, tsx, "tilesets")
    return installer.finish()
