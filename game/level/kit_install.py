"""Install the map maker's kit into a custom-maps folder (`<data dir>/maps/kit/`).

Maps in the data dir may only read files inside their own folder, so the kit — project
file, object templates and the game's tilesets with their images — is copied next to
them. A map made there references `kit/tilesets/city.tsx` and `kit/templates/*.tx`, and
works for anyone who shares it, since every player's game installs the same kit.
Files are only rewritten when their content changed.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from game.level.kit import kit_files
from game.paths import MAPS_DIR, PACKAGE_DIR

KIT = "kit"


def _write(path: Path, data: bytes) -> None:
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _tileset(tsx: Path, dest: Path) -> None:
    """Copy a .tsx and its images into dest/, images next to it (sources rewritten)."""
    tree = ET.parse(tsx)
    for image in tree.getroot().iter("image"):
        source = image.get("source")
        if not source:
            continue
        src = (tsx.parent / source).resolve()
        if src.is_file():
            _write(dest / src.name, src.read_bytes())
        image.set("source", src.name)
    xml = ET.tostring(tree.getroot(), encoding="unicode")
    _write(dest / tsx.name, ('<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n").encode())


def install_kit(maps_dir: Path) -> Path:
    """Put the kit into maps_dir/kit/ (created as needed); returns that folder."""
    kit = maps_dir / KIT
    for rel, text in kit_files().items():
        if rel == "reclaim.tiled-project":
            project = json.loads(text)
            project["folders"] = [".."]  # the project shows the custom maps folder
            for command in project["commands"]:  # run this very game, from its folder
                command["command"] = sys.executable
                command["workingDirectory"] = str(PACKAGE_DIR.parent)
            text = json.dumps(project, indent=4, ensure_ascii=False) + "\n"
        _write(kit / rel, text.encode())
    for tsx in sorted((MAPS_DIR / "tilesets").glob("*.tsx")):
        _tileset(tsx, kit / "tilesets")
    return kit
