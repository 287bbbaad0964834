"""Write the map maker's kit into maps/: reclaim.tiled-project, objecttypes.xml and
templates/*.tx, and the reference tables of docs/MAPPING.md (between its
`<!-- reference:begin -->` and `<!-- reference:end -->` lines), all derived from
game/level/schema.py (see game/level/kit.py).

Run after changing the schema: python tools/gen_tiled_project.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.level.kit import kit_files, reference_markdown  # noqa: E402

BEGIN, END = "<!-- reference:begin -->", "<!-- reference:end -->"


def with_reference(doc: str) -> str:
    """docs/MAPPING.md with its generated reference section brought up to date."""
    head, rest = doc.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{reference_markdown()}{END}{tail}"


def main() -> None:
    for rel, text in kit_files().items():
        path = ROOT / "game" / "maps" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print("wrote", path.relative_to(ROOT))
    guide = ROOT / "docs" / "MAPPING.md"
    if guide.is_file():
        guide.write_text(with_reference(guide.read_text(encoding="utf-8")), encoding="utf-8")
        print("wrote", guide.relative_to(ROOT))


if __name__ == "__main__":
    main()
