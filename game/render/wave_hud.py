"""The confrontation's HUD: one compact wave panel (current wave, countdown, next wave's
make-up, the early call and its bonus, fast-forward, Kora's abilities) on the right where
the plaza is quiet, the build menu in the bottom-right corner, and the panel of the
structure under the mouse or selected (range, mode, level, hits, selling). Tab folds the
wave panel and the build menu into one line. `rects` lists what is drawn, for the
tests that keep panels off murals, spawns and Elara."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.content.confront import DRONE_TYPES
from game.content.text import keys
from game.render import palette
from game.render.font import BitmapFont
from game.render.images import sheet
from game.render.widgets import bar, icon_count, panel
from game.sim.components import Structure
from game.sim.constants import TICK_RATE
from game.sim.swarm.components import Barrier, Emitter
from game.sim.systems.sell import refund_for
from game.sim.world import Simulation

MARGIN = 4
PANEL_W = 156
PANEL_TOP = 160  # the wave panel's top: below the murals and plots by the east wall
BUILD_MENU = ("node", "barrier", "emitter")  # keys 1, 2, 3 on a wave level
ABILITY_KEYS = {"aegis": "C", "override": "V"}


@dataclass
class WaveUi:
    aiming: str = ""  # ability waiting for a click on the map
    hover_tile: tuple[int, int] | None = None
    selected: tuple[int, int] | None = None  # a structure clicked on
    folded: bool = False  # Tab: only the one-line summary
    speed: int = 1  # fast-forward between waves (1, 2 or 3 ticks per tick)
    rects: list[pygame.Rect] = field(default_factory=list)  # panels drawn last frame


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
        ui.rects = []
        if not sim.conf.table.wave_count:
            return
        if ui.folded:
            ui.rects.append(self._folded(target, sim, ui))
        else:
            ui.rects.append(self._waves(target, sim, ui))
            ui.rects.append(self._build_menu(target, sim, build_kind))
        inspect = self._structure(target, sim, ui)
        if inspect is not None:
            ui.rects.append(inspect)

    def _text(self, target, text, pos, color=None) -> pygame.Rect:
        return self.font.draw(target, text, pos, color or palette.UI_TEXT, shadow=(0, 0, 0))

    def _folded(self, target: pygame.Surface, sim: Simulation, ui: WaveUi) -> pygame.Rect:
        conf = sim.conf
        alive = len(conf.swarm) + conf.pending()
        line = f"Wave {conf.wave}/{conf.table.wave_count}"
        if alive:
            line += f" · {alive} drones"
        elif conf.wave < conf.table.wave_count:
            line += f" · next {seconds(conf.next_wave_tick - sim.tick)}"
        if ui.speed > 1:
            line += f" · ×{ui.speed}"
        line += " · [Tab] more"
        rect = pygame.Rect(0, 0, self.font.size(line)[0] + 10, self.font.line_height + 6)
        rect.bottomright = (target.get_width() - MARGIN, target.get_height() - MARGIN - 22)
        panel(target, rect, border=palette.UI_BAD if alive else None)
        self._text(target, line, (rect.x + 5, rect.y + 3))
        return rect

    def _waves(self, target: pygame.Surface, sim: Simulation, ui: WaveUi) -> pygame.Rect:
        conf, lh = sim.conf, self.font.line_height
        total = conf.table.wave_count
        rows = 3 + len(ABILITY_KEYS)
        rect = pygame.Rect(0, PANEL_TOP, PANEL_W, rows * (lh + 2) + 10)
        rect.right = target.get_width() - MARGIN
        alive = len(conf.swarm) + conf.pending()
        panel(target, rect, border=palette.UI_BAD if alive else None)
        x, y = rect.x + 5, rect.y + 4
        r = self._text(target, f"Wave {conf.wave}/{total}", (x, y), palette.UI_ACCENT)
        if alive:
            self._text(target, f"{alive} drones", (r.right + 8, y), palette.UI_BAD)
        self._text(target, "[Tab] fold", (rect.right - 46, y), palette.UI_DIM)
        y += lh + 3
        if conf.wave >= total:
            self._text(target, "Last wave: clear it!", (x, y))
            y += 2 * (lh + 3)
        else:
            wait = conf.next_wave_tick - sim.tick
            r = self._text(target, f"Next in {seconds(wait)}:", (x, y))
            nx = r.right + 4
            for name, n in conf.table.makeup(conf.wave + 1).items():
                target.blit(self.icons[name], (nx, y - 3))
                nx = self._text(target, str(n), (nx + 12, y)).right + 4
            y += lh + 2
            bonus = max(0, wait) // conf.rules.early_bonus_ticks_per_unit
            bar(target, pygame.Rect(x, y + lh, rect.width - 10, 3),
                1 - wait / max(1, conf.table.interval if conf.wave else conf.table.first_delay),
                palette.UI_BAD)
            r = self._text(target, keys("[<call_wave>] now"), (x, y), palette.UI_GOOD)
            if bonus:
                icon_count(target, self.font, (r.right + 4, y),
                           conf.rules.early_bonus_resource, f"+{bonus}", palette.UI_GOOD)
            fast = keys("[<fast_forward>] fast ") + f"×{ui.speed}"
            self._text(target, fast, (rect.right - 5 - self.font.size(fast)[0], y),
                       palette.UI_ACCENT if ui.speed > 1 else (
                           palette.UI_DIM if alive else palette.UI_TEXT))
            y += lh + 4
        for kind, key in ABILITY_KEYS.items():
            self._ability(target, sim, ui, kind, key, rect, y)
            y += lh + 2
        return rect

    def _ability(self, target, sim, ui, kind, key, rect, y) -> None:
        conf, lh = sim.conf, self.font.line_height
        ability = conf.rules.abilities[kind]
        cd = conf.cooldowns[kind]
        missing = sim.missing_for_cost(dict(ability.cost))
        ready = not cd and not missing
        color = palette.UI_ACCENT if ui.aiming == kind else (
            palette.UI_TEXT if ready else palette.UI_DIM)
        r = self._text(target, keys(f"[<{kind}>] ") + ability.name, (rect.x + 5, y), color)
        x = r.right + 4
        for res, n in ability.cost:
            x = icon_count(target, self.font, (x, y), res, str(n),
                           palette.UI_BAD if res in missing else palette.UI_TEXT) + 3
        if ready:
            self._text(target, "ready", (rect.right - 30, y), palette.UI_GOOD)
        if cd:
            self._text(target, f"{seconds(cd)}", (rect.right - 28, y), palette.UI_DIM)
            bar(target, pygame.Rect(rect.x + 5, y + lh, rect.width - 10, 2),
                1 - cd / max(1, ability.cooldown), palette.UI_DIM)

    def _build_menu(self, target: pygame.Surface, sim: Simulation,
                    kind: str | None) -> pygame.Rect:
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
        return rect

    def _structure(self, target: pygame.Surface, sim: Simulation,
                   ui: WaveUi) -> pygame.Rect | None:
        """The defence under the mouse (else the selected one): what it is and does."""
        found = defence_at(sim, ui.hover_tile) or defence_at(sim, ui.selected)
        if found is None:
            return None
        st, em, barrier = found
        rules = sim.conf.rules
        if em is not None:
            lv = rules.emitter_levels[em.level]
            top = em.level + 1 >= len(rules.emitter_levels)
            head = f"Emitter L{em.level + 1}/{len(rules.emitter_levels)}"
            lines = [f"range {lv.range_px // 16} tiles · targets {em.mode} · {em.hits} hits",
                     keys("[<emitter_mode>] mode" + ("" if top else " · [<upgrade>] upgrade")
                          + " · [<sell>] sell")]
            if em.jammed:
                head += " · JAMMED"
        else:
            head = f"Barrier {barrier.hp}/{barrier.max_hp}"
            lines = ["drones walk around it; heavies break it", keys("[<sell>] sell")]
        refund = refund_for(sim.rules, rules, st.kind, em.level if em else 0)
        width = max(self.font.size(s)[0] for s in [head, *lines]) + 12
        lh = self.font.line_height
        rect = pygame.Rect(0, 0, width + 40, 3 * (lh + 2) + 6)
        rect.midbottom = (target.get_width() // 2, target.get_height() - 64)
        panel(target, rect, border=palette.UI_BAD if em is not None and em.jammed
              else palette.UI_ACCENT)
        y = rect.y + 3
        self._text(target, head, (rect.x + 6, y), palette.UI_ACCENT)
        for line in lines:
            y += lh + 2
            r = self._text(target, line, (rect.x + 6, y))
        x = r.right + 4
        for res, n in refund.items():
            x = icon_count(target, self.font, (x, y), res, f"+{n}", palette.UI_GOOD) + 3
        if em is not None and not top:
            x = rect.right - 6 - 24 * len(rules.upgrade_cost)
            for res, n in rules.upgrade_cost:
                x = icon_count(target, self.font, (x, rect.y + 3), res, str(n)) + 4
        return rect


def defence_at(sim: Simulation, tile: tuple[int, int] | None):
    """(structure, emitter or None, barrier or None) on `tile`, or None."""
    if tile is None:
        return None
    for _, (st, em) in sim.query(Structure, Emitter):
        if (st.tx, st.ty) == tile:
            return st, em, None
    for _, (st, b) in sim.query(Structure, Barrier):
        if (st.tx, st.ty) == tile:
            return st, None, b
    return None
