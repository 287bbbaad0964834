"""A district comes back to life as its support rises: the reward the game is about.

Graded by each district's support (read from the simulation, never written):
- **colour**: the ground of a district at 0 % is drained to a cool grey, at 100 % in
  full colour. A greyscale copy of the tiles is laid over them through a per-district
  mask (soft at district borders). Sprites come after, so Elara, the murals and
  every walker keep their colour: the murals are where colour comes back from.
- **planters** (street planters and roof gardens) bloom: blossoms from 35 %, a full
  bloom with trailing vines and a soft light from 75 %.
- **lights**: lamps and lit windows in a district glow in proportion to its support
  (`light_scale`, used by the world view's light pass); build plots are left alone.

Support is read in `STEPS` steps, so the mask is rebuilt only when a district crosses a
step (a few times a minute at most); each frame then costs a greyscale copy of the view,
two multiplies and an add (about 0.5 ms at 640x360). Levels without districts, or with
every district at 100 %, draw nothing here.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.content.civic import FULL
from game.level.data import GID_MASK
from game.render import palette
from game.sim.civic import District
from game.sim.constants import TILE_PX
from game.sim.support import SupportLayout
from game.sim.world import Simulation

STEPS = 20  # support is read in 5 % steps
MAX_GREY = 235  # how far a district at 0 % is drained (255: fully grey)
COLD = (212, 214, 222)  # a lifeless district is also a touch cold and dim
MIN_LIGHT = 0.12  # a lamp in a district at 0 % still glimmers
BLOOM_FROM = 7  # steps: blossoms appear from 35 %
FULL_BLOOM = 15  # steps: full bloom and its light from 75 %
BLOOM_LIGHT = (60, 24, 62)


class Revival:
    def __init__(self, sim: Simulation, layout: SupportLayout) -> None:
        self.sim = sim
        self.layout = layout
        self._key: tuple[int, ...] | None = None
        self._masks: tuple[pygame.Surface, pygame.Surface] | None = None
        self.uniform = bool((layout.index >= 0).all())  # every tile in some district
        self.planters = _tiles_named(sim, ("planter", "roof_garden"), layout)
        self._blooms = [_bloom(n) for n in (1, 2)]

    def steps(self) -> tuple[int, ...]:
        """Each district's support in STEPS steps, by layout index ((): no districts)."""
        out = [STEPS] * len(self.layout.names)
        found = False
        for _, d in self.sim.query(District):
            if 0 <= d.index < len(out):
                out[d.index] = max(0, min(STEPS, d.support * STEPS // FULL))
                found = True
        return tuple(out) if found else ()

    def life_at(self, tx: int, ty: int, steps: tuple[int, ...]) -> float:
        """0..1: how alive the district under a tile is (1 outside every district)."""
        h, w = self.layout.index.shape
        if not steps or not (0 <= tx < w and 0 <= ty < h):
            return 1.0
        i = int(self.layout.index[ty, tx])
        return 1.0 if i < 0 else steps[i] / STEPS

    # -- colour ---------------------------------------------------------------------------
    def draw_ground(self, target: pygame.Surface, offset: tuple[int, int]) -> None:
        """Drain the colour of the tiles under the view by their district's support:
        target × (1 - a) + grey × a × COLD, as two multiplies and an add (much cheaper
        than an alpha blend of the whole view)."""
        steps = self.steps()
        if not steps or min(steps) >= STEPS:
            return
        grey = pygame.transform.grayscale(target)
        if self.uniform and len(set(steps)) == 1:  # one grade everywhere: no mask needed
            a = _grey_alpha(steps[0])
            grey.fill([c * a // 255 for c in COLD], special_flags=pygame.BLEND_RGB_MULT)
            target.fill((255 - a,) * 3, special_flags=pygame.BLEND_RGB_MULT)
        else:
            keep, fade = self._masks_for(steps)
            at = (-offset[0], -offset[1])
            grey.blit(fade, at, special_flags=pygame.BLEND_RGB_MULT)
            target.blit(keep, at, special_flags=pygame.BLEND_RGB_MULT)
        target.blit(grey, (0, 0), special_flags=pygame.BLEND_RGB_ADD)

    def _masks_for(self, steps: tuple[int, ...]) -> tuple[pygame.Surface, pygame.Surface]:
        """(keep, fade): per pixel 1 - a and a × COLD, soft at district borders."""
        if steps != self._key or self._masks is None:
            self._key = steps
            grey = np.array([_grey_alpha(s) for s in steps] + [0], dtype=np.int32)
            alpha = grey[self.layout.index].T  # (w, h); index -1 (outside): the trailing 0
            w, h = alpha.shape
            keep = np.repeat((255 - alpha)[:, :, None], 3, axis=2)
            fade = np.stack([alpha * c // 255 for c in COLD], axis=2)
            self._masks = tuple(
                pygame.transform.smoothscale(pygame.surfarray.make_surface(
                    arr.astype(np.uint8)), (w * TILE_PX, h * TILE_PX)) for arr in (keep, fade))
        return self._masks

    # -- planters and lights ---------------------------------------------------------------
    def sprites(self, offset: tuple[int, int], time_ms: int):
        """Blossoms over the planters of districts past BLOOM_FROM, and their light."""
        steps = self.steps()
        sprites, lights = [], []
        if not steps:
            return sprites, lights
        ox, oy = offset
        sway = (time_ms // 600) % 2
        for tx, ty, i in self.planters:
            s = steps[i]
            if s < BLOOM_FROM:
                continue
            img = self._blooms[1 if s >= FULL_BLOOM else 0]
            x, y = tx * TILE_PX - ox + (sway if (tx + ty) % 2 else 0), ty * TILE_PX - oy
            sprites.append((ty * TILE_PX + TILE_PX - 1, img, (x, y)))
            if s >= FULL_BLOOM:
                lights.append((x + 8, y + 4, 14, BLOOM_LIGHT))
        return sprites, lights

    def light_scale(self, x: int, y: int, offset: tuple[int, int],
                    steps: tuple[int, ...]) -> float:
        """How bright a decorative glow at screen (x, y) shines: its district's life
        (`steps`: this frame's `steps()`)."""
        tx, ty = (x + offset[0]) // TILE_PX, (y + offset[1]) // TILE_PX
        h, w = self.layout.index.shape
        if 0 <= tx < w and 0 <= ty < h and self.sim.grid.buildable[ty, tx]:
            return 1.0  # a build plot's glow is a signal, not decoration
        return MIN_LIGHT + (1 - MIN_LIGHT) * self.life_at(tx, ty, steps)


def _grey_alpha(step: int) -> int:
    """How much grey covers a district at `step`: colour comes back early (the first
    murals must be felt), and in full at 100 %."""
    return int(MAX_GREY * ((STEPS - step) / STEPS) ** 1.5)


def _tiles_named(sim: Simulation, prefixes: tuple[str, ...], layout: SupportLayout) -> list:
    """(tx, ty, district index) of every tile inside a district whose tileset name starts
    with one of `prefixes`."""
    level = sim.level
    out = []
    for layer in level.layers:
        if not layer.visible:
            continue
        for ty, tx in zip(*np.nonzero(layer.gids), strict=True):
            gid = int(layer.gids[ty, tx])
            ts = level.tileset_for(gid)
            if ts is None:
                continue
            name = str(ts.properties.get((gid & GID_MASK) - ts.firstgid, {}).get("name", ""))
            i = int(layout.index[ty, tx])
            if name.startswith(prefixes) and i >= 0:
                out.append((int(tx), int(ty), i))
    return sorted(set(out))


def _bloom(level: int) -> pygame.Surface:
    """Blossoms spilling over a planter box (16x16, over the tile): level 1 a few, level
    2 a full bloom with trailing vines down the box's front."""
    p = palette.PALETTE
    surf = pygame.Surface((TILE_PX, TILE_PX), pygame.SRCALPHA)
    flowers = [(2, 4, "bloom_3"), (8, 1, "amber_3"), (13, 3, "teal_4")]
    if level >= 2:
        flowers += [(5, 2, "bloom_2"), (11, 1, "bloom_3"), (1, 7, "amber_2"),
                    (14, 6, "bloom_2"), (7, 5, "teal_3")]
        for x in (2, 6, 9, 13):  # vines over the front of the box
            for y in range(9, 12 + x % 3):
                surf.set_at((x, y), p["moss_3"] if y % 2 else p["moss_2"])
            surf.set_at((x, 12 + x % 3), p["bloom_3"])
    for x, y, name in flowers:
        for dx, dy in ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)):
            if 0 <= x + dx < TILE_PX and 0 <= y + dy < TILE_PX:
                surf.set_at((x + dx, y + dy), p[name])
        surf.set_at((x, y), p["amber_3"] if not name.startswith("amber") else p["stone_4"])
        if y + 2 < TILE_PX:
            surf.set_at((x, y + 2), p["moss_2"])
    return surf
