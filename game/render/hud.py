"""The heads-up display: bag, stockpile, objective, timer, build button, hints."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.content.text import keys, t
from game.render import palette
from game.render.font import BitmapFont
from game.render.images import icon
from game.render.story_hud import draw_story_hud
from game.render.support_hud import ROW_H, civic_rows, draw_civic_hud, mural_prompt
from game.render.timer_panel import draw_timer_panel
from game.render.widgets import bar, icon_count, panel
from game.sim.world import Simulation
from game.speedrun.timefmt import format_ticks
from game.speedrun.timer import TimerView

MARGIN = 4
TOP_BAR = 30  # the bars the world is never drawn under: bag, objective, timer on top
BOTTOM_BAR = 36  # the hint or message, then stockpile, controls and build button
WAVE_BOTTOM_BAR = 44  # a wave level's: the minimap at its left end


def waves(sim: Simulation) -> bool:
    return bool(sim.conf.table.wave_count)


def bars(sim: Simulation, font: BitmapFont, width: int) -> tuple[int, int]:
    """(top, bottom) heights of the HUD's bars on this level: the camera frames the world
    between them, so a panel in a bar never hides a mural, depot, plot or Elara. Under
    the top bar: the civic strip (support, Rally, goals) and a wave level's wave line."""
    rows = max(civic_rows(sim, font, width - 8), int(waves(sim)))
    return TOP_BAR + rows * ROW_H, WAVE_BOTTOM_BAR if waves(sim) else BOTTOM_BAR


@dataclass
class HudState:
    """What the play scene tells the HUD besides the simulation."""

    build_mode: bool = False
    hint: str = ""
    message: str = ""
    message_ms: float = 0.0  # how much longer the message shows
    message_good: bool = False  # good news (teal) rather than a refusal (red)
    timer: TimerView | None = None  # speedrun timers; None: the plain level IGT
    build_kind: str = "node"  # what build mode places (B: node, 2: workshop)
    controls: str = "play"  # key of the controls line in text.toml ("waves" on wave levels)
    kind: str = ""  # the waste kind E puts in and X drops (framed in the bag)
    inspecting: bool = False  # a wave level's defence panel takes the hint and controls'
    # place in the bottom bar (Hud.inspect_room)


class Hud:
    def __init__(self, font: BitmapFont) -> None:
        self.font = font
        self.build_button = pygame.Rect(0, 0, 0, 0)
        self.rects: list[pygame.Rect] = []  # every panel drawn last frame (tests keep
        # them off murals, depots, plots, spawns and Elara)
        self.left_reserve = 0  # bottom bar room a wave level's minimap and build menu
        self.right_reserve = 0  # take (set by game/scenes/confront_controls.py)
        self.inspect_room: pygame.Rect | None = None  # the bottom bar's middle, left free
        # for the defence panel when HudState.inspecting

    def draw(self, target: pygame.Surface, sim: Simulation, ui: HudState) -> None:
        w, h = target.get_size()
        lh = self.font.line_height
        now = pygame.time.get_ticks()
        top, bottom = bars(sim, self.font, w)
        top_bar = pygame.Rect(0, 0, w, top)
        bottom_bar = pygame.Rect(0, h - bottom, w, bottom)
        for rect in (top_bar, bottom_bar):
            panel(target, rect, alpha=255)
        objective = self._objective(target, sim, w)
        left = MARGIN + (self.left_reserve if waves(sim) else 0)  # the minimap's room
        stock = self._stock(target, sim, h, left)
        if waves(sim):  # the wave HUD's build menu takes the button's place
            button = pygame.Rect(w - self.right_reserve - MARGIN, h - 20, 0, 0)
            self.build_button = pygame.Rect(0, 0, 0, 0)
        else:
            button = self._build_button(target, sim, ui, w, h, lh)
        self.rects = [
            top_bar, bottom_bar,
            self._bag(target, sim, ui.kind),
            objective,
            self._timer(target, sim, w, ui.timer),
            stock, button,
            *self._hints(target, sim, ui, w, h, lh, (stock.right, button.left)),
            *draw_civic_hud(target, self.font, sim, now, TOP_BAR),  # support, Rally, goals
            draw_story_hud(target, self.font, sim, now, objective.right + 4),  # the clock
        ]
        self.rects = [r for r in self.rects if r is not None and r.width and r.height]

    def _bag(self, target, sim, chosen: str = "") -> pygame.Rect:
        player = sim.player()[0]
        cap = sim.rules.player_capacity
        carried = sum(player.carry.values())
        rect = pygame.Rect(MARGIN, 2, 150, 26)
        panel(target, rect)
        x = icon_count(target, self.font, (rect.x + 4, rect.y + 3), "bag", f"{carried}/{cap}",
                       palette.UI_BAD if carried >= cap else palette.UI_TEXT)
        bar(target, pygame.Rect(rect.x + 4, rect.y + 16, 40, 6), carried / max(1, cap),
            palette.UI_ACCENT)
        x = max(x + 8, rect.x + 52)
        for kind in sim.rules.waste_kinds:
            n = player.carry.get(kind, 0)
            left = x
            x = icon_count(target, self.font, (x, rect.y + 9), kind, str(n),
                           palette.UI_TEXT if n else palette.UI_DIM) + 8
            if kind == chosen:  # what E puts in and X drops; T or the wheel chooses
                pygame.draw.rect(target, palette.UI_ACCENT,
                                 pygame.Rect(left - 2, rect.y + 6, x - left - 4, 15), 1)
        return rect

    def _objective(self, target, sim, w) -> pygame.Rect:
        objective = sim.level.objective
        done = sim.objective_progress().done
        count = f"  {done}/{objective.amount}"
        # between the carry panel and the timer; a longer objective is cut with "…"
        room = max(60, w - 2 * (MARGIN + 168) - 24 - self.font.size(count)[0])
        text = self.font.fit(objective.text, room) + count
        tw = self.font.size(text)[0]
        rect = pygame.Rect(0, 2, max(180, tw + 24), 26)
        rect.centerx = w // 2
        panel(target, rect, border=palette.UI_ACCENT)
        target.blit(icon("flag"), (rect.x + 5, rect.y + 4))
        self.font.draw(target, text, (rect.x + 16, rect.y + 3), palette.UI_TEXT,
                       shadow=(0, 0, 0))
        bar(target, pygame.Rect(rect.x + 5, rect.y + 17, rect.width - 10, 5),
            done / max(1, objective.amount), palette.RES_COLORS.get(objective.target,
                                                                    palette.UI_GOOD))
        return rect

    def _timer(self, target, sim, w, view: TimerView | None = None) -> pygame.Rect:
        if view is not None:
            return draw_timer_panel(target, self.font, view, w - MARGIN, 2)
        text = format_ticks(sim.igt_ticks)
        tw = self.font.size(text, 2)[0]
        rect = pygame.Rect(w - MARGIN - tw - 22, 2, tw + 22, 26)
        panel(target, rect)
        target.blit(icon("clock"), (rect.x + 5, rect.y + 9))
        self.font.draw(target, text, (rect.x + 16, rect.y + 4), palette.UI_TEXT, scale=2,
                       shadow=(0, 0, 0))
        return rect

    def _stock(self, target, sim, h, left: int) -> pygame.Rect:
        width = 5 + sum(self.font.size(str(max(99, sim.state.stock[res])))[0] + 10 + 10
                        for res in sim.rules.resources) - 6
        rect = pygame.Rect(left, h - 2 - 18, width, 18)
        panel(target, rect)
        x = rect.x + 5
        for res in sim.rules.resources:
            x = icon_count(target, self.font, (x, rect.y + 4), res, str(sim.state.stock[res]),
                           palette.RES_COLORS[res]) + 10
        return rect

    def _build_button(self, target, sim, ui, w, h, lh) -> pygame.Rect:
        kind = ui.build_kind
        missing = sim.missing_for(kind)
        cost = sim.rules.cost_of(kind)
        label = t("build_label", kind)
        lw = self.font.size(label)[0]
        rect = pygame.Rect(0, 0, lw + 12 + 26 * len(cost), 18)
        rect.bottomright = (w - MARGIN, h - 2)
        border = palette.UI_ACCENT if ui.build_mode else (
            palette.UI_GOOD if not missing else palette.UI_DIM)
        panel(target, rect, border=border)
        target.blit(icon("hammer"), (rect.x + 3, rect.y + 5))
        x = self.font.draw(target, label, (rect.x + 13, rect.y + 4),
                           palette.UI_TEXT if not missing else palette.UI_DIM,
                           shadow=(0, 0, 0)).right + 6
        for kind, n in sorted(cost.items()):
            x = icon_count(target, self.font, (x, rect.y + 4), kind, str(n),
                           palette.UI_BAD if kind in missing else palette.UI_TEXT) + 6
        self.build_button = rect
        return rect

    def _hints(self, target, sim, ui, w, h, lh, gap: tuple[int, int]) -> list[pygame.Rect]:
        """The bottom bar's upper row: a message, else the mural in reach, else the hint;
        its lower row: the controls. While a defence is inspected, neither: the bar's
        middle is left to its panel (`inspect_room`)."""
        self.inspect_room = None
        if ui.inspecting:
            bottom = bars(sim, self.font, w)[1]
            self.inspect_room = pygame.Rect(gap[0] + 4, h - bottom + 1,
                                            gap[1] - gap[0] - 8, bottom - 2)
            return []
        prompt = mural_prompt(sim)
        if ui.message_ms > 0 and ui.message:
            line, color = ui.message, palette.UI_GOOD if ui.message_good else palette.UI_BAD
        elif prompt is not None:
            line, color = prompt
        else:
            line, color = keys(ui.hint), palette.UI_ACCENT  # <action>: the player's key
        drawn = []
        if line:
            line = self.font.fit(line, w - 16)
            rect = pygame.Rect(0, h - BOTTOM_BAR + 1, self.font.size(line)[0] + 12, lh + 3)
            rect.centerx = w // 2
            panel(target, rect, border=color)
            self.font.draw(target, line, (w // 2, rect.y + 2), color, shadow=(0, 0, 0),
                           align="center")
            drawn.append(rect)
        controls = t("controls", "build" if ui.build_mode else ui.controls)
        controls = self.font.fit(controls, gap[1] - gap[0] - 20)  # stockpile to button
        strip = pygame.Rect(0, h - 2 - 18, self.font.size(controls)[0] + 12, 18)
        strip.centerx = (gap[0] + gap[1]) // 2
        panel(target, strip)
        self.font.draw(target, controls, (strip.centerx, strip.y + 4), palette.UI_TEXT,
                       shadow=(0, 0, 0), align="center")
        return [*drawn, strip]
