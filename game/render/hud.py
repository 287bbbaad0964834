"""The heads-up display: bag, stockpile, objective, timer, build button, hints."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.content.text import keys, t
from game.render import palette
from game.render.font import BitmapFont
from game.render.images import icon
from game.render.story_hud import draw_story_hud
from game.render.support_hud import draw_civic_hud
from game.render.timer_panel import draw_timer_panel
from game.render.widgets import bar, icon_count, panel
from game.sim.world import Simulation
from game.speedrun.timefmt import format_ticks
from game.speedrun.timer import TimerView

MARGIN = 4


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


class Hud:
    def __init__(self, font: BitmapFont) -> None:
        self.font = font
        self.build_button = pygame.Rect(0, 0, 0, 0)

    def draw(self, target: pygame.Surface, sim: Simulation, ui: HudState) -> None:
        w, h = target.get_size()
        lh = self.font.line_height
        self._bag(target, sim, ui.kind)
        self._objective(target, sim, w)
        self._timer(target, sim, w, ui.timer)
        self._stock(target, sim, h, lh)
        self._build_button(target, sim, ui, w, h, lh)
        self._hints(target, ui, w, h, lh)
        draw_civic_hud(target, self.font, sim, pygame.time.get_ticks())  # support, Rally
        draw_story_hud(target, self.font, sim, pygame.time.get_ticks())  # the level clock

    def _bag(self, target, sim, chosen: str = "") -> None:
        player = sim.player()[0]
        cap = sim.rules.player_capacity
        carried = sum(player.carry.values())
        rect = pygame.Rect(MARGIN, MARGIN, 150, 26)
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

    def _objective(self, target, sim, w) -> None:
        objective = sim.level.objective
        done = sim.objective_progress().done
        count = f"  {done}/{objective.amount}"
        # between the carry panel and the timer; a longer objective is cut with "…"
        room = max(60, w - 2 * (MARGIN + 168) - 24 - self.font.size(count)[0])
        text = self.font.fit(objective.text, room) + count
        tw = self.font.size(text)[0]
        rect = pygame.Rect(0, MARGIN, max(180, tw + 24), 26)
        rect.centerx = w // 2
        panel(target, rect, border=palette.UI_ACCENT)
        target.blit(icon("flag"), (rect.x + 5, rect.y + 4))
        self.font.draw(target, text, (rect.x + 16, rect.y + 3), palette.UI_TEXT,
                       shadow=(0, 0, 0))
        bar(target, pygame.Rect(rect.x + 5, rect.y + 17, rect.width - 10, 5),
            done / max(1, objective.amount), palette.RES_COLORS.get(objective.target,
                                                                    palette.UI_GOOD))

    def _timer(self, target, sim, w, view: TimerView | None = None) -> None:
        if view is not None:
            draw_timer_panel(target, self.font, view, w - MARGIN, MARGIN)
            return
        text = format_ticks(sim.igt_ticks)
        tw = self.font.size(text, 2)[0]
        rect = pygame.Rect(w - MARGIN - tw - 22, MARGIN, tw + 22, 26)
        panel(target, rect)
        target.blit(icon("clock"), (rect.x + 5, rect.y + 9))
        self.font.draw(target, text, (rect.x + 16, rect.y + 4), palette.UI_TEXT, scale=2,
                       shadow=(0, 0, 0))

    def _stock(self, target, sim, h, lh) -> None:
        rect = pygame.Rect(MARGIN, h - MARGIN - 18, 150, 18)
        panel(target, rect)
        x = rect.x + 5
        for res in sim.rules.resources:
            x = icon_count(target, self.font, (x, rect.y + 4), res, str(sim.state.stock[res]),
                           palette.RES_COLORS[res]) + 12

    def _build_button(self, target, sim, ui, w, h, lh) -> None:
        kind = ui.build_kind
        missing = sim.missing_for(kind)
        cost = sim.rules.cost_of(kind)
        label = t("build_label", kind)
        lw = self.font.size(label)[0]
        rect = pygame.Rect(0, 0, lw + 12 + 26 * len(cost), 18)
        rect.bottomright = (w - MARGIN, h - MARGIN)
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

    def _hints(self, target, ui, w, h, lh) -> None:
        if ui.message_ms > 0 and ui.message:
            line, color = ui.message, palette.UI_GOOD if ui.message_good else palette.UI_BAD
        else:
            line, color = keys(ui.hint), palette.UI_ACCENT  # <action>: the player's key
        controls = t("controls", "build" if ui.build_mode else ui.controls)
        y = h - MARGIN - 18 - lh - 4
        if line:
            rect = pygame.Rect(0, 0, self.font.size(line)[0] + 12, lh + 4)
            rect.midbottom = (w // 2, y)
            panel(target, rect)
            self.font.draw(target, line, (w // 2, rect.y + 2), color, shadow=(0, 0, 0),
                           align="center")
        cw = self.font.size(controls)[0]
        strip = pygame.Rect(0, h - MARGIN - 18, cw + 12, 18)
        strip.centerx = w // 2
        panel(target, strip, alpha=150)
        self.font.draw(target, controls, (w // 2, strip.y + 4), palette.UI_TEXT,
                       shadow=(0, 0, 0), align="center")
