"""The confrontation's HUD: the wave (current, countdown, next wave's make-up, the early
call and its bonus), Kora's abilities (key, cost, cooldown), the build menu of a wave
level and the emitter under the mouse."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.content.confront import DRONE_TYPES
from game.render import palette
from game.render.font import BitmapFont
from game.render.images import sheet
from game.render.widgets import bar, icon_count, panel
from game.sim.components import Structure
from game.sim.constants import TICK_RATE
from game.sim.swarm.components import Emitter
from game.sim.world import Simulation

MARGIN = 4
BUILD_MENU = ("node", "barrier", "emitter")  # keys 1, 2, 3 on a wave level
ABILITY_KEYS = {"aegis": "C", "override": "V"}


@dataclass
class WaveUi:
    aiming: str = ""  # ability waiting for a click on the map
    hover_tile: tuple[int, int] | None = None


def seconds(ticks: int) -> str:
    s = max(0, ticks + TICK_RATE - 1) // TICK_RATE
    return f"{s // 60}:{s % 60:02d}"


class WaveHud:
    def __init__(self, font: BitmapFont) -> None:
        self.font = font
        self.icons = {name: pygame.transform.scale(img, (12, 12))
                      for name, img in zip(DRONE_TYPES, sheet("drones", 16, 16)[0],
                                           strict=True)}

    def draw(self, target: pygame.Surface, sim: Simulation, ui: WaveUi,
             build_kind: str | None) -> None:
        conf = sim.conf
        if not conf.table.wave_count:
            return
        self._waves(target, sim)
        self._abilities(target, sim, ui)
        self._build_menu(target, sim, build_kind)
        self._emitter(target, sim, ui)

    def _text(self, target, text, pos, color=None) -> pygame.Rect:
        return self.font.draw(target, text, pos, color or palette.UI_TEXT, shadow=(0, 0, 0))

    def _waves(self, target: pygame.Surface, sim: Simulation) -> None:
        conf, lh = sim.conf, self.font.line_height
        total = conf.table.wave_count
        rect = pygame.Rect(0, 50 + len(ABILITY_KEYS) * (lh + 6) + 10, 160, 3 * lh + 14)
        rect.right = target.get_width() - MARGIN
        panel(target, rect, border=palette.UI_BAD if len(conf.swarm) else None)
        x, y = rect.x + 5, rect.y + 4
        alive = len(conf.swarm) + conf.pending()
        head = f"Wave {conf.wave}/{total}"
        r = self._text(target, head, (x, y), palette.UI_ACCENT)
        if alive:
            self._text(target, f"{alive} drones", (r.right + 8, y), palette.UI_BAD)
        y += lh + 2
        if conf.wave >= total:
            self._text(target, "Last wave: clear it!", (x, y))
            return
        wait = conf.next_wave_tick - sim.tick
        r = self._text(target, f"Next in {seconds(wait)}:", (x, y))
        nx = r.right + 4
        for name, n in conf.table.makeup(conf.wave + 1).items():
            target.blit(self.icons[name], (nx, y - 3))
            nx = self._text(target, str(n), (nx + 12, y)).right + 4
        y += lh + 2
        bonus = max(0, wait) // conf.rules.early_bonus_ticks_per_unit
        bar(target, pygame.Rect(x, y + lh + 1, rect.width - 10, 3),
            1 - wait / max(1, conf.table.interval if conf.wave else conf.table.first_delay),
            palette.UI_BAD)
        r = self._text(target, "[N] call now", (x, y), palette.UI_GOOD)
        if bonus:
            icon_count(target, self.font, (r.right + 6, y), conf.rules.early_bonus_resource,
                       f"+{bonus}", palette.UI_GOOD)

    def _abilities(self, target: pygame.Surface, sim: Simulation, ui: WaveUi) -> None:
        conf, lh = sim.conf, self.font.line_height
        w = target.get_width()
        rect = pygame.Rect(0, 50, 160, len(ABILITY_KEYS) * (lh + 6) + 6)
        rect.right = w - MARGIN
        panel(target, rect)
        y = rect.y + 4
        for kind, key in ABILITY_KEYS.items():
            ability = conf.rules.abilities[kind]
            cd = conf.cooldowns[kind]
            missing = sim.missing_for_cost(dict(ability.cost))
            ready = not cd and not missing
            color = palette.UI_ACCENT if ui.aiming == kind else (
                palette.UI_TEXT if ready else palette.UI_DIM)
            r = self._text(target, f"[{key}] {ability.name}", (rect.x + 5, y), color)
            x = r.right + 4
            for res, n in ability.cost:
                x = icon_count(target, self.font, (x, y), res, str(n),
                               palette.UI_BAD if res in missing else palette.UI_TEXT) + 3
            if ready:
                self._text(target, "ready", (rect.right - 30, y), palette.UI_GOOD)
            if cd:
                self._text(target, f"{seconds(cd)}", (rect.right - 28, y), palette.UI_DIM)
                bar(target, pygame.Rect(rect.x + 5, y + lh + 1, rect.width - 10, 3),
                    1 - cd / max(1, ability.cooldown), palette.UI_DIM)
            y += lh + 6

    def _build_menu(self, target: pygame.Surface, sim: Simulation, kind: str | None) -> None:
        lh = self.font.line_height
        h, w = target.get_height(), target.get_width()
        rect = pygame.Rect(0, 0, 150, len(BUILD_MENU) * (lh + 2) + 6)
        rect.bottomright = (w - MARGIN, h - MARGIN - 22)
        panel(target, rect)
        y = rect.y + 3
        for i, k in enumerate(BUILD_MENU):
            missing = sim.missing_for(k)
            color = palette.UI_ACCENT if k == kind else (
                palette.UI_TEXT if not missing else palette.UI_DIM)
            r = self._text(target, f"[{i + 1}] {k}", (rect.x + 5, y), color)
            x = max(r.right + 6, rect.x + 70)
            for res, n in sorted(sim.rules.cost_of(k).items()):
                x = icon_count(target, self.font, (x, y), res, str(n),
                               palette.UI_BAD if res in missing else palette.UI_TEXT) + 4
            y += lh + 2

    def _emitter(self, target: pygame.Surface, sim: Simulation, ui: WaveUi) -> None:
        if ui.hover_tile is None:
            return
        for _, (st, em) in sim.query(Structure, Emitter):
            if (st.tx, st.ty) != ui.hover_tile:
                continue
            levels = sim.conf.rules.emitter_levels
            top = em.level + 1 >= len(levels)
            line = (f"Emitter L{em.level + 1} · targets {em.mode} · [M] mode"
                    + ("" if top else " · [U] upgrade"))
            if em.jammed:
                line += " · JAMMED"
            tw = self.font.size(line)[0]
            rect = pygame.Rect(0, 0, tw + 12 + (0 if top else 24), self.font.line_height + 6)
            rect.midbottom = (target.get_width() // 2, target.get_height() - 64)
            panel(target, rect, border=palette.UI_BAD if em.jammed else palette.UI_ACCENT)
            r = self._text(target, line, (rect.x + 6, rect.y + 3))
            if not top:
                for res, n in sim.conf.rules.upgrade_cost:
                    icon_count(target, self.font, (r.right + 4, rect.y + 3), res, str(n))
