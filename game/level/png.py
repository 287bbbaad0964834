"""PNG images checked before anything decodes them: real size from the header, caps, and
the whole file walked (chunk CRCs, the pixel stream inflated in bounded steps to exactly
the size the header promises).

A 2 MB PNG can declare 50,000×50,000 pixels; SDL would try to allocate 10 GB for it. A
truncated or damaged one would draw as blank tiles. Both are refused here with a clear
message, while `check` runs, with no pygame and at most a few hundred KB in memory.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_IMAGE_BYTES = 8 * 1024 * 1024  # one image file
MAX_SIDE = 4096  # pixels a side
MAX_PIXELS = 4096 * 4096  # one image (64 MB as RGBA)
MAX_CHUNKS = 100_000
# colour type -> channels; and the bit depths each allows
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
          (0, 1, 1, 2))  # (x0, y0, dx, dy) of each interlace pass


class PngError(ValueError):
    """Why an image cannot be used (a sentence for the player)."""


@dataclass(frozen=True, slots=True)
class PngInfo:
    width: int
    height: int


def header_size(head: bytes) -> tuple[int, int]:
    """Width and height from the first 24 bytes, with the size caps applied."""
    if len(head) < 24 or head[:8] != SIGNATURE:
        raise PngError("is not a PNG image (only PNG images are supported)")
    if head[12:16] != b"IHDR":
        raise PngError("is a damaged PNG (no IHDR header)")
    width, height = struct.unpack(">II", head[16:24])
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        raise PngError(f"is {width}×{height} pixels; images may be at most {MAX_SIDE} "
                       "pixels a side")
    if width * height > MAX_PIXELS:
        raise PngError(f"is {width}×{height} pixels, over the {MAX_PIXELS} pixel limit")
    return width, height


def _raw_size(width: int, height: int, bits: int, interlaced: bool) -> int:
    def rows(w: int, h: int) -> int:
        return h * (1 + (w * bits + 7) // 8) if w and h else 0
    if not interlaced:
        return rows(width, height)
    return sum(rows((width - x0 + dx - 1) // dx, (height - y0 + dy - 1) // dy)
               for x0, y0, dx, dy in _ADAM7)


def inspect(data: bytes) -> PngInfo:
    """Check a whole PNG file's bytes; PngError says what is wrong."""
    if len(data) > MAX_IMAGE_BYTES:
        raise PngError(f"is {len(data)} bytes, over the {MAX_IMAGE_BYTES} byte limit")
    width, height = header_size(data[:24])
    pos, seen, chunks = 8, [], 0
    inflater = zlib.decompressobj()
    ihdr: tuple[int, ...] = ()
    raw, expected = 0, 0
    while True:
        chunks += 1
        if chunks > MAX_CHUNKS or pos + 12 > len(data):
            raise PngError("is a damaged PNG (cut short before its end)")
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length or pos + 12 + length > len(data):
            raise PngError("is a damaged PNG (cut short inside a chunk)")
        crc = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
        if zlib.crc32(kind + body) != crc:
            raise PngError(f"is a damaged PNG (checksum of a {kind.decode('latin-1')!r} "
                           "chunk does not match)")
        pos += 12 + length
        if kind == b"IHDR":
            if seen or length != 13:
                raise PngError("is a damaged PNG (bad IHDR header)")
            ihdr = struct.unpack(">IIBBBBB", body)
            _, _, depth, ctype, comp, filt, interlace = ihdr
            if ctype not in _CHANNELS or depth not in _DEPTHS[ctype] or comp or filt or \
                    interlace > 1:
                raise PngError("is a PNG of a kind that cannot be read (bad colour type or "
                               "bit depth)")
            expected = _raw_size(width, height, depth * _CHANNELS[ctype], interlace == 1)
        elif not seen:
            raise PngError("is a damaged PNG (IHDR is not the first chunk)")
        elif kind == b"IDAT":
            if seen[-1] != b"IDAT" and b"IDAT" in seen:
                raise PngError("is a damaged PNG (image data split by other chunks)")
            raw = _inflate(inflater, body, raw, expected)
        elif kind == b"IEND":
            break
        elif ihdr[3] == 3 and kind == b"PLTE" and (length % 3 or not length):
            raise PngError("is a damaged PNG (bad palette)")
        seen.append(kind)
    if b"IDAT" not in seen:
        raise PngError("is a damaged PNG (no image data)")
    if ihdr[3] == 3 and b"PLTE" not in seen:
        raise PngError("is a damaged PNG (palette image without a palette)")
    raw = _inflate(inflater, b"", raw, expected, final=True)
    if raw != expected or not inflater.eof:
        raise PngError("is a damaged PNG (the image data is shorter than its size)")
    return PngInfo(width, height)


def _inflate(inflater, data: bytes, raw: int, expected: int, final: bool = False) -> int:
    """Inflate `data` in steps of at most 256 KB, counting the output, never keeping it."""
    try:
        while True:
            out = inflater.decompress(data, 1 << 18)
            raw += len(out)
            if raw > expected:
                raise PngError("is a damaged PNG (more image data than its size)")
            data = inflater.unconsumed_tail
            if not data:
                break
        if final:
            raw += len(inflater.flush())
    except zlib.error:
        raise PngError("is a damaged PNG (its compressed image data is broken)") from None
    return raw
