"""A yes/no question over the screen below (quitting the game from the title)."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.app import App, Scene
from game.content.text import keys
from game.render import palette
from game.render.widgets import Menu, MenuItem, panel


class ConfirmScene(Scene):
    opaque = False

    def __init__(self, app: App, question: str, yes: str, on_yes: Callable[[], None],
                 no: str = "Cancel", detail: str = "") -> None:
        super().__init__(app)
        self.question = question
        self.detail = detail  # one small line under the question: what saying yes costs
        self.on_yes = on_yes
        # the harmless answer first, so Enter pressed twice by accident does no harm
        self.menu = Menu([MenuItem(no, app.pop), MenuItem(yes, self.yes)], app.font, scale=2)

    def yes(self) -> None:
        self.app.pop()
        self.on_yes()

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.pop()  # Esc: the answer is no, one screen back
            return
        pos = self.app.to_logical(event.pos) if hasattr(event, "pos") else None
        self.menu.handle(event, pos)

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        shade = pygame.Surface((w, h), pygame.SRCALPHA)
        shade.fill((*palette.UI_PANEL, 170))
        surface.blit(shade, (0, 0))
        extra = 14 if self.detail else 0
        box = pygame.Rect(0, 0, 300, 110 + extra)
        box.center = (w // 2, h // 2)
        panel(surface, box, alpha=235, border=palette.UI_ACCENT)
        font = self.app.font
        font.draw(surface, self.question, (w // 2, box.y + 12), palette.UI_ACCENT, scale=2,
                  shadow=(0, 0, 0), align="center")
        if self.detail:
            font.draw(surface, self.detail, (w // 2, box.y + 34), palette.UI_TEXT,
                      align="center")
        self.menu.draw(surface, w // 2, box.y + 44 + extra)
        font.draw(surface, keys("<choose>: choose · <back>: cancel"),
                  (w // 2, box.bottom - 14), palette.UI_DIM, align="center")
