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


# -- cases that need files beside the map (FIFOs, devices, images, big files) -----------
# Built at test time in a temporary folder (tests/test_hostile_run.py), never committed:
# name -> (builder(folder) -> map path, element, message; "" = the map must load).


def png(width: int, height: int, raw: bytes | None = None, ctype: int = 6) -> bytes:
    """A PNG whose header says width×height; `raw` is its (uncompressed) pixel stream,
    by default the right size when it is small, else a few KB (a decompression bomb's
    header with little data)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + \
            struct.pack(">I", zlib.crc32(kind + body))
    if raw is None:
        row = 1 + width * {6: 4, 2: 3, 0: 1}[ctype]
        raw = bytes(row * height) if row * height < 1 << 22 else bytes(1 << 16)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8,
                                                                 ctype, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _map(folder: Path, tileset: str = TILESET, **kw: object) -> Path:
    return _write(folder, "m.tmx", tmx(tileset=tileset, **kw))  # type: ignore[arg-type]


def _fifo(path: Path) -> Path:
    import os

    os.mkfifo(path)
    return path


BOMB = png(50000, 50000)
NO_TILECOUNT = TILESET.replace(' tilecount="4"', "")
COLLECTION = (' <tileset firstgid="1" name="c" tilewidth="16" tileheight="16" tilecount="1" '
              'columns="0">\n  <grid orientation="orthogonal" width="1" height="1"/>\n'
              '  <tile id="0"><image source="t.png" width="16" height="16"/></tile>\n'
              ' </tileset>\n')
EXTERNAL = ' <tileset firstgid="1" source="t.tsx"/>\n'
TSX = ('<?xml version="1.0" encoding="UTF-8"?>\n<tileset name="t" tilewidth="16" '
       'tileheight="16" tilecount="4" columns="2">\n <image source="ok.png" width="32" '
       'height="32"/>\n</tileset>\n')
PNG_HINT = "export it again as a PNG of at most 4096×4096 pixels and 8 MB"


def _png_case(data: bytes, tileset: str = TILESET):
    def build(folder: Path) -> Path:
        _write(folder, "t.png", data)
        return _map(folder, tileset)
    return build


def _fifo_image(folder: Path) -> Path:
    _fifo(folder / "t.png")
    return _map(folder)


def _fifo_tsx(folder: Path) -> Path:
    _fifo(folder / "t.tsx")
    return _map(folder, EXTERNAL)


def _fifo_template(folder: Path) -> Path:
    _fifo(folder / "a.tx")
    return _map(folder, objects=SPAWN.replace("</objectgroup>", '<object id="5" '
                                              'template="a.tx" x="4" y="4"/></objectgroup>'))


def _project(target: str):
    def build(folder: Path) -> Path:
        if target == "fifo":
            _fifo(folder / "x.tiled-project")
        else:
            (folder / "x.tiled-project").symlink_to(target)
        _write(folder, "t.png", png(32, 32))
        return _map(folder)
    return build


def _nested_tsx(folder: Path) -> Path:
    _write(folder, "ok.png", png(32, 32))
    _write(folder, "t.tsx", TSX.replace("</tileset>", '<tileset source="/dev/zero"/>'
                                        '<tileset source="../../../etc/passwd"/></tileset>'))
    return _map(folder, EXTERNAL)


def _devzero_image(folder: Path) -> Path:
    (folder / "t.png").symlink_to("/dev/zero")
    return _map(folder)


def _props(**props: str) -> str:
    return ("<properties>" + "".join(f'<property name="{k}" value="{v}"/>'
                                     for k, v in props.items()) + "</properties>")


def _with_png(folder: Path, **kw: object) -> Path:
    _write(folder, "t.png", png(32, 32))
    return _write(folder, "m.tmx", tmx(**kw))  # type: ignore[arg-type]


def _huge_text(folder: Path) -> Path:
    """A 15 MB objective text (legal: the map file cap is 16 MB)."""
    return _with_png(folder, header="", extra="", objects=SPAWN,
                     tileset=TILESET + " " + _props(objective_text="x" * 15_000_000,
                                                    title="T" * 100_000) + "\n")


def _bidi_title(folder: Path) -> Path:
    """A title that reorders the line (bidi override) and a file name that would clear the
    terminal (ESC [2J): `check` prints both escaped."""
    title = "Safe map\u202egnp.exe\u2066&#9;"
    path = _with_png(folder, tileset=TILESET + " " + _props(title=title) + "\n")
    return path.rename(folder / "m\x1b[2J\x07.tmx")


def _duplicate_ids(folder: Path) -> Path:
    twice = SPAWN.replace("</objectgroup>", '<object id="1" name="again" x="20" y="4" '
                          'width="8" height="8"/></objectgroup>')
    return _with_png(folder, objects=twice)


def _many_wave_groups(folder: Path, groups: int = 1500) -> Path:
    """WaveGroups × DroneSpawns × waves: once cubic (1,500 groups: 50 minutes)."""
    objs = [SPAWN.replace("</objectgroup>", "")]
    objs.append('<object id="2" type="DroneSpawn" x="40" y="20" width="8" height="8"/>')
    objs.append('<object id="3" type="MuralWall" x="4" y="20" width="16" height="16"/>')
    objs += [f'<object id="{10 + i}" type="WaveGroup" x="0" y="0" width="4" height="4">'
             f'{_props(count=str(1 + i % 3), first_wave=str(1 + i % 50))}</object>'
             for i in range(groups)]
    return _with_png(folder, width=4, height=3, objects="".join(objs) + "</objectgroup>",
                     tileset=TILESET + " " + _props(objective="survive", wave_count="999")
                     + "\n")


def largest_map(folder: Path, side: int = 1024, layers: int = 8) -> Path:
    """The largest map the limits allow: side×side tiles, `layers` zstd layers (~45 KB)."""
    _write(folder, "t.png", png(32, 32))
    layer = encode([1] * (side * side), "zstd")
    extra = "".join(f' <layer id="{i + 3}" name="l{i}" width="{side}" height="{side}">\n  '
                    f'{layer}\n </layer>\n' for i in range(layers - 1))
    return _write(folder, "m.tmx", tmx(side, side, data=layer, extra=extra))


SCENES: dict[str, tuple] = {
    "png_bomb_declared_small": (_png_case(BOMB), 'tileset "t"', "tileset image 't.png' is "
                                "50000×50000 pixels; images may be at most 4096 pixels a side"),
    "png_bomb_no_tilecount": (_png_case(BOMB, NO_TILECOUNT), 'tileset "t"',
                              "tileset image 't.png' is 50000×50000 pixels; images may be at "
                              "most 4096 pixels a side"),
    "png_bomb_collection_tile": (_png_case(BOMB, COLLECTION), 'tileset "c" tile 0',
                                 "tile image 't.png' is 50000×50000 pixels; images may be at "
                                 "most 4096 pixels a side"),
    "png_not_png": (_png_case(b"GIF89a not a png at all"), 'tileset "t"',
                    "tileset image 't.png' is not a PNG image (only PNG images are "
                    "supported)"),
    "png_truncated": (_png_case(png(32, 32)[:60]), 'tileset "t"',
                      "tileset image 't.png' is a damaged PNG (cut short inside a chunk)"),
    "png_bad_checksum": (_png_case(png(32, 32)[:-20] + b"X" + png(32, 32)[-19:]),
                         'tileset "t"', "tileset image 't.png' is a damaged PNG (checksum of "
                         "a 'IDAT' chunk does not match)"),
    "png_short_data": (_png_case(png(32, 32, raw=bytes(100))), 'tileset "t"',
                       "tileset image 't.png' is a damaged PNG (the image data is shorter "
                       "than its size)"),
    "fifo_tileset_image": (_fifo_image, 'tileset "t"', "tileset image 't.png': cannot read "
                           "the file: it is a FIFO (named pipe), not a regular file"),
    "fifo_tsx": (_fifo_tsx, 'tileset "t.tsx"', "cannot read the file: it is a FIFO (named "
                 "pipe), not a regular file"),
    "fifo_template": (_fifo_template, "object #5", "cannot read the file: it is a FIFO "
                      "(named pipe), not a regular file"),
    "devzero_image": (_devzero_image, 'tileset "t"', "tileset image path 't.png' leads "
                      "outside the map's folder"),
    "fifo_project": (_project("fifo"), "", ""),
    "devzero_project": (_project("/dev/zero"), "", ""),
    "nested_tileset_in_tsx": (_nested_tsx, "", ""),
    "huge_objective_text": (_huge_text, "", ""),
    "bidi_title": (_bidi_title, "", ""),
    "duplicate_ids": (_duplicate_ids, "", ""),
    "many_wave_groups": (_many_wave_groups, "map", "wave 49 brings 20220 drones; at most "
                         "20000 come in one wave"),
    "largest_legal_map": (largest_map, "", ""),
    "over_the_size_limit": (lambda f: largest_map(f, 1025, 1), "map",
                            "map size 1025×1025 is outside the limits (1..4096 tiles a side, "
                            "1048576 tiles in all)"),
}


def write_corpus(folder: Path = HERE) -> list[Path]:
    out = []
    for name, (text, _, _) in CORPUS.items():
        path = folder / f"{name}.tmx"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


if __name__ == "__main__":
    for p in write_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print("wrote", p, p.stat().st_size, "bytes")
