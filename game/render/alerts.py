"""Alerts of a wave level: a mural under attack is ringed on screen, or pointed at by
an arrow on the screen's edge when it is out of view; the spawns the next wave comes
from are marked (with the countdown), on the map or on the edge toward them."""

from __future__ import annotations

import math

import pygame

from game.content.text import t
from game.render import palette
from game.render.font import BitmapFont
from game.render.widgets import panel
from game.sim.components import Mural, Position
from game.sim.constants import SUBPX, TICK_RATE
from game.sim.swarm import events as sev
from game.sim.world import Simulation

ATTACK_FRAMES = 120  # a mural counts as under attack this long after its last hit
EDGE_INSET = 18
SAFE_TOP, SAFE_BOTTOM = 56, 48  # arrows stay clear of the HUD's top and bottom rows
SPAWN_WARN_TICKS = 20 * TICK_RATE  # spawn markers show in the last 20 s before a wave
WARN = palette.PALETTE["alarm_1"]
WARN_DIM = palette.PALETTE["alarm_0"]


class Alerts:
    def __init__(self, sim: Simulation, font: BitmapFont) -> None:
        self.sim = sim
        self.font = font
        self.attacked: dict[int, int] = {}  # wall id -> frames the alert has left
        self.countdowns: list[pygame.Rect] = []  # the gates' countdowns drawn last frame

    def on_events(self, events) -> None:
        for e in events:
            if e.kind == sev.MURAL_HIT:
                self.attacked[e.data["wall_id"]] = ATTACK_FRAMES
            elif e.kind == sev.MURAL_DESTROYED:
                self.attacked.pop(e.data["wall_id"], None)

    def update(self) -> None:
        self.attacked = {k: v - 1 for k, v in self.attacked.items() if v > 1}

    def under_attack(self) -> list[tuple[Mural, int, int]]:
        """(mural, x, y px) of every standing mural hit in the last moments."""
        return [(m, pos.x // SUBPX, pos.y // SUBPX) for _, (m, pos) in
                self.sim.query(Mural, Position) if m.wall_id in self.attacked and m.health > 0]

    def next_spawns(self) -> list[tuple[int, int]]:
        """Pixel centres of the spawns the next wave uses, once it is near."""
        conf = self.sim.conf
        if conf.wave >= conf.table.wave_count:
            return []
        if conf.next_wave_tick - self.sim.tick > SPAWN_WARN_TICKS:
            return []
        used = sorted({b.spawn for b in conf.table.batches(conf.wave + 1)})
        return [tuple(int(v) for v in conf.table.spawns[i][1]) for i in used]

    def draw(self, target: pygame.Surface, offset: tuple[int, int], time_ms: int,
             keep_clear: pygame.Rect | None = None) -> None:
        """`keep_clear`: Elara on screen; a gate's countdown goes beside its ring rather
        than on her."""
        ox, oy = offset
        self.countdowns = []
        view = target.get_rect()
        pulse = (time_ms // 120) % 4
        wait = max(0, self.sim.conf.next_wave_tick - self.sim.tick)
        secs = str((wait + TICK_RATE - 1) // TICK_RATE)
        for x, y in self.next_spawns():
            sx, sy = x - ox, y - oy
            if view.inflate(-8, -8).collidepoint(sx, sy):
                pygame.draw.circle(target, WARN, (sx, sy), 9 + pulse, 1)
                for k in (-1, 1):  # chevrons pointing out of the spawn
                    pygame.draw.lines(target, WARN, False, [(sx - 4, sy + 4 * k - 2 * k),
                                                            (sx, sy + 2 * k),
                                                            (sx + 4, sy + 4 * k - 2 * k)], 2)
                w, h = self.font.size(secs)
                places = [pygame.Rect(sx - w // 2, sy - 22, w, h),  # above, else beside
                          pygame.Rect(sx + 15, sy - h // 2, w, h),
                          pygame.Rect(sx - 15 - w, sy - h // 2, w, h)]
                label = next((r for r in places if view.contains(r) and not (
                    keep_clear and r.colliderect(keep_clear))), places[0])
                self.countdowns.append(self.font.draw(target, secs, label.topleft, WARN,
                                                      shadow=(0, 0, 0)))
            else:
                self._edge_arrow(target, sx, sy, WARN_DIM, secs)
        labelled = False  # one label (the great mural's first), an arrow for each
        for mural, x, y in sorted(self.under_attack(), key=lambda a: not a[0].great):
            sx, sy = x - ox, y - oy
            if view.inflate(-16, -16).collidepoint(sx, sy):
                if pulse < 2:
                    pygame.draw.circle(target, WARN, (sx, sy - 8), 20 + pulse * 2, 2)
            else:
                label = "" if labelled else t(
                    "alerts", "great_attacked" if mural.great else "attacked")
                self._edge_arrow(target, sx, sy, WARN, label, big=pulse < 3)
                labelled = True

    def _edge_arrow(self, target: pygame.Surface, sx: int, sy: int, color, label: str,
                    big: bool = True) -> None:
        """A triangle on the screen's edge pointing toward (sx, sy), with a label."""
        w, h = target.get_size()
        top, bottom = SAFE_TOP, h - SAFE_BOTTOM
        cx, cy = w / 2, (top + bottom) / 2
        dx, dy = sx - cx, sy - cy
        if not dx and not dy:
            return
        k = min((w / 2 - EDGE_INSET) / abs(dx) if dx else math.inf,
                ((bottom - top) / 2) / abs(dy) if dy else math.inf)
        ax, ay = cx + dx * k, cy + dy * k
        ang = math.atan2(dy, dx)
        size = 9 if big else 7
        tip = (ax + math.cos(ang) * size, ay + math.sin(ang) * size)
        left = (ax + math.cos(ang + 2.5) * size, ay + math.sin(ang + 2.5) * size)
        right = (ax + math.cos(ang - 2.5) * size, ay + math.sin(ang - 2.5) * size)
        pygame.draw.polygon(target, color, [tip, left, right])
        pygame.draw.polygon(target, palette.UI_SHADOW, [tip, left, right], 1)
        if not label:
            return
        lw, lh = self.font.size(label)[0], self.font.line_height
        lx = min(max(ax - math.cos(ang) * 16, lw / 2 + 6), w - lw / 2 - 6)
        ly = min(max(ay - math.sin(ang) * 16 - lh / 2, top - lh), bottom)
        box = pygame.Rect(0, 0, lw + 8, lh + 4)
        box.center = (int(lx), int(ly) + lh // 2)
        panel(target, box, alpha=200, border=color)
        self.font.draw(target, label, (box.centerx, box.y + 2), color, shadow=(0, 0, 0),
                       align="center")
