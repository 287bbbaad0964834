"""Build Tiled maps in any encoding, and the hostile corpus (tests/hostile/*.tmx).

`python tests/hostile/build.py` rewrites the corpus files; tests/test_map_hostile.py
loads each and asserts the exact message in EXPECTED. The bombs are small on disk and
huge when unpacked: the loader must refuse them without unpacking them.
"""

from __future__ import annotations

import base64
import gzip
import struct
import sys
import zlib
from pathlib import Path

import zstandard

HERE = Path(__file__).resolve().parent

TILESET = """ <tileset firstgid="1" name="t" tilewidth="16" tileheight="16" tilecount="4"
  columns="2">
  <image source="t.png" width="32" height="32"/>
  <tile id="1"><properties><property name="solid" type="bool" value="true"/></properties>
  </tile>
 </tileset>
"""
SPAWN = ('<objectgroup id="2" name="objects"><object id="1" name="spawn" type="PlayerSpawn" '
         'x="4" y="4" width="8" height="8"/></objectgroup>')


def encode(gids: list[int], encoding: str) -> str:
    """`<data>` for a layer holding `gids`, in csv, xml, base64, zlib, gzip or zstd."""
    if encoding == "csv":
        return f'<data encoding="csv">\n{",".join(map(str, gids))}\n</data>'
    if encoding == "xml":
        return "<data>" + "".join(f'<tile gid="{g}"/>' for g in gids) + "</data>"
    raw = struct.pack(f"<{len(gids)}I", *gids)
    packers = {"base64": lambda b: b, "zlib": zlib.compress,
               "gzip": lambda b: gzip.compress(b, mtime=0),
               "zstd": lambda b: zstandard.ZstdCompressor().compress(b)}
    payload = base64.b64encode(packers[encoding](raw)).decode()
    comp = "" if encoding == "base64" else f' compression="{encoding}"'
    return f'<data encoding="base64"{comp}>{payload}</data>'


def tmx(width: int = 4, height: int = 3, data: str | None = None, tileset: str = TILESET,
        objects: str = SPAWN, extra: str = "", header: str = "") -> str:
    if data is None:
        data = encode([1] * (width * height), "csv")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{header}'
            f'<map version="1.10" tiledversion="1.10.2" orientation="orthogonal" '
            f'renderorder="right-down" width="{width}" height="{height}" tilewidth="16" '
            f'tileheight="16" infinite="0" nextlayerid="3" nextobjectid="2">\n{tileset}'
            f' <layer id="1" name="ground" width="{width}" height="{height}">\n  {data}\n'
            f' </layer>\n {objects}\n{extra}</map>\n')


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _bomb(method: str, size: int = 64 * 1024 * 1024) -> str:
    zeros = bytes(size)
    packed = {"zlib": lambda: zlib.compress(zeros, 9),
              "gzip": lambda: gzip.compress(zeros, 9, mtime=0),
              "zstd": lambda: zstandard.ZstdCompressor(level=19).compress(zeros)}[method]()
    return f'<data encoding="base64" compression="{method}">{_b64(packed)}</data>'


LAUGHS = ('<!DOCTYPE map [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
          '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>\n')
BAD_WASTE = ('<objectgroup id="2" name="objects"><object id="1" name="spawn" '
             'type="PlayerSpawn" x="4" y="4" width="8" height="8"/>'
             '<object id="2" name="heap" type="Waste" x="20" y="4" width="8" height="8">'
             '<properties><property name="amount" value="lots"/></properties></object>'
             '</objectgroup>')
BAD_BOOL = ('<objectgroup id="2" name="objects"><object id="1" name="spawn" '
            'type="PlayerSpawn" x="4" y="4" width="8" height="8">'
            '<properties><property name="flag" type="bool" value="maybe"/></properties>'
            '</object></objectgroup>')


def _infinite(chunks: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.10" '
            'orientation="orthogonal" renderorder="right-down" width="16" height="16" '
            'tilewidth="16" tileheight="16" infinite="1" nextlayerid="3" nextobjectid="2">\n'
            f'{TILESET} <layer id="1" name="ground" width="16" height="16">\n'
            f'  <data encoding="csv">{chunks}</data>\n </layer>\n {SPAWN}\n</map>\n')


def _nested(depth: int) -> str:
    return tmx(extra="<group>" * depth + "</group>" * depth)


# name -> (file content, element, exact message)
CORPUS: dict[str, tuple[str, str, str]] = {
    "broken_xml": ("<map><layer>", "", "broken XML at line 1, column 12: no element found"),
    "not_a_map": ('<tileset name="x"/>', "", "root element is <tileset>, expected <map>"),
    "billion_laughs": (tmx(header=LAUGHS), "", "the file declares entities or an inline "
                       "DTD (<!ENTITY>, <!DOCTYPE [...]>), which maps never need"),
    "huge_declared_size": (tmx(100000, 100000, data=encode([1] * 12, "csv")), "map",
                           "map size 100000×100000 is outside the limits (1..4096 tiles a "
                           "side, 1048576 tiles in all)"),
    "negative_size": (tmx(-4, 3, data=encode([1] * 12, "csv")), "map",
                      "<map> width=-4 is outside 0..1073741824"),
    "isometric": (tmx().replace('"orthogonal"', '"isometric"'), "map",
                  "isometric maps are not supported"),
    "bad_base64": (tmx(data='<data encoding="base64">!!!notbase64</data>'), 'layer "ground"',
                   "layer data is not valid Base64"),
    "corrupt_zlib": (tmx(data=f'<data encoding="base64" compression="zlib">'
                         f'{_b64(b"x" * 40)}</data>'), 'layer "ground"',
                     "zlib-compressed layer data is corrupt"),
    "corrupt_gzip": (tmx(data=f'<data encoding="base64" compression="gzip">'
                         f'{_b64(b"y" * 40)}</data>'), 'layer "ground"',
                     "gzip-compressed layer data is corrupt"),
    "corrupt_zstd": (tmx(data=f'<data encoding="base64" compression="zstd">'
                         f'{_b64(b"z" * 40)}</data>'), 'layer "ground"',
                     "zstd-compressed layer data is corrupt"),
    "bomb_zlib": (tmx(data=_bomb("zlib")), 'layer "ground"',
                  "zlib layer data unpacks to more than the 48 bytes a layer of this size "
                  "needs"),
    "bomb_gzip": (tmx(data=_bomb("gzip")), 'layer "ground"',
                  "gzip layer data unpacks to more than the 48 bytes a layer of this size "
                  "needs"),
    "bomb_zstd": (tmx(data=_bomb("zstd")), 'layer "ground"',
                  "zstd layer data unpacks to more than the 48 bytes a layer of this size "
                  "needs"),
    "short_zlib": (tmx(data=f'<data encoding="base64" compression="zlib">'
                       f'{_b64(zlib.compress(bytes(20)))}</data>'), 'layer "ground"',
                   "zlib layer data unpacks to 20 bytes, the layer needs exactly 48"),
    "short_base64": (tmx(data=f'<data encoding="base64">{_b64(bytes(44))}</data>'),
                     'layer "ground"',
                     "layer data holds 44 bytes, a 4×3 layer needs exactly 48"),
    "csv_too_short": (tmx(data='<data encoding="csv">1,1,1</data>'), 'layer "ground"',
                      "CSV layer data has 3 numbers, the layer needs 12"),
    "csv_too_long": (tmx(data=encode([1] * 13, "csv")), 'layer "ground"',
                     "CSV layer data has 13 numbers, the layer needs 12"),
    "csv_garbage": (tmx(data='<data encoding="csv">' + "1," * 11 + "abc</data>"),
                    'layer "ground"', "CSV layer data holds 'abc', not a tile id"),
    "unknown_encoding": (tmx(data='<data encoding="base32">AAAA</data>'), 'layer "ground"',
                         "unknown layer encoding 'base32'"),
    "unknown_compression": (tmx(data='<data encoding="base64" compression="lzma">AAAA</data>'),
                            'layer "ground"', "unknown layer compression 'lzma'"),
    "gid_beyond_tilesets": (tmx(data=encode([1] * 11 + [99], "csv")), 'layer "ground"',
                            "tile id 99 at (3, 2) is not in any tileset"),
    "missing_tileset": (tmx(tileset=' <tileset firstgid="1" source="gone.tsx"/>\n'),
                        'tileset "gone.tsx"', "tileset file 'gone.tsx' not found"),
    "tileset_escapes_folder": (tmx(tileset=' <tileset firstgid="1" '
                                   'source="../../../../../../etc/city.tsx"/>\n'),
                               'tileset "../../../../../../etc/city.tsx"',
                               "tileset path '../../../../../../etc/city.tsx' leads outside "
                               "the map's folder"),
    "tileset_absolute_path": (tmx(tileset=' <tileset firstgid="1" source="/etc/passwd"/>\n'),
                              'tileset "/etc/passwd"', "tileset path '/etc/passwd' is absolute"),
    "image_escapes_folder": (tmx(tileset=TILESET.replace('"t.png"', '"../../secret.png"')),
                             'tileset "t"', "tileset image path '../../secret.png' leads "
                             "outside the map's folder"),
    "template_missing": (tmx(objects='<objectgroup id="2"><object id="1" template="no.tx" '
                             'x="4" y="4"/></objectgroup>'), "object #1",
                         "template 'no.tx' not found"),
    "template_escapes_folder": (tmx(objects='<objectgroup id="2"><object id="1" '
                                    'template="../../x.tx" x="4" y="4"/></objectgroup>'),
                                "object #1",
                                "template path '../../x.tx' leads outside the map's folder"),
    "bad_property_value": (tmx(objects=BAD_WASTE), 'object #2 "heap"',
                           "Waste property 'amount' = 'lots' must be a whole number"),
    "bad_bool_property": (tmx(objects=BAD_BOOL), 'object #1 "spawn"',
                          "property 'flag' is of type bool but holds 'maybe'"),
    "infinite_far_chunks": (_infinite(
        '<chunk x="0" y="0" width="16" height="16">' + ",".join(["1"] * 256) + '</chunk>'
        '<chunk x="100000" y="0" width="16" height="16">' + ",".join(["1"] * 256) +
        '</chunk>'), "map", "map size 100016×16 is outside the limits (1..4096 tiles a "
        "side, 1048576 tiles in all)"),
    "infinite_empty": (_infinite('<chunk x="0" y="0" width="16" height="16">' +
                                 ",".join(["0"] * 256) + "</chunk>"), "map",
                       "the infinite map has no tiles"),
    "infinite_bad_chunk": (_infinite('<chunk x="0" y="0" width="16" height="16">1,2,3'
                                     '</chunk>'), 'layer "ground"',
                           "CSV layer data has 3 numbers, the layer needs 256"),
    "deep_nesting": (_nested(100), "", "elements nested deeper than 64 levels"),
    "no_spawn": (tmx(objects=""), "map", "the map needs exactly one PlayerSpawn object, "
                 "found 0"),
}


def write_corpus(folder: Path = HERE) -> list[Path]:
    sys.path.insert(0, str(HERE.parent))
    from mapkit import write_png

    out = [write_png(folder / "t.png")]  # the maps' tileset image: a missing one is an error
    for name, (text, _, _) in CORPUS.items():
        path = folder / f"{name}.tmx"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


if __name__ == "__main__":
    for p in write_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print("wrote", p, p.stat().st_size, "bytes")
