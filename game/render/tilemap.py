"""Tile layers drawn through a view-sized buffer: cost and memory follow the view, never
the map.

The buffer holds the tiles under the view plus one tile of margin. When the view moves,
the buffer scrolls by whole tiles (`Surface.scroll`) and only the exposed rows and
columns are drawn; each frame is then one blit of the buffer. Animated tiles are tracked
per tile id: a tile id whose frame changed since the last draw redraws only its cells in
the buffer (each cell's whole stack of layers, so an animated tile sits between the
layers it belongs between). Glows are looked up in the tiles around the view.

Drawn as Tiled draws them: tilesets with margin and spacing, layer opacity and tint
colour (multiplied into the tiles), layer offsets and parallax (layers that share them
share a buffer; parallax moves a layer by (view centre - origin) × (1 - factor), the
origin being the map's top-left corner, Tiled's default). Hidden layers draw nothing
and cast no shadows or glows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from game.level.data import FLIP_D, FLIP_H, FLIP_V, GID_MASK, LevelData, TileLayer, Tileset
from game.render.images import load_image

BACKGROUND = (24, 30, 28)
SHADOW = (18, 22, 38, 70)  # rgba of the down-right shadow that tall tiles cast

Style = tuple[float, tuple[int, int, int, int]]  # a layer's (opacity, tint)
PLAIN: Style = (1.0, (255, 255, 255, 255))


class TileImages:
    """Tiled gid (with flip bits) → surface, for every tileset of a level, in the style
    (opacity, tint) of the layer it is drawn on."""

    def __init__(self, level: LevelData) -> None:
        self.level = level
        self._sheets: dict[int, pygame.Surface | None] = {}
        self._cache: dict[tuple[int, Style], pygame.Surface | None] = {}

    def _sheet(self, ts: Tileset) -> pygame.Surface | None:
        if ts.firstgid not in self._sheets:
            try:
                self._sheets[ts.firstgid] = load_image(ts.image) if ts.image else None
            except (pygame.error, FileNotFoundError):
                self._sheets[ts.firstgid] = None
        return self._sheets[ts.firstgid]

    def local(self, ts: Tileset, local: int, style: Style = PLAIN) -> pygame.Surface | None:
        return self.get(ts.firstgid + local, style)

    def get(self, gid: int, style: Style = PLAIN) -> pygame.Surface | None:
        key = (gid, style)
        if key in self._cache:
            return self._cache[key]
        image = self._plain(gid) if style == PLAIN else self.get(gid)
        if image is not None and style != PLAIN:
            image = _styled(image, style)
        self._cache[key] = image
        return image

    def _plain(self, gid: int) -> pygame.Surface | None:
        image = None
        ts = self.level.tileset_for(gid)
        if ts is not None:
            local = (gid & GID_MASK) - ts.firstgid
            if local in ts.tile_images:
                try:
                    image = load_image(ts.tile_images[local])
                except (pygame.error, FileNotFoundError):
                    image = None
            else:
                sheet = self._sheet(ts)
                if sheet is not None and ts.columns > 0:  # Tiled: margin, then spacing
                    x = ts.margin + (local % ts.columns) * (ts.tile_width + ts.spacing)
                    y = ts.margin + (local // ts.columns) * (ts.tile_height + ts.spacing)
                    if x + ts.tile_width <= sheet.get_width() and \
                            y + ts.tile_height <= sheet.get_height():
                        image = sheet.subsurface((x, y, ts.tile_width, ts.tile_height))
            if image is not None and gid & (FLIP_H | FLIP_V | FLIP_D):
                image = _flipped(image, gid)
        return image


def _flipped(image: pygame.Surface, gid: int) -> pygame.Surface:
    if gid & FLIP_D:  # anti-diagonal flip = transpose
        image = pygame.transform.flip(pygame.transform.rotate(image, -90), True, False)
    return pygame.transform.flip(image, bool(gid & FLIP_H), bool(gid & FLIP_V))


def _styled(image: pygame.Surface, style: Style) -> pygame.Surface:
    """As Tiled does it: the colour is multiplied by the tint premultiplied by its alpha
    (a half-transparent white tint darkens by half); only the layer opacity thins."""
    opacity, (r, g, b, a) = style
    out = image.convert_alpha() if pygame.display.get_surface() else image.copy()
    out.fill((r * a // 255, g * a // 255, b * a // 255, round(255 * opacity)),
             special_flags=pygame.BLEND_RGBA_MULT)
    return out


@dataclass(slots=True)
class Animation:
    frames: tuple[tuple[int, int], ...]  # (gid of the frame, ms)
    period: int

    def frame_at(self, time_ms: int) -> int:
        phase = time_ms % self.period
        for gid, ms in self.frames:
            if phase < ms:
                return gid
            phase -= ms
        return self.frames[-1][0]


class _Buffer:
    """The tiles of some layers (sharing offset and parallax) under the view."""

    def __init__(self, renderer: TileMapRenderer, layers: list[int], base: bool) -> None:
        self.r = renderer
        self.layers = layers
        self.base = base  # the bottom buffer: opaque, holds the ground's shadows
        self.surface: pygame.Surface | None = None
        self.origin: tuple[int, int] | None = None  # map tile at the buffer's top-left
        self.cols = self.rows = 0
        self.anim_frame: dict[int, int] = {}  # animated gid -> frame gid last drawn
        self.anim: np.ndarray | None = None  # animated cells in the buffer: gid, x, y rows
        self._found: list[tuple[int, int, int]] = []  # animated cells drawn: gid, x, y

    def resize(self, view: tuple[int, int]) -> None:
        t = self.r.tile
        self.cols, self.rows = view[0] // t + 2, view[1] // t + 2
        flags = 0 if self.base else pygame.SRCALPHA
        self.surface = pygame.Surface((self.cols * t, self.rows * t), flags)
        self.origin = None

    def draw(self, target: pygame.Surface, camera: tuple[int, int], time_ms: int) -> None:
        t = self.r.tile
        ox, oy = camera
        tx0, ty0 = ox // t, oy // t
        self._move_to(tx0, ty0)
        self._animate(time_ms)
        target.blit(self.surface, (tx0 * t - ox, ty0 * t - oy))

    def _move_to(self, tx0: int, ty0: int) -> None:
        if self.origin == (tx0, ty0):
            return
        cols, rows, t = self.cols, self.rows, self.r.tile
        self._found = []
        if self.origin is None or abs(tx0 - self.origin[0]) >= cols or \
                abs(ty0 - self.origin[1]) >= rows:
            self.origin = (tx0, ty0)
            self.anim = None
            self._draw_cells(tx0, ty0, tx0 + cols, ty0 + rows)
        else:
            dx, dy = self.origin[0] - tx0, self.origin[1] - ty0  # tiles the content moves
            self.surface.scroll(dx * t, dy * t)
            self.origin = (tx0, ty0)
            x1, y1 = tx0 + cols, ty0 + rows
            self._keep_animated(tx0, ty0, x1, y1)
            sx0, sx1 = tx0, x1  # the columns a row strip still has to draw
            if dx > 0:
                self._draw_cells(tx0, ty0, tx0 + dx, y1)
                sx0 = tx0 + dx
            elif dx < 0:
                self._draw_cells(x1 + dx, ty0, x1, y1)
                sx1 = x1 + dx
            if dy > 0:
                self._draw_cells(sx0, ty0, sx1, ty0 + dy)
            elif dy < 0:
                self._draw_cells(sx0, y1 + dy, sx1, y1)
        if self._found:
            new = np.array(self._found, dtype=np.int64).T
            self.anim = new if self.anim is None else np.concatenate([self.anim, new], 1)

    def _keep_animated(self, x0: int, y0: int, x1: int, y1: int) -> None:
        """Forget the animated cells that scrolled out of the buffer."""
        if self.anim is not None:
            _, xs, ys = self.anim
            self.anim = self.anim[:, (xs >= x0) & (xs < x1) & (ys >= y0) & (ys < y1)]

    def _animate(self, time_ms: int) -> None:
        if self.anim is None or not self.anim.shape[1]:
            return
        changed = []
        for gid, frame in self.r.current_frames().items():
            if self.anim_frame.get(gid) != frame:
                self.anim_frame[gid] = frame
                changed.append(gid)
        if not changed:
            return
        gids, xs, ys = self.anim
        hit = _among(gids, np.array(changed, dtype=np.int64))
        xs, ys = xs[hit], ys[hit]
        if xs.size > 1:  # a cell with animated tiles on two layers: draw it once
            keep = np.unique(ys * self.r.level.width + xs, return_index=True)[1]
            xs, ys = xs[keep], ys[keep]
        if xs.size:
            self._draw_scattered(xs, ys)

    def _draw_scattered(self, xs: np.ndarray, ys: np.ndarray) -> None:
        """Redraw single map cells (animated ones) in one pass per layer."""
        t, (bx, by) = self.r.tile, self.origin
        sx, sy = ((xs - bx) * t).tolist(), ((ys - by) * t).tolist()
        fill = BACKGROUND if self.base else (0, 0, 0, 0)
        for x, y in zip(sx, sy, strict=True):
            self.surface.fill(fill, (x, y, t, t))
        frames, image_of = self.r.current_frames(), self.r.image_of
        for n, li in enumerate(self.layers):
            gids = self.r.level.layers[li].gids[ys, xs].tolist()
            blits = []
            for gid, x, y in zip(gids, sx, sy, strict=True):
                img = image_of(li, frames.get(gid, gid)) if gid else None
                if img is not None:
                    blits.append((img, (x, y)))
            self.surface.fblits(blits)
            if self.base and n == 0:
                left, above = self.r.shade_left[ys, xs], self.r.shade_above[ys, xs]
                self.surface.fblits(
                    [(self.r.shadow_left, (sx[i], sy[i])) for i in np.flatnonzero(left)] +
                    [(self.r.shadow_above, (sx[i], sy[i])) for i in np.flatnonzero(above)])

    def _draw_cells(self, x0: int, y0: int, x1: int, y1: int) -> None:
        """Redraw map tiles [x0, x1) × [y0, y1) of the buffer, every layer in order."""
        t, (bx, by) = self.r.tile, self.origin
        rect = ((x0 - bx) * t, (y0 - by) * t, (x1 - x0) * t, (y1 - y0) * t)
        self.surface.fill(BACKGROUND if self.base else (0, 0, 0, 0), rect)
        animations, frames = self.r.animations, self.r.current_frames()
        for n, li in enumerate(self.layers):
            part = self.r.window(li, x0, y0, x1, y1)
            if part is not None:
                gids, wx, wy = part
                images, image_of = self.r.layer_images[li], self.r.image_of
                blits = []
                ys, xs = np.nonzero(gids)
                xs, ys = (xs + wx).tolist(), (ys + wy).tolist()
                for gid, x, y in zip(gids[gids != 0].tolist(), xs, ys, strict=True):
                    if gid in animations:
                        self._found.append((gid, x, y))
                        img = image_of(li, frames[gid])
                    else:
                        img = images.get(gid) or image_of(li, gid)
                    if img is not None:
                        blits.append((img, ((x - bx) * t, (y - by) * t)))
                self.surface.fblits(blits)
            if self.base and n == 0:  # shadows fall on the ground, under all above it
                self.surface.fblits(self.r.shadows(x0, y0, x1, y1, bx, by))


class TileMapRenderer:
    def __init__(self, level: LevelData) -> None:
        self.level = level
        self.images = TileImages(level)
        self.tile = level.tile_size
        self.time_ms = 0
        shown = [i for i, layer in enumerate(level.layers) if layer.visible]
        self.styles: dict[int, Style] = {
            i: (level.layers[i].opacity, level.layers[i].tint) for i in shown}
        self.layer_images: dict[int, dict[int, pygame.Surface | None]] = {i: {} for i in shown}
        self.animations: dict[int, Animation] = {}
        self._frames_at: tuple[int, dict[int, int]] = (-1, {})
        self._gid_sets = {i: np.unique(level.layers[i].gids) for i in shown}
        self._find_animations()
        self.tall = self._mask(lambda ts, local: local in ts.tall)
        # a tall tile casts a shadow on the cell right of it and the cell below it
        self.shade_left = np.zeros_like(self.tall)
        self.shade_left[:, 1:] = self.tall[:, :-1] & ~self.tall[:, 1:]
        self.shade_above = np.zeros_like(self.tall)
        self.shade_above[1:] = self.tall[:-1] & ~self.tall[1:]
        self.glow_colour: dict[int, tuple[int, int, int]] = {}
        for gids in self._gid_sets.values():
            for gid in gids.tolist():
                ts = level.tileset_for(gid) if gid else None
                colour = ts.glow.get((gid & GID_MASK) - ts.firstgid) if ts else None
                if colour is not None:
                    self.glow_colour[gid] = colour
        self.glow_ids = np.array(sorted(self.glow_colour), dtype=np.uint32)
        self.buffers = self._group(shown)
        self.shadow_left = pygame.Surface((self.tile, self.tile), pygame.SRCALPHA)
        self.shadow_left.fill(SHADOW, (0, 0, 3, self.tile))  # the left edge of the next cell
        self.shadow_above = pygame.Surface((self.tile, 2), pygame.SRCALPHA)
        self.shadow_above.fill(SHADOW)
        self._view: tuple[int, int] | None = None
        self.parallax_origin = (0.0, 0.0)  # Tiled's default: the map's top-left

    # -- what the map holds (found once, from the distinct tile ids) --------------------
    def _find_animations(self) -> None:
        for gids in self._gid_sets.values():
            for gid in gids.tolist():
                ts = self.level.tileset_for(gid) if gid else None
                local = (gid & GID_MASK) - ts.firstgid if ts else -1
                if ts is None or local not in ts.animations or gid in self.animations:
                    continue
                flips = gid & ~GID_MASK
                frames = tuple((ts.firstgid + fid | flips, ms)
                               for fid, ms in ts.animations[local]
                               if ms > 0 and self.images.get(ts.firstgid + fid) is not None)
                if frames:
                    self.animations[gid] = Animation(frames, sum(ms for _, ms in frames))

    def _mask(self, test) -> np.ndarray:
        """Tiles of the visible layers whose tile id passes `test(tileset, local id)`."""
        out = np.zeros((self.level.height, self.level.width), bool)
        for li, gids in self._gid_sets.items():
            hits = [g for g in gids.tolist() if g and (ts := self.level.tileset_for(g))
                    and test(ts, (g & GID_MASK) - ts.firstgid)]
            if hits:
                out |= np.isin(self.level.layers[li].gids, hits)
        return out

    def _group(self, shown: list[int]) -> list[_Buffer]:
        """Consecutive visible layers with the same offset and parallax share a buffer."""
        groups: list[list[int]] = []
        for li in shown:
            if groups and _placement(self.level.layers[groups[-1][-1]]) == \
                    _placement(self.level.layers[li]):
                groups[-1].append(li)
            else:
                groups.append([li])
        plain = (0.0, 0.0, 1.0, 1.0)
        base = bool(groups) and _placement(self.level.layers[groups[0][0]]) == plain
        buffers = [_Buffer(self, g, base and i == 0) for i, g in enumerate(groups)]
        if not base:  # the first layers are shifted: the ground colour goes under them
            buffers.insert(0, _Buffer(self, [], True))
        return buffers

    # -- helpers for the buffers --------------------------------------------------------
    def window(self, li: int, x0: int, y0: int, x1: int, y1: int):
        """(gids, x, y) of layer li clipped to the map, or None outside it."""
        h, w = self.level.height, self.level.width
        cx0, cy0, cx1, cy1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
        if cx0 >= cx1 or cy0 >= cy1:
            return None
        return self.level.layers[li].gids[cy0:cy1, cx0:cx1], cx0, cy0

    def image_of(self, li: int, gid: int) -> pygame.Surface | None:
        """The tile in layer li's style (cached per layer: no tuple keys per tile)."""
        images = self.layer_images[li]
        if gid not in images:
            images[gid] = self.images.get(gid, self.styles[li])
        return images[gid]

    def current_frames(self) -> dict[int, int]:
        """Animated gid → the gid of its frame at the time being drawn."""
        if self._frames_at[0] != self.time_ms:
            self._frames_at = (self.time_ms, {
                gid: anim.frame_at(self.time_ms) for gid, anim in self.animations.items()})
        return self._frames_at[1]

    def shadows(self, x0: int, y0: int, x1: int, y1: int, bx: int, by: int) -> list:
        """The shadow blits for map tiles [x0, x1) × [y0, y1)."""
        h, w, t = self.level.height, self.level.width, self.tile
        cx0, cy0, cx1, cy1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
        if cx0 >= cx1 or cy0 >= cy1:
            return []
        out = []
        for mask, img in ((self.shade_left, self.shadow_left),
                          (self.shade_above, self.shadow_above)):
            ys, xs = np.nonzero(mask[cy0:cy1, cx0:cx1])
            out += [(img, ((cx0 - bx + x) * t, (cy0 - by + y) * t))
                    for y, x in zip(ys.tolist(), xs.tolist(), strict=True)]
        return out

    def _camera(self, layer: TileLayer | None, offset: tuple[int, int],
                view: tuple[int, int]) -> tuple[int, int]:
        """The map pixel at the view's top-left for this layer."""
        if layer is None:
            return offset
        (dx, dy), (fx, fy) = layer.offset, layer.parallax
        cx, cy = offset[0] + view[0] / 2, offset[1] + view[1] / 2
        px, py = self.parallax_origin
        return (round(offset[0] - dx - (cx - px) * (1 - fx)),
                round(offset[1] - dy - (cy - py) * (1 - fy)))

    # -- drawing ------------------------------------------------------------------------
    def draw(self, target: pygame.Surface, offset: tuple[int, int], time_ms: int) -> None:
        view = target.get_size()
        if view != self._view:
            self._view = view
            for buf in self.buffers:
                buf.resize(view)
        self.time_ms = time_ms
        for buf in self.buffers:
            layer = self.level.layers[buf.layers[0]] if buf.layers else None
            buf.draw(target, self._camera(layer, offset, view), time_ms)

    def visible_glows(self, offset: tuple[int, int], view: tuple[int, int], margin: int = 32):
        """(x, y, colour) on screen of glowing tiles in or near the view."""
        if not self.glow_colour:
            return
        t = self.tile
        ox, oy = offset
        x0, y0 = (ox - margin) // t, (oy - margin) // t
        x1, y1 = (ox + view[0] + margin) // t + 1, (oy + view[1] + margin) // t + 1
        for li in self.styles:
            part = self.window(li, x0, y0, x1, y1)
            if part is None:
                continue
            gids, wx, wy = part
            ys, xs = np.nonzero(_among(gids, self.glow_ids))
            for y, x in zip(ys.tolist(), xs.tolist(), strict=True):
                yield ((wx + x) * t + t // 2 - ox, (wy + y) * t + t // 2 - oy,
                       self.glow_colour[int(gids[y, x])])


def _among(gids: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """np.isin for a view-sized window: a few ids compare directly (much faster)."""
    if len(ids) <= 12:
        out = gids == ids[0]
        for gid in ids[1:]:
            out |= gids == gid
        return out
    return np.isin(gids, ids)


def _placement(layer: TileLayer) -> tuple[float, float, float, float]:
    return (*layer.offset, *layer.parallax)
