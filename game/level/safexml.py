"""The safe front door for every .tmx/.tsx/.tx file: size caps, no DTD or entities,
bounded element count and depth, and file references that must stay inside the map's
folder (or the game's own maps/ and assets/). Only regular files are read, through
`game.fileio` (never a FIFO or a device), and `Files` keeps the SHA-256 of every byte the
map's level was read from, so the map hash covers exactly what the loader used.

Nothing else in game/level opens a file.
"""

from __future__ import annotations

import hashlib
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from xml.parsers import expat

from game.fileio import FileTooLarge, NotRegularFile, read_capped
from game.level import png
from game.level.errors import WARNING, MapError, Problem
from game.paths import ASSETS_DIR, MAPS_DIR

MAX_FILE_BYTES = 16 * 1024 * 1024  # one .tmx/.tsx/.tx file
MAX_ELEMENTS = 400_000  # XML elements in one file (XML-format layers count one per tile)
MAX_DEPTH = 64  # element nesting (group layers inside group layers …)
MAX_FILES = 256  # distinct tilesets + templates one map may pull in
MAX_IMAGES = 1024  # distinct images one map may draw
MAX_PIXELS = 64 * 1024 * 1024  # in all of a map's images (256 MB as RGBA)

RESAVE = "open it in Tiled and save it again"


class _Refused(Exception):
    pass


def _refuse_dtd(*_args: object) -> None:
    raise _Refused("the file declares entities or an inline DTD (<!ENTITY>, "
                   "<!DOCTYPE [...]>), which maps never need")


def _doctype(_name: str, _system: str | None, _public: str | None, internal: int) -> None:
    """Old Tiled wrote `<!DOCTYPE map SYSTEM "…map.dtd">`: harmless, as the external DTD
    is never fetched. An inline subset is where entity bombs live: refused."""
    if internal:
        _refuse_dtd()


def parse_bytes(path: Path, data: bytes) -> ET.Element:
    """XML bytes → element tree, refusing DTDs, entities, huge or deep documents."""
    parser = expat.ParserCreate()
    builder = ET.TreeBuilder()
    state = {"count": 0, "depth": 0}

    def start(tag: str, attrs: dict[str, str]) -> None:
        state["count"] += 1
        state["depth"] += 1
        if state["count"] > MAX_ELEMENTS:
            raise _Refused(f"more than {MAX_ELEMENTS} XML elements (store tile layers as "
                           "CSV or Base64, not XML)")
        if state["depth"] > MAX_DEPTH:
            raise _Refused(f"elements nested deeper than {MAX_DEPTH} levels")
        builder.start(tag, attrs)

    def end(tag: str) -> None:
        state["depth"] -= 1
        builder.end(tag)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = _doctype
    parser.EntityDeclHandler = _refuse_dtd
    parser.UnparsedEntityDeclHandler = _refuse_dtd
    parser.ExternalEntityRefHandler = _refuse_dtd  # type: ignore[assignment]
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
        return builder.close()
    except _Refused as exc:
        raise MapError(path, str(exc), hint=RESAVE) from None
    except expat.ExpatError as exc:
        reason = expat.ErrorString(exc.code) if exc.code else str(exc)
        raise MapError(path, f"broken XML at line {exc.lineno}, column {exc.offset}: "
                       f"{reason}", hint=RESAVE) from None
    except (LookupError, UnicodeError) as exc:  # encoding="…" that Python does not know
        raise MapError(path, f"broken XML: {exc}", hint="save the file as UTF-8") from None
    except (AssertionError, IndexError, ValueError) as exc:  # TreeBuilder on odd input
        raise MapError(path, f"broken XML: {exc}", hint=RESAVE) from None


def read_bytes(path: Path, cap: int = MAX_FILE_BYTES) -> bytes:
    """A regular file's bytes within `cap` (fileio.read_capped), or MapError saying why."""
    try:
        return read_capped(path, cap)
    except FileNotFoundError:
        raise MapError(path, "cannot read the file (it does not exist)",
                       hint="check the path") from None
    except FileTooLarge as exc:
        raise MapError(path, f"the file is {exc.strerror}",
                       hint="split the map, or use Base64 (zstd or zlib) layers") from None
    except NotRegularFile as exc:
        raise MapError(path, f"cannot read the file: it is {exc.strerror}",
                       hint="maps, tilesets, templates and images must be plain files") \
            from None
    except OSError as exc:
        raise MapError(path, f"cannot read the file ({exc.strerror or exc})",
                       hint="check the path and its permissions") from None


def read_xml(path: Path) -> ET.Element:
    return parse_bytes(path, read_bytes(path))


@dataclass
class Files:
    """Where a map may read from, and which files it has read (for caps and hashing)."""

    map_path: Path
    roots: tuple[Path, ...] = ()
    opened: dict[Path, ET.Element] = field(default_factory=dict)
    hashes: list[tuple[str, str]] = field(default_factory=list)  # (name, sha256) read
    images: dict[Path, tuple[int, int] | None] = field(default_factory=dict)  # real sizes
    pixels: int = 0

    def __post_init__(self) -> None:
        if not self.roots:
            self.roots = tuple(_resolve(p) for p in (self.map_path.parent, MAPS_DIR,
                                                     ASSETS_DIR))

    def resolve(self, base_file: Path, ref: str, element: str, what: str) -> Path:
        """A reference written in `base_file` → an absolute path inside the allowed roots."""
        if not ref or "\x00" in ref:
            raise MapError(base_file, f"empty or invalid {what} path", element=element,
                           hint=f"choose the {what} again in Tiled")
        if PurePosixPath(ref).is_absolute() or PureWindowsPath(ref).is_absolute() or \
                PureWindowsPath(ref).drive or ref.startswith("~") or ":" in ref:
            raise MapError(base_file, f"{what} path {ref!r} is absolute", element=element,
                           hint="keep files next to the map and use relative paths "
                                "(Tiled does this when they share a folder)")
        target = _resolve(base_file.parent / ref.replace("\\", "/"))
        if not any(target == root or target.is_relative_to(root) for root in self.roots):
            raise MapError(base_file, f"{what} path {ref!r} leads outside the map's folder",
                           element=element,
                           hint="copy the file into the map's folder (or a subfolder)")
        return target

    def xml(self, path: Path, element: str = "", name: str = "") -> ET.Element:
        if path not in self.opened:
            if len(self.opened) >= MAX_FILES:
                raise MapError(self.map_path, f"the map pulls in more than {MAX_FILES} "
                               "tilesets and templates", element=element)
            try:
                data = self.read(path, name or path.name)
            except MapError as exc:
                if exc.element or not element:
                    raise
                raise MapError(exc.file, exc.message, element, exc.hint) from None
            self.opened[path] = parse_bytes(path, data)
        return self.opened[path]

    def read(self, path: Path, name: str, cap: int = MAX_FILE_BYTES) -> bytes:
        """Bytes of a file the map's level depends on, remembered (by the name it was
        referenced with) for the map's hash: exactly what was read, nothing re-read."""
        data = read_bytes(path, cap)
        self.hashes.append((name, hashlib.sha256(data).hexdigest()))
        return data

    def image(self, base_file: Path, path: Path, ref: str, element: str, what: str,
              warnings: list[Problem]) -> tuple[int, int] | None:
        """A PNG the level will draw, checked whole (png.inspect) before anything decodes
        it: its real size, or None (and a warning) when it is missing. Images are not
        hashed: they never change the simulation."""
        if path in self.images:
            return self.images[path]
        if not os.path.lexists(path):
            warnings.append(Problem(str(base_file), f"{what} {ref!r} not found", element,
                                    f"put the image next to the {base_file.suffix[1:]} "
                                    "file", WARNING))
            self.images[path] = None
            return None
        if len(self.images) >= MAX_IMAGES:
            raise MapError(base_file, f"the map uses more than {MAX_IMAGES} images", element,
                           "put the tiles into one tileset image")
        hint = (f"export it again as a PNG of at most {png.MAX_SIDE}×{png.MAX_SIDE} pixels "
                f"and {png.MAX_IMAGE_BYTES // (1024 * 1024)} MB")
        try:
            info = png.inspect(read_bytes(path, png.MAX_IMAGE_BYTES))
        except png.PngError as exc:
            raise MapError(base_file, f"{what} {ref!r} {exc}", element, hint) from None
        except MapError as exc:
            raise MapError(base_file, f"{what} {ref!r}: {exc.message}", element,
                           hint) from None
        self.pixels += info.width * info.height
        if self.pixels > MAX_PIXELS:
            raise MapError(base_file, f"the map's images hold more than {MAX_PIXELS} pixels "
                           "in all", element, "use fewer or smaller images")
        self.images[path] = (info.width, info.height)
        return self.images[path]


def _resolve(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # symlink loops
        return path.absolute()
