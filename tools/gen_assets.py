"""Generate every art asset of Reclaim 2147 (deterministic: same code, same pixels).

Run from the repository root:

    .venv/bin/python tools/gen_assets.py            # write all assets and review sheets
    .venv/bin/python tools/gen_assets.py --scene /tmp/art_scene.png   # also a test scene

Drawing code lives in tools/art/: canvas (pixel helpers), tiles, tsx, characters, sprites,
drones, props (murals, structures), portraits, font (glyph bitmaps), sheets (review PNGs).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

import pygame  # noqa: E402
from art import characters, drones, portraits, props, sheets, sprites, tiles, tsx  # noqa: E402
from art.canvas import Canvas  # noqa: E402
from art.font import font_sheet  # noqa: E402
from art.io import save_png, scaled  # noqa: E402
from art.scene import compose  # noqa: E402


def load_font_module():
    """game/render/font.py, loaded by path (so game/render/__init__.py is not needed)."""
    spec = importlib.util.spec_from_file_location("reclaim_font", ROOT / "game/render/font.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def out(*parts: str) -> Path:
    """A file of the game package (game/assets, game/maps)."""
    return ROOT.joinpath("game", *parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scene", type=Path, help="also write a test scene (x3) to this path")
    args = ap.parse_args()
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

    # tileset ------------------------------------------------------------------------------
    tile_list = tiles.build_tiles()
    sheet = tiles.tileset_sheet(tile_list)
    save_png(sheet, out("assets", "tiles", "city.png"))
    tsx.write_tsx(out("maps", "tilesets", "city.tsx"), "../../assets/tiles/city.png",
                  sheet.w, sheet.h)

    # sprites ------------------------------------------------------------------------------
    elara = characters.sheet(characters.elara_frames())
    collector = characters.sheet(characters.collector_frames())
    artisan = characters.sheet(characters.artisan_frames())
    dax = characters.sheet(characters.dax_frames())
    talin = characters.sheet(characters.talin_frames())
    waste = characters.sheet(sprites.waste_frames(), 16, 16)
    node = characters.sheet(sprites.node_frames(), 16, 24)
    icons = sprites.icons_sheet()
    glow = sprites.glow()
    cursor = sprites.cursor()
    drone_sheet = characters.sheet(drones.drone_frames(), 16, 16)
    mural = props.mural_sheet()
    structures = characters.sheet(props.structure_frames(), 16, 24)
    for name, canvas in [("elara", elara), ("collector", collector), ("artisan", artisan),
                         ("dax", dax), ("talin", talin),
                         ("waste", waste),
                         ("node", node), ("icons", icons), ("cursor", cursor),
                         ("drones", drone_sheet), ("mural", mural),
                         ("structures", structures)]:
        save_png(canvas, out("assets", "sprites", f"{name}.png"))
    save_png(glow, out("assets", "sprites", "glow.png"), alpha=False)

    faces = portraits.all_portraits()
    for name, canvas in faces:
        save_png(canvas, out("assets", "portraits", f"{name}.png"))

    # font ---------------------------------------------------------------------------------
    fm = load_font_module()
    glyphs = font_sheet(fm.CHARS, fm.CELL_W, fm.CELL_H, fm.SHEET_COLUMNS)
    font_path = out("assets", "fonts", "pixel_font.png")
    save_png(glyphs, font_path)
    font = fm.BitmapFont.load(font_path)

    # review sheets ------------------------------------------------------------------------
    listed = [
        ("elara.png", elara, "16x24, 4 cols x 4 rows"),
        ("collector.png", collector, "same layout"),
        ("artisan.png", artisan, "same layout"),
        ("dax.png", dax, "same layout"),
        ("talin.png", talin, "same layout"),
        ("waste.png", waste, "16x16, 3x2"),
        ("node.png", node, "16x24, idle / working"),
        ("drones.png", drone_sheet, "16x16, 4x2"),
        ("structures.png", structures, "16x24, 4x2"),
        ("mural.png", mural, "32x32 x4"),
        ("icons.png", icons, "8x8 x12"),
        ("cursor.png", cursor, ""),
        ("glow.png", glow, "additive"),
    ]
    names = {k: v[0] for k, v in tiles.TILES.items()}
    contact = sheets.contact_sheet(font, tile_list, names, listed, faces, glyphs)
    review = ROOT / "docs" / "art"  # beside the code, not in the game package
    review.mkdir(parents=True, exist_ok=True)
    pygame.image.save(contact, str(review / "contact_sheet.png"))
    pygame.image.save(sheets.palette_sheet(font), str(review / "palette.png"))

    if args.scene:
        e = characters.elara_frames()
        w = sprites.waste_frames()
        n = sprites.node_frames()
        d = drones.drone_frames()
        placed: list[tuple[Canvas, int, int]] = [
            (e[0][0], 9 * 16, 4 * 16 - 8), (w[0][0], 12 * 16, 9 * 16),
            (w[1][1], 13 * 16, 8 * 16 + 4), (w[0][2], 3 * 16, 11 * 16),
            (n[1][1], 5 * 16, 9 * 16 - 8), (n[0][0], 7 * 16, 10 * 16 - 8),
            (d[0][0], 15 * 16, 6 * 16), (d[0][2], 17 * 16, 5 * 16 + 6),
            (characters.collector_frames()[1][1], 16 * 16, 8 * 16 - 12),
        ]
        save_png(scaled(compose(tile_list, placed), 3), args.scene)
    print("assets written")


if __name__ == "__main__":
    main()
