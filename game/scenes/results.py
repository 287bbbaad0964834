"""Results: the in-game time of the run, the par, and what to do next."""

from __future__ import annotations

import pygame

from game import palette
from game.app import App, Scene
from game.content.text import t
from game.render.timefmt import format_ticks
from game.render.widgets import Menu, MenuItem, panel


class ResultsScene(Scene):
    opaque = False

    def __init__(self, app: App, play) -> None:
        super().__init__(app)
        self.play = play
        self.igt = play.sim.igt_ticks
        self.par = play.level.par_ticks
        self.menu = Menu([
            MenuItem(t("results", "again"), self.again),
            MenuItem(t("results", "title"), self.to_title),
        ], app.font, scale=2)

    def again(self) -> None:
        self.play.start()
        self.app.pop()

    def to_title(self) -> None:
        from game.scenes.title import TitleScene

        self.app.reset_to(TitleScene(self.app))

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r:
            self.again()
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.to_title()
            return
        pos = self.app.to_logical(event.pos) if hasattr(event, "pos") else None
        self.menu.handle(event, pos)

    def draw(self, surface: pygame.Surface) -> None:
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((*palette.UI_PANEL, 140))
        surface.blit(shade, (0, 0))
        w, h = surface.get_size()
        font = self.app.font
        box = pygame.Rect(0, 0, 360, 220)
        box.center = (w // 2, h // 2)
        panel(surface, box, alpha=230, border=palette.UI_GOOD)
        y = box.y + 12
        font.draw(surface, t("results", "won"), (w // 2, y), palette.UI_GOOD, scale=3,
                  shadow=(0, 0, 0), align="center")
        y += 36
        font.draw(surface, self.play.level.title, (w // 2, y), palette.UI_TEXT,
                  shadow=(0, 0, 0), align="center")
        y += 16
        font.draw(surface, t("results", "igt"), (w // 2, y), palette.UI_DIM, align="center")
        y += 12
        font.draw(surface, format_ticks(self.igt), (w // 2, y), palette.UI_ACCENT, scale=3,
                  shadow=(0, 0, 0), align="center")
        y += 34
        if self.par:
            verdict = t("results", "under_par" if self.igt <= self.par else "over_par")
            line = f"{t('results', 'par')} {format_ticks(self.par)} - {verdict}"
            font.draw(surface, line, (w // 2, y), palette.UI_TEXT, align="center")
        self.menu.draw(surface, w // 2, box.bottom - 56)
