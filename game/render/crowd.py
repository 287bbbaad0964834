"""The crowd before the great mural (the story's gathering): citizens of many looks
(skin, hair, clothes, a cap or a bun) on open plaza tiles below the wall, facing it.
They step aside when Elara walks among them and never hide her. Presentation only: the
simulation never sees them, and their places and looks come from their own fixed seed."""

from __future__ import annotations

import random

import pygame

from game.render.images import sheet
from game.render.palette import PALETTE, RAMPS
from game.sim.constants import SUBPX, TILE_PX
from game.sim.world import Simulation

INK = PALETTE["ink"]
CLOTHES = ("moss", "teal", "bloom", "amber", "steel", "soil")
HAIR = [PALETTE[k] for k in ("ink", "soil_0", "soil_1", "soil_2", "amber_0", "stone_3",
                             "bloom_0", "stone_2")]
SKIN_SHIFTS = (0, -1, 1)  # the skin ramp, lighter or darker by one step
STYLES = ("plain", "plain", "cap", "bun")
MAX_PEOPLE = 16
ROOM_PX = (14, 18)  # how close Elara may come before a citizen steps aside


def _recolor(img: pygame.Surface, mapping: dict[tuple[int, int, int], tuple]) -> None:
    w, h = img.get_size()
    for y in range(h):
        for x in range(w):
            c = img.get_at((x, y))
            if c.a and (c.r, c.g, c.b) in mapping:
                img.set_at((x, y), (*mapping[(c.r, c.g, c.b)], c.a))


def _hair_pixels(img: pygame.Surface) -> list[tuple[int, int]]:
    """Ink inside the silhouette's head (not its outline): the hair of a back view."""
    w, _ = img.get_size()
    out = []
    for y in range(0, 9):
        for x in range(w):
            if tuple(img.get_at((x, y)))[:3] != INK or not img.get_at((x, y)).a:
                continue
            around = [(x + dx, y + dy) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))]
            if all(0 <= ax < w and 0 <= ay < 24 and img.get_at((ax, ay)).a
                   for ax, ay in around):
                out.append((x, y))
    return out


def citizen(base: pygame.Surface, rng: random.Random) -> pygame.Surface:
    """One citizen's look, drawn from `base` (an artisan seen from behind)."""
    img = base.copy()
    clothes = rng.choice(CLOTHES)
    mapping = {}
    for i, colour in enumerate(RAMPS["moss"]):
        ramp = RAMPS[clothes]
        mapping[colour] = ramp[min(len(ramp) - 1, max(0, i - (5 - len(ramp))))]
    shift = rng.choice(SKIN_SHIFTS)
    skin = RAMPS["skin"]
    for i, colour in enumerate(skin):
        mapping[colour] = skin[min(len(skin) - 1, max(0, i + shift))]
    _recolor(img, mapping)
    hair = rng.choice(HAIR)
    style = rng.choice(STYLES)
    for x, y in _hair_pixels(base):
        img.set_at((x, y), (*hair, 255))
    if style == "cap":  # a cap in a bright cloth colour over the crown
        cap = RAMPS[rng.choice(CLOTHES)][-2]
        for x, y in _hair_pixels(base):
            if y <= 3:
                img.set_at((x, y), (*cap, 255))
    elif style == "bun":  # a small bun above the crown
        for x in (7, 8):
            img.set_at((x, 0), (*INK, 255))
        for x in (6, 7, 8, 9):
            if not img.get_at((x, 0)).a:
                img.set_at((x, 0), (*INK, 255))
    return img


class Crowd:
    def __init__(self, sim: Simulation) -> None:
        self.sim = sim
        self.people: list[list] = []  # [home x, home y, image, phase, shift x]
        great = [o for o in sim.level.objects_of("MuralWall") if o.properties.get("great")]
        if not sim.conf.table.wave_count or not great:
            return
        wall = great[0]
        rng = random.Random(wall.id)
        grid = sim.grid
        cx, foot = int(wall.center[0]) // TILE_PX, int(wall.y + wall.height) // TILE_PX
        spots = [(x, y) for y in range(foot + 1, min(grid.height, foot + 6))
                 for x in range(max(0, cx - 6), min(grid.width, cx + 6))
                 if not grid.blocked[y, x] and not grid.buildable[y, x]]
        rng.shuffle(spots)
        base = sheet("artisan", 16, 24)[3][0]  # from behind: they face the mural
        for x, y in sorted(spots[:MAX_PEOPLE], key=lambda t: (t[1], t[0])):
            self.people.append([x * TILE_PX + rng.randint(2, 14),
                                y * TILE_PX + rng.randint(6, 14), citizen(base, rng),
                                rng.randint(0, 999), 0.0])

    def sprites(self, offset: tuple[int, int], time_ms: int) -> list:
        """(depth, image, screen pos) of each citizen; one Elara walks near steps aside
        (and is drawn behind her), so she is never hidden or hemmed in."""
        if not self.people:
            return []
        ox, oy = offset
        pos = self.sim.player()[1]
        ex, ey = pos.x / SUBPX, pos.y / SUBPX
        out = []
        for person in self.people:
            x, y, img, phase, shift = person
            dx, dy = x + shift - ex, y - ey
            want = 0.0
            if abs(dx) < ROOM_PX[0] and -6 < dy < ROOM_PX[1]:
                want = (ROOM_PX[0] - abs(x - ex)) * (1 if x >= ex else -1)
            person[4] = shift = shift + (want - shift) * 0.25
            hop = 1 if (time_ms // 160 + phase) % 7 == 0 else 0
            depth = y if abs(x + shift - ex) >= ROOM_PX[0] or y < ey else ey - 1
            out.append((depth, img, (round(x + shift) - 8 - ox, y - 23 - hop - oy)))
        return out
