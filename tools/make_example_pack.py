"""Make the example map pack of docs/MAPPING.md ("Green Corners", by a made-up map maker,
Ana Reyes) from scratch into a maps folder: the kit, two maps written as Tiled writes
them, a pack story with Ana's own portrait (drawn here with the portrait toolkit), and
pack.toml. Then: python -m game pack DIR/green-corners

    python tools/make_example_pack.py /tmp/maps
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools"), str(ROOT / "tests")]
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

from art.canvas import Canvas, ellipse_mask, shade, sphere_light  # noqa: E402
from art.io import save_png  # noqa: E402
from art.portraits import (  # noqa: E402
    S,
    background,
    body,
    brows,
    eyes,
    face_details,
    finish,
    head,
    neck,
)
from packkit import make_pack  # noqa: E402


def ana() -> Canvas:
    """Ana Reyes: a gardener, dark curls, a moss-green scarf."""
    bg = background(["moss_0", "moss_1", "moss_2"], 5)
    f = Canvas(S, S)
    body(f, ["bloom_0", "bloom_1", "bloom_2", "bloom_3"])
    neck(f)
    for i in range(10):  # scarf
        f.hline(17 + i // 3, 31 - i // 3, 36 + i // 2, "moss_3" if i % 3 else "moss_2")
    hair = ellipse_mask(S, S, 24, 20, 13, 13) | ellipse_mask(S, S, 15, 29, 5, 8) | \
        ellipse_mask(S, S, 33, 29, 5, 8)
    shade(f, hair, ["soil_0", "soil_1", "soil_2"], sphere_light(S, S, 22, 15, 15, 15))
    head(f, 24, 23, 8.5, 10)
    curls = ellipse_mask(S, S, 24, 13, 10, 4)
    shade(f, curls, ["soil_0", "soil_1", "soil_2", "soil_3"],
          sphere_light(S, S, 21, 11, 10, 5))
    eyes(f, 22, 20, 27, "soil_2")
    brows(f, 19, 20, 27, "soil_0")
    face_details(f, 27, 30)
    f.set(30, 12, "bloom_3")  # a flower in her hair
    f.set(31, 11, "bloom_2")
    return finish(f, bg, "moss_3")


def main() -> None:
    maps = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("maps")
    folder = make_pack(maps)
    save_png(ana(), folder / "ana.png")
    print("made", folder)


if __name__ == "__main__":
    main()
