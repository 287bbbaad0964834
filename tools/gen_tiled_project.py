"""Write the map maker's kit into maps/: reclaim.tiled-project, objecttypes.xml and
templates/*.tx, all derived from game/level/schema.py (see game/level/kit.py).

Run after changing the schema: python tools/gen_tiled_project.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.level.kit import kit_files  # noqa: E402


def main() -> None:
    for rel, text in kit_files().items():
        path = ROOT / "maps" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print("wrote", path.relative_to(ROOT))


if __name__ == "__main__":
    main()
