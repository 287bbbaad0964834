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
        return self.shown_at(time_ms)[0]

    def shown_at(self, time_ms: int) -> tuple[int, int, int]:
        """(frame gid, when it began, when it ends) at time_ms."""
        phase = time_ms % self.period
        start = time_ms - phase
        for gid, ms in self.frames:
            if phase < ms:
                return gid, start, start + ms
            phase -= ms
            start += ms
        return self.frames[-1][0], start, time_ms + 1  # not reached: frames fill the period


class _Buffer:
    """The tiles of some layers (sharing offset and parallax) under the view.

    It holds the tiles from `origin` on, one more than the view in each direction. When
    the view crosses a tile edge the buffer scrolls by whole tiles and only the exposed
    rows and columns are drawn; a frame is one blit. (A ring buffer that never scrolls
    was tried: its seam costs a second blit in almost every frame, more than the scroll
    it saves every few frames.)"""

    def __init__(self, renderer: TileMapRenderer, layers: list[int], base: bool) -> None:
        self.r = renderer
        self.layers = layers
        self.base = base  # the bottom buffer: opaque, holds the ground's shadows
        self.surface: pygame.Surface | None = None
        self.origin: tuple[int, int] | None = None  # map tile of the first column, top row
        self.cols = self.rows = 0
        self.clear = BACKGROUND if base else (0, 0, 0, 0)
        self.plain = layers and _placement(renderer.level.layers[layers[0]]) == PLAIN_PLACE
        self.frames_seen = -1  # the renderer's frames version drawn in the buffer

    def resize(self, view: tuple[int, int]) -> None:
        t = self.r.tile
        self.cols, self.rows = -(-view[0] // t) + 1, -(-view[1] // t) + 1
        flags = 0 if self.base else pygame.SRCALPHA
        self.surface = pygame.Surface((self.cols * t, self.rows * t), flags)
        self.origin = None

    def draw(self, target: pygame.Surface, camera: tuple[int, int]) -> None:
        t, surface = self.r.tile, self.surface
        ox, oy = camera
        tile = (ox // t, oy // t)
        if self.frames_seen != self.r.frames_version and self.origin is not None:
            self._animate()
        if tile != self.origin:
            self._move_to(*tile)
        self.frames_seen = self.r.frames_version
        target.blit(surface, (tile[0] * t - ox, tile[1] * t - oy))

    def _move_to(self, tx0: int, ty0: int) -> None:
        cols, rows, t = self.cols, self.rows, self.r.tile
        old = self.origin
        self.origin = (tx0, ty0)
        x1, y1 = tx0 + cols, ty0 + rows
        if old is None or abs(tx0 - old[0]) >= cols or abs(ty0 - old[1]) >= rows:
            self._draw_cells(tx0, ty0, x1, y1)
            return
        dx, dy = tx0 - old[0], ty0 - old[1]  # tiles the view moved
        sx0, sx1 = tx0, x1  # the columns a row strip still has to draw
        self.surface.scroll(-dx * t, -dy * t)
        if dx:
            if dx > 0:
                self._draw_cells(x1 - dx, ty0, x1, y1)
                sx1 = x1 - dx
            else:
                self._draw_cells(tx0, ty0, tx0 - dx, y1)
                sx0 = tx0 - dx
        if dy > 0:
            self._draw_cells(sx0, y1 - dy, sx1, y1)
        elif dy < 0:
            self._draw_cells(sx0, ty0, sx1, ty0 - dy)

    def _animate(self) -> None:
        """Redraw the cells (every layer of them) whose animated tile changed frame."""
        changed = self.r.changed_since(self.frames_seen)
        if not changed or not self.layers:
            return
        tx0, ty0 = self.origin
        part = self._clip(tx0, ty0, tx0 + self.cols, ty0 + self.rows)
        if part is None:
            return
        cx0, cy0, cx1, cy1 = part
        ids = np.array(changed, dtype=np.uint32)
        wins = [self.r.level.layers[li].gids[cy0:cy1, cx0:cx1] for li in self.layers]
        hit = _among(wins[0], ids)
        for win in wins[1:]:
            hit |= _among(win, ids)
        ys, xs = np.nonzero(hit)
        if not xs.size:
            return
        t = self.r.tile
        at = list(zip(((xs + (cx0 - tx0)) * t).tolist(), ((ys + (cy0 - ty0)) * t).tolist(),
                      strict=True))
        cells = [win[ys, xs] for win in wins]
        r = self.r
        if not self.base:  # multiplied by a transparent blank: every channel 0, as a fill
            self.surface.fblits([(r.clear_tile, p) for p in at], pygame.BLEND_RGBA_MULT)
        else:  # an opaque blank blitted is the fill; an opaque ground tile covers anyway
            bare = np.flatnonzero(~r.solid_at(self.layers[0], cells[0]))
            self.surface.fblits([(r.blank, at[i]) for i in bare.tolist()])
        shade = r.shade[cy0:cy1, cx0:cx1][ys, xs] if self.base else None
        self._stack(cells, at, shade)

    def _clip(self, x0: int, y0: int, x1: int, y1: int) -> tuple[int, int, int, int] | None:
        """Map tiles [x0, x1) × [y0, y1) clipped to the map, or None outside it."""
        h, w = self.r.level.height, self.r.level.width
        cx0, cy0, cx1, cy1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
        return None if cx0 >= cx1 or cy0 >= cy1 else (cx0, cy0, cx1, cy1)

    def _stack(self, cells: list[np.ndarray], at: list[tuple[int, int]],
               shade: np.ndarray | None) -> None:
        """Draw cells (each layer's tile ids, aligned with their buffer pixels `at`) layer
        by layer; the ground's shadows go right after the first layer."""
        r, surface = self.r, self.surface
        for n, (li, gids) in enumerate(zip(self.layers, cells, strict=True)):
            k, imgs = r.images_at(li, gids)
            if imgs:
                surface.fblits(list(zip(imgs, [at[i] for i in k.tolist()], strict=True)))
            if n == 0 and shade is not None:
                ks = np.flatnonzero(shade)
                if ks.size:
                    blits = []
                    for i, code in zip(ks.tolist(), shade[ks].tolist(), strict=True):
                        if code & 1:  # the left edge of the cell right of a tall tile
                            blits.append((r.shadow_left, at[i]))
                        if code & 2:  # the top edge of the cell below one
                            blits.append((r.shadow_above, at[i]))
                    surface.fblits(blits)

    def _draw_cells(self, x0: int, y0: int, x1: int, y1: int) -> None:
        """Redraw map tiles [x0, x1) × [y0, y1) of the buffer, every layer in order."""
        t, (ox, oy) = self.r.tile, self.origin
        self.surface.fill(self.clear, ((x0 - ox) * t, (y0 - oy) * t, (x1 - x0) * t,
                                       (y1 - y0) * t))
        part = self._clip(x0, y0, x1, y1)
        if part is None or not self.layers:
            return
        cx0, cy0, cx1, cy1 = part
        xs = [(x - ox) * t for x in range(cx0, cx1)]
        at = [(x, (y - oy) * t) for y in range(cy0, cy1) for x in xs]
        cells = [self.r.level.layers[li].gids[cy0:cy1, cx0:cx1].ravel() for li in self.layers]
        self._stack(cells, at, self.r.shade[cy0:cy1, cx0:cx1].ravel() if self.base else None)


PLAIN_PLACE = (0.0, 0.0, 1.0, 1.0)  # no offset, no parallax


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
        self._gid_sets = {i: np.unique(level.layers[i].gids) for i in shown}
        self._find_animations()
        # the images of each layer's distinct tile ids (animated ones: the frame shown)
        self._table: dict[int, np.ndarray] = {}
        self._drawn: dict[int, np.ndarray] = {}  # the ids with an image (not 0, not broken)
        self._solid_ids: dict[int, np.ndarray] = {}  # ids whose image covers its cell
        self._slots = {gid: [(li, int(np.searchsorted(ids, gid)))
                             for li, ids in self._gid_sets.items() if gid in ids]
                       for gid in self.animations}  # where each animated id sits in them
        self._entries: dict[tuple[int, int], tuple] = {}  # (layer, frame gid) -> table entry
        self.frames: dict[int, int] = {}  # animated gid -> gid of the frame shown
        self.frames_version = 0  # counts frame changes; buffers remember the one drawn
        self._changes: list[tuple[int, list[int]]] = []  # (version, gids that changed)
        self._still = (0, -1)  # [from, to) ms in which no animation changes frame
        self.buffers = self._group(shown)
        # layers drawn onto the opaque base: fully opaque tiles there need no blending
        self._on_base = set(self.buffers[0].layers) if self.buffers[0].base else set()
        self._solid: dict[int, pygame.Surface] = {}  # id of a tile image -> opaque copy
        self._plain_format = pygame.Surface((1, 1))  # the base buffer's pixel format
        self._set_frames(0)
        for li, gids in self._gid_sets.items():
            table = np.empty(gids.size, dtype=object)
            table[:] = [self._fast(li, self.image_of(li, self.frames.get(g, g))) if g else None
                        for g in gids.tolist()]
            self._table[li] = table
            self._drawn[li] = np.array([img is not None for img in table.tolist()], bool)
            self._solid_ids[li] = np.array([self._is_solid(img) for img in table.tolist()], bool)
        for gid, anim in self.animations.items():  # every frame ready before the first draw
            for li, _ in self._slots[gid]:
                for frame, _ in anim.frames:
                    self._entry(li, frame)
        self.tall = self._mask(lambda ts, local: local in ts.tall)
        # a tall tile casts a shadow on the cell right of it and the cell below it
        self.shade_left = np.zeros_like(self.tall)
        self.shade_left[:, 1:] = self.tall[:, :-1] & ~self.tall[:, 1:]
        self.shade_above = np.zeros_like(self.tall)
        self.shade_above[1:] = self.tall[:-1] & ~self.tall[1:]
        self.shade = self.shade_left.astype(np.uint8) | self.shade_above.astype(np.uint8) << 1
        self.glow_colour: dict[int, tuple[int, int, int]] = {}
        for gids in self._gid_sets.values():
            for gid in gids.tolist():
                ts = level.tileset_for(gid) if gid else None
                colour = ts.glow.get((gid & GID_MASK) - ts.firstgid) if ts else None
                if colour is not None:
                    self.glow_colour[gid] = colour
        self.glow_ids = np.array(sorted(self.glow_colour), dtype=np.uint32)
        self.shadow_left = pygame.Surface((self.tile, self.tile), pygame.SRCALPHA)
        self.shadow_left.fill(SHADOW, (0, 0, 3, self.tile))  # the left edge of the next cell
        self.shadow_above = pygame.Surface((self.tile, 2), pygame.SRCALPHA)
        self.shadow_above.fill(SHADOW)
        self.blank = pygame.Surface((self.tile, self.tile))  # a cleared cell of the base
        self.blank.fill(BACKGROUND)
        self.clear_tile = pygame.Surface((self.tile, self.tile), pygame.SRCALPHA)  # (0,0,0,0)
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
        base = bool(groups) and _placement(self.level.layers[groups[0][0]]) == PLAIN_PLACE
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

    def _is_solid(self, img: pygame.Surface | None) -> bool:
        """A whole cell of opaque pixels (the tiles made plain by _fast)."""
        return img is not None and not img.get_flags() & pygame.SRCALPHA and \
            img.get_colorkey() is None and img.get_alpha() is None and \
            img.get_size() == (self.tile, self.tile)

    def _fast(self, li: int, img: pygame.Surface | None) -> pygame.Surface | None:
        """A tile without a transparent pixel, drawn on the opaque base, as a plain
        surface: the blit copies instead of blending (alpha 255 blends to the same)."""
        if img is None or li not in self._on_base or not img.get_flags() & pygame.SRCALPHA:
            return img
        if id(img) not in self._solid:
            opaque = pygame.surfarray.pixels_alpha(img).min() == 255
            self._solid[id(img)] = img.convert(self._plain_format) if opaque else img
        return self._solid[id(img)]

    def solid_at(self, li: int, gids: np.ndarray) -> np.ndarray:
        """Whether layer li's tile covers each cell with opaque pixels."""
        return self._solid_ids[li].take(np.searchsorted(self._gid_sets[li], gids))

    def images_at(self, li: int, gids: np.ndarray) -> tuple[np.ndarray, list]:
        """(positions in `gids` that draw something, their images) for layer li, with
        animated tiles at the frame shown: one lookup in the layer's table of its
        distinct tile ids, no Python loop per cell."""
        idx = np.searchsorted(self._gid_sets[li], gids)
        keep = np.flatnonzero(self._drawn[li].take(idx))
        return keep, self._table[li].take(idx.take(keep)).tolist()

    def current_frames(self) -> dict[int, int]:
        """Animated gid → the gid of its frame at the time being drawn."""
        return self.frames

    def _set_frames(self, time_ms: int) -> None:
        """The frames at time_ms, and the span of time in which they stay."""
        start, end, changed = 0, 1 << 62, []
        for gid, anim in self.animations.items():
            frame, begins, ends = anim.shown_at(time_ms)
            start, end = max(start, begins), min(end, ends)
            if self.frames.get(gid) != frame:
                self.frames[gid] = frame
                changed.append(gid)
        self._still = (start, end) if self.animations else (-(1 << 62), 1 << 62)
        if not changed or not self._table:
            return
        self.frames_version += 1
        self._changes = [*self._changes[-15:], (self.frames_version, changed)]
        for gid in changed:
            for li, i in self._slots[gid]:
                self._table[li][i], self._drawn[li][i], self._solid_ids[li][i] = \
                    self._entry(li, self.frames[gid])

    def _entry(self, li: int, frame: int) -> tuple:
        """A frame's table entry (image, drawn, solid), made once."""
        entry = self._entries.get((li, frame))
        if entry is None:
            img = self._fast(li, self.image_of(li, frame))
            entry = self._entries[li, frame] = (img, img is not None, self._is_solid(img))
        return entry

    def changed_since(self, version: int) -> list[int] | None:
        """The animated gids whose frame changed after `version` (None: too long ago to
        say; a buffer then redraws every animated cell)."""
        if version >= self.frames_version:
            return []
        if not self._changes or self._changes[0][0] > version + 1:
            return list(self.animations)
        return sorted({g for v, gids in self._changes if v > version for g in gids})

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
        if not self._still[0] <= time_ms < self._still[1]:
            self._set_frames(time_ms)
        for buf in self.buffers:
            if buf.plain or not buf.layers:
                buf.draw(target, offset)
            else:
                buf.draw(target, self._camera(self.level.layers[buf.layers[0]], offset, view))

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
