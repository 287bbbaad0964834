"""Draws the world: tiles, then waste, nodes and Elara sorted by depth, then light."""

from __future__ import annotations

import pygame

from game.render import palette
from game.render.dax import DaxView
from game.render.drones import DroneView
from game.render.images import glow, sheet
from game.render.murals import CivicView
from game.render.plots import PlotMarks
from game.render.story_view import StoryView
from game.render.talin import TalinView
from game.render.tilemap import TileMapRenderer
from game.sim.components import Player, Position, Reactor, Structure, WastePile
from game.sim.constants import SUBPX, TILE_PX
from game.sim.world import Simulation

WASTE_COLUMN = {"organic": 0, "polymer": 1, "alloy": 2}
NODE_GLOW = (40, 150, 120)
LAMP_PULSE_MS = 1800
# Dawn light: the city is a touch cool and dim; glows add the bioluminescence back.
AMBIENT = (228, 232, 238)


class WorldView:
    def __init__(self, sim: Simulation, tiles: TileMapRenderer | None = None) -> None:
        self.sim = sim
        self.tiles = tiles or TileMapRenderer(sim.level)
        self.elara = sheet("elara", 16, 24)
        self.waste = sheet("waste", 16, 16)
        self.node = sheet("node", 16, 24)
        self.hitbox_h = sim.rules.hitbox_px[1]
        self.civic = CivicView(sim)  # murals by stage, workshops, artisans
        self.drones = DroneView(sim)  # barriers, emitters; the swarm is drawn on top
        self.story = StoryView(sim)  # Guild depots, Talin's collectors
        self.plots = PlotMarks(sim)  # free build plots, unlike decorative glow
        self.dax = DaxView(sim)  # Dax on his rounds and at his rallies (levels 3, 5)
        self.talin = TalinView(sim)  # Talin by his van, then in the closing (level 4)
        # Elara on screen last frame (rect), and her lit pixels (silhouette, position),
        # pasted back over the labels and marks drawn after the light so none hides her
        self.elara_rect: pygame.Rect | None = None
        self._elara_cut: tuple[pygame.Surface, tuple[int, int]] | None = None
        self._shapes: dict[int, pygame.Surface] = {}

    def observe(self, events: list) -> None:
        """This tick's events, for the story's people on the map (presentation only)."""
        self.dax.observe(events)
        self.talin.observe(events)

    def draw(self, target: pygame.Surface, offset: tuple[int, int], time_ms: int) -> None:
        ox, oy = offset
        vw, vh = target.get_size()
        tile = self.sim.level.tile_size
        if (ox < 0 or oy < 0 or ox + vw > self.sim.level.width * tile
                or oy + vh > self.sim.level.height * tile):
            target.fill(palette.UI_PANEL)  # the view goes past the map (small map, shake)
        self.tiles.draw(target, offset, time_ms)
        self.civic.ground(target, offset, time_ms)  # district borders, smear tints
        sprites: list[tuple[int, pygame.Surface, tuple[int, int]]] = []
        for eid, (pile, pos) in self.sim.query(WastePile, Position):
            if pile.amount <= 0:
                continue
            img = self.waste[eid % len(self.waste)][WASTE_COLUMN.get(pile.kind, 0)]
            x, y = pos.x // SUBPX, pos.y // SUBPX
            sprites.append((y + 4, img, (x - 8 - ox, y - 12 - oy)))
        lights: list[tuple[int, int, int, tuple[int, int, int]]] = []
        elara: tuple[pygame.Surface, tuple[int, int]] | None = None
        for _, (structure, reactor, _pos) in self.sim.query(Structure, Reactor, Position):
            working = bool(reactor.queue)
            frame = (time_ms // (110 if working else 220)) % len(self.node[0])
            img = self.node[1 if working else 0][frame]
            x, y = structure.tx * TILE_PX, structure.ty * TILE_PX
            sprites.append((y + TILE_PX, img, (x - ox, y - 8 - oy)))
            pulse = (time_ms // 40) % 20
            radius = (22 if working else 14) + (pulse if pulse < 10 else 20 - pulse) // 3
            lights.append((x + 8 - ox, y + 2 - oy, radius, NODE_GLOW))
        for _, (player, pos) in self.sim.query(Player, Position):
            frame = 1 + (time_ms // 120) % 3 if player.moving else 0
            img = self.elara[player.facing][frame]
            x, y = pos.x // SUBPX, pos.y // SUBPX
            bottom = y + self.hitbox_h // 2
            elara = (img, (x - 8 - ox, bottom - 24 - oy))
            sprites.append((bottom, *elara))
            lights.append((x - ox, y - 10 - oy, 12, (30, 70, 80)))
        for layer in (self.civic, self.drones, self.story, self.dax, self.talin):
            more_sprites, more_lights = layer.sprites(offset, time_ms)
            sprites += more_sprites
            lights += more_lights
        sprites.sort(key=lambda s: s[0])
        for _, img, at in sprites:
            _shadow(target, img, at)
        target.fblits([(img, at) for _, img, at in sprites])
        self._light(target, offset, time_ms, lights)
        self._cut_elara(target, elara)
        self.plots.draw(target, offset, time_ms)
        self.civic.overlay(target, offset)
        self.story.overlay(target, offset, self.elara_rect)
        self.dax.overlay(target, offset, self.elara_rect)
        self.talin.overlay(target, offset, time_ms, self.elara_rect)
        self.elara_on_top(target)

    def _cut_elara(self, target: pygame.Surface,
                   elara: tuple[pygame.Surface, tuple[int, int]] | None) -> None:
        """Keep Elara's pixels as lit, in the shape of her sprite (whatever stands in
        front of her stays in front)."""
        self.elara_rect, self._elara_cut = None, None
        if elara is None:
            return
        img, at = elara
        rect = pygame.Rect(at, img.get_size())
        self.elara_rect = rect
        seen = rect.clip(target.get_rect())
        if not seen.width or not seen.height:
            return
        cut = pygame.Surface(seen.size, pygame.SRCALPHA)
        cut.blit(target, (0, 0), seen)
        if id(img) not in self._shapes:  # her frames live as long as this view
            self._shapes[id(img)] = shape(img)
        cut.blit(self._shapes[id(img)], (rect.x - seen.x, rect.y - seen.y),
                 special_flags=pygame.BLEND_RGBA_MIN)
        self._elara_cut = (cut, seen.topleft)

    def elara_on_top(self, target: pygame.Surface) -> None:
        """Elara over what was drawn on the world since the light: plot marks, counters,
        progress bars, speech bubbles (the play scene calls it again after its own)."""
        if self._elara_cut is not None:
            target.blit(*self._elara_cut)

    def _light(self, target, offset, time_ms, lights) -> None:
        target.fill(AMBIENT, special_flags=pygame.BLEND_RGB_MULT)
        view = target.get_size()
        phase = time_ms % LAMP_PULSE_MS
        wobble = (phase if phase < LAMP_PULSE_MS // 2 else LAMP_PULSE_MS - phase) * 4 // 900
        adds = []
        revival = self.civic.revival
        steps = revival.steps()
        for x, y, color in self.tiles.visible_glows(offset, view):
            if steps:  # a district's lamps and windows come on with its support
                color = _dimmed(color, revival.light_scale(x, y, offset, steps))
            g = glow(16 + wobble, color)
            adds.append((g, (x - g.get_width() // 2, y - g.get_height() // 2)))
        for x, y, radius, color in lights:
            g = glow(radius, color)
            adds.append((g, (x - radius, y - radius)))
        target.fblits(adds, pygame.BLEND_RGB_ADD)


def _dimmed(color: tuple[int, int, int], scale: float) -> tuple[int, int, int]:
    """A glow colour at `scale`, in eighths (so the glow cache stays small)."""
    eighths = max(1, round(scale * 8))
    return (color[0] * eighths // 8, color[1] * eighths // 8, color[2] * eighths // 8)


def shape(img: pygame.Surface) -> pygame.Surface:
    """White where `img` shows at all, clear elsewhere: BLEND_RGBA_MIN with it cuts out
    its shape (opaque: the lit pixels already hold her edges blended with the ground)."""
    return pygame.mask.from_surface(img, 0).to_surface(
        setcolor=(255, 255, 255, 255), unsetcolor=(255, 255, 255, 0))


_SHADOWS: dict[int, pygame.Surface] = {}


def _shadow(target: pygame.Surface, img: pygame.Surface, at: tuple[int, int]) -> None:
    """A soft oval on the ground under a sprite's feet."""
    width = img.get_width()
    surf = _SHADOWS.get(width)
    if surf is None:
        surf = pygame.Surface((width - 2, 4), pygame.SRCALPHA)
        pygame.draw.ellipse(surf, (10, 12, 24, 90), surf.get_rect())
        _SHADOWS[width] = surf
    target.blit(surf, (at[0] + 1, at[1] + img.get_height() - 3))
