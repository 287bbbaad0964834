"""The confrontation's HUD, in the HUD's bars so it never hides the plaza: the wave line
under the top bar (current wave, countdown, next wave's make-up, the early call and its
bonus, fast-forward, Kora's abilities; Tab shortens it), the build menu at the bottom
bar's right end, and the panel of the structure under the mouse or selected (range,
mode, level, hits, selling) in the bottom bar's middle, in place of the hint and
controls lines. `rects` lists what is drawn, for the tests that keep
panels off murals, plots, spawns and Elara."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.content.confront import DRONE_TYPES
from game.content.text import keys
from game.render import palette
from game.render.font import BitmapFont
from game.render.images import sheet
from game.render.widgets import icon_count, panel
from game.sim.components import Structure
from game.sim.constants import TICK_RATE
from game.sim.swarm.components import Barrier, Emitter
from game.sim.systems.sell import refund_for
from game.sim.world import Simulation

MARGIN = 4
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
        # where the HUD leaves room: the wave line in the strip under the top bar (from
        # `strip_x`), the build menu at the bottom bar's right end
        self.strip_x, self.strip_y = 110, 30
        self.menu_bottom: int | None = None
        self._scratch: pygame.Surface | None = None  # where the strip's width is measured
        self.inspect: pygame.Rect | None = None  # the defence panel drawn last frame

    def draw(self, target: pygame.Surface, sim: Simulation, ui: WaveUi,
             build_kind: str | None, room: pygame.Rect | None = None,
             message: tuple[str, tuple] | None = None) -> None:
        """`room`: where the bottom bar leaves space for the defence's panel (None: no
        panel, as under a dialogue); `message`: (line, colour) for its keys line."""
        ui.rects = []
        self.inspect = None
        if not sim.conf.table.wave_count:
            return
        ui.rects.append(self._fitted_strip(target, sim, ui))
        ui.rects.append(self._build_menu(target, sim, build_kind))
        inspect = self.inspect = self._structure(target, sim, ui, room, message)
        if inspect is not None:
            ui.rects.append(inspect)

    def _text(self, target, text, pos, color=None) -> pygame.Rect:
        return self.font.draw(target, text, pos, color or palette.UI_TEXT, shadow=(0, 0, 0))

    def _fitted_strip(self, target: pygame.Surface, sim: Simulation, ui: WaveUi
                      ) -> pygame.Rect:
        """The strip, without the next wave's make-up when the whole line would run off
        the screen (a live wave with cooldowns showing): measured on a scratch surface."""
        room = target.get_width() - self.strip_x
        if ui.folded:  # the short line: nothing to drop
            return self._strip(target, sim, ui)
        if self._scratch is None or self._scratch.get_width() < room * 2:
            self._scratch = pygame.Surface((room * 2, 16), pygame.SRCALPHA)
        scratch = self._scratch
        x0 = self.strip_x
        self.strip_x, y0, self.strip_y = 0, self.strip_y, 0
        try:
            wide = self._strip(scratch, sim, ui).width
        finally:
            self.strip_x, self.strip_y = x0, y0
        return self._strip(target, sim, ui, compact=wide > room)

    def _strip(self, target: pygame.Surface, sim: Simulation, ui: WaveUi,
               compact: bool = False) -> pygame.Rect:
        """One line: the wave, drones alive, the next wave's countdown and make-up, the
        early call and its bonus, fast-forward, Kora's abilities (Tab: the first only)."""
        conf = sim.conf
        total = conf.table.wave_count
        alive = len(conf.swarm) + conf.pending()
        x, y = self.strip_x, self.strip_y + 2
        x0 = x
        x = self._text(target, f"Wave {conf.wave}/{total}", (x, y), palette.UI_ACCENT).right
        if alive:
            x = self._text(target, f" · {alive} drones", (x, y), palette.UI_BAD).right
        if conf.wave >= total:
            x = self._text(target, " · last wave: clear it", (x, y)).right
        else:
            wait = conf.next_wave_tick - sim.tick
            x = self._text(target, f" · next in {seconds(wait)}", (x, y)).right + 4
            if not ui.folded and not compact:
                for name, n in conf.table.makeup(conf.wave + 1).items():
                    target.blit(self.icons[name], (x, y - 2))
                    x = self._text(target, str(n), (x + 12, y)).right + 4
                bonus = max(0, wait) // conf.rules.early_bonus_ticks_per_unit
                x = self._text(target, keys("· [<call_wave>] now"), (x, y),
                               palette.UI_GOOD).right + 3
                if bonus:
                    x = icon_count(target, self.font, (x, y), conf.rules.early_bonus_resource,
                                   f"+{bonus}", palette.UI_GOOD) + 3
        if ui.speed > 1 or not ui.folded:
            x = self._text(target, keys(" · [<fast_forward>] fast ") + f"×{ui.speed}", (x, y),
                           palette.UI_ACCENT if ui.speed > 1 else (
                               palette.UI_DIM if alive else palette.UI_TEXT)).right
        if not ui.folded:
            for kind in ABILITY_KEYS:
                x = self._ability(target, sim, ui, kind, x + 10, y)
        x = self._text(target, "  [Tab] " + ("more" if ui.folded else "less"), (x, y),
                       palette.UI_DIM).right
        return pygame.Rect(x0, self.strip_y, x - x0 + 2, 14)

    def _ability(self, target, sim, ui, kind, x, y) -> int:
        conf = sim.conf
        ability = conf.rules.abilities[kind]
        cd = conf.cooldowns[kind]
        missing = sim.missing_for_cost(dict(ability.cost))
        ready = not cd and not missing
        color = palette.UI_ACCENT if ui.aiming == kind else (
            palette.UI_TEXT if ready else palette.UI_DIM)
        x = self._text(target, keys(f"[<{kind}>] ") + ability.name, (x, y), color).right + 3
        for res, n in ability.cost:
            x = icon_count(target, self.font, (x, y), res, str(n),
                           palette.UI_BAD if res in missing else palette.UI_TEXT) + 3
        if cd:
            x = self._text(target, seconds(cd), (x, y), palette.UI_DIM).right
        return x

    def menu_width(self, sim: Simulation) -> int:
        """How wide the build menu is (the HUD leaves it room in the bottom bar)."""
        return sum(self._menu_items(sim)[i][3] for i in range(len(BUILD_MENU))) + \
            10 * len(BUILD_MENU) + 2

    def _menu_items(self, sim: Simulation) -> list[tuple[str, str, list, int]]:
        items = []
        for i, k in enumerate(BUILD_MENU):
            label = f"[{i + 1}] {k}"
            cost = sorted(sim.rules.cost_of(k).items())
            width = self.font.size(label)[0] + 4 + sum(
                12 + self.font.size(str(n))[0] for _, n in cost)
            items.append((k, label, cost, width))
        return items

    def _build_menu(self, target: pygame.Surface, sim: Simulation,
                    kind: str | None) -> pygame.Rect:
        """One line at the bottom bar's right end: [1] node, [2] barrier, [3] emitter and
        what each costs (red: what is short)."""
        h, w = target.get_height(), target.get_width()
        items = self._menu_items(sim)
        rect = pygame.Rect(0, 0, self.menu_width(sim), 18)
        rect.bottomright = (w - MARGIN, h - 2 if self.menu_bottom is None else self.menu_bottom)
        panel(target, rect, border=palette.UI_ACCENT if kind else None)
        x = rect.x + 5
        for k, label, cost, _ in items:
            missing = sim.missing_for(k)
            color = palette.UI_ACCENT if k == kind else (
                palette.UI_TEXT if not missing else palette.UI_DIM)
            x = self._text(target, label, (x, rect.y + 4), color).right + 4
            for res, n in cost:
                x = icon_count(target, self.font, (x, rect.y + 4), res, str(n),
                               palette.UI_BAD if res in missing else palette.UI_TEXT) + 2
            x += 8
        return rect

    def _structure(self, target: pygame.Surface, sim: Simulation, ui: WaveUi,
                   room: pygame.Rect | None, message: tuple[str, tuple] | None
                   ) -> pygame.Rect | None:
        """The defence under the mouse (else the selected one): what it is and does, in
        the bottom bar's middle (`room`, where the hint and controls lines give way to
        it), so it hides nothing on the map. A message (a refused upgrade, a sale) takes
        the keys line's place while it shows. None (not drawn) without a room."""
        found = defence_at(sim, ui.hover_tile) or defence_at(sim, ui.selected)
        if found is None or room is None:
            return None
        st, em, barrier = found
        rules = sim.conf.rules
        upgrade: list = []
        if em is not None:
            lv = rules.emitter_levels[em.level]
            top = em.level + 1 >= len(rules.emitter_levels)
            head = f"Emitter L{em.level + 1}/{len(rules.emitter_levels)}"
            lines = [f"range {lv.range_px // 16} tiles · targets {em.mode} · {em.hits} hits",
                     keys("[<emitter_mode>] mode" + ("" if top else " · [<upgrade>] upgrade")
                          + " · [<sell>] sell")]
            if em.jammed:
                head += " · jammed"
            upgrade = [] if top else list(rules.upgrade_cost)
        else:
            head = f"Barrier {barrier.hp}/{barrier.max_hp}"
            lines = ["Drones walk around it; heavies break it.", keys("[<sell>] sell")]
        refund = [] if message else list(refund_for(sim.rules, rules, st.kind,
                                                    em.level if em else 0).items())
        color = palette.UI_TEXT
        if message:
            lines[-1], color = message
        font = self.font

        def icons_w(items) -> int:
            return sum(13 + font.size(str(n))[0] + 3 for _, n in items)

        widths = [font.size(head)[0] + 8 + icons_w(upgrade), font.size(lines[0])[0],
                  font.size(lines[1])[0] + 4 + icons_w(refund)]
        rect = pygame.Rect(0, room.y, min(room.width, max(widths) + 12), room.height)
        rect.centerx = room.centerx
        panel(target, rect, alpha=255, border=palette.UI_BAD if em is not None and em.jammed
              else palette.UI_ACCENT)
        inner = rect.width - 12
        lh = font.line_height
        y = rect.y + (rect.height - 3 * lh - 4) // 2
        self._text(target, font.fit(head, inner - icons_w(upgrade)), (rect.x + 6, y),
                   palette.UI_ACCENT)
        x = rect.right - 6 - icons_w(upgrade) + 3
        for res, n in upgrade:
            x = icon_count(target, font, (x, y), res, str(n)) + 3
        y += lh + 2
        self._text(target, font.fit(lines[0], inner), (rect.x + 6, y))
        y += lh + 2
        r = self._text(target, font.fit(lines[1], inner - icons_w(refund)), (rect.x + 6, y),
                       color)
        x = r.right + 4
        for res, n in refund:
            x = icon_count(target, font, (x, y), res, f"+{n}", palette.UI_GOOD) + 3
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
