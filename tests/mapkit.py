"""Write small Tiled maps for tests from ASCII rows.

Legend: '.' floor, '#' wall (solid), 'P' build plot (buildable), '@' spawn on floor,
'o'/'p'/'a' organic/polymer/alloy waste pile on floor (amount from `amounts`).
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

TSX = """<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="test" tilewidth="16" tileheight="16"
 tilecount="4" columns="2">
 <image source="test.png" width="32" height="32"/>
 <tile id="0"><properties><property name="solid" type="bool" value="false"/></properties></tile>
 <tile id="1"><properties><property name="solid" type="bool" value="true"/></properties></tile>
 <tile id="2"><properties><property name="buildable" type="bool" value="true"/></properties></tile>
</tileset>
"""
GIDS = {".": 1, "#": 2, "P": 3}
KINDS = {"o": "organic", "p": "polymer", "a": "alloy"}


def png_bytes(width: int, height: int, rgb: tuple[int, int, int] = (90, 140, 80)) -> bytes:
    """A plain one-colour PNG (tilesets need a real image: a missing one is an error)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def write_png(path: Path, width: int = 32, height: int = 32) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png_bytes(width, height))
    return path


def tmx_text(w: int, h: int, next_id: int, properties: list[tuple[str, str, object]],
             tileset: str, csv: str, objects: str) -> str:
    """A one-layer orthogonal Tiled map: `properties` as (name, type or "", value),
    `objects` the object group's lines as they are to stand."""
    props = "\n".join(f'  <property name="{n}"' + (f' type="{t}"' if t else "") +
                      f' value="{v}"/>' for n, t, v in properties)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" renderorder="right-down"
 width="{w}" height="{h}" tilewidth="16" tileheight="16" infinite="0" nextlayerid="3"
 nextobjectid="{next_id}">
 <properties>
{props}
 </properties>
 <tileset firstgid="1" source="{tileset}"/>
 <layer id="1" name="ground" width="{w}" height="{h}">
  <data encoding="csv">
{csv}
</data>
 </layer>
 <objectgroup id="2" name="objects">
{objects}
 </objectgroup>
</map>
"""


def write_map(folder: Path, rows: list[str], amounts: dict[str, int] | None = None,
              objective_amount: int = 3, seed: int = 7, name: str = "test.tmx") -> Path:
    amounts = amounts or {}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "test.tsx").write_text(TSX)
    write_png(folder / "test.png")
    h, w = len(rows), len(rows[0])
    data = []
    objects = []
    oid = 1
    for y, row in enumerate(rows):
        line = []
        for x, ch in enumerate(row):
            line.append(str(GIDS.get(ch, 1)))
            if ch == "@":
                objects.append(f'<object id="{oid}" name="spawn" type="PlayerSpawn" '
                               f'x="{x * 16 + 4}" y="{y * 16 + 4}" width="8" height="8"/>')
                oid += 1
            elif ch in KINDS:
                kind = KINDS[ch]
                objects.append(
                    f'<object id="{oid}" name="{kind}" type="Waste" x="{x * 16 + 4}" '
                    f'y="{y * 16 + 4}" width="8" height="8"><properties>'
                    f'<property name="kind" value="{kind}"/>'
                    f'<property name="amount" type="int" value="{amounts.get(kind, 3)}"/>'
                    f'</properties></object>')
                oid += 1
        data.append(",".join(line))
    properties = [("title", "", "Test map"), ("objective_amount", "int", objective_amount),
                  ("seed", "int", seed)]
    tmx = tmx_text(w, h, oid, properties, "test.tsx", ",\n".join(data),
                   "  " + "\n".join(objects))
    path = folder / name
    path.write_text(tmx)
    return path
