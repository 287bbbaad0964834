"""Pause: the level stands still (no ticks) under a dimmed overlay with a menu. A level
with a briefing offers it again here (read while nothing ticks, so it costs no IGT)."""

from __future__ import annotations

import pygame

from game.app import App, Scene
from game.content.text import t
from game.render import palette
from game.render.widgets import Menu, MenuItem, panel
from game.scenes.confirm import ConfirmScene


class PauseScene(Scene):
    opaque = False

    def __init__(self, app: App, play) -> None:
        super().__init__(app)
        self.play = play
        items = [
            MenuItem(t("pause", "resume"), self.resume),
            MenuItem(t("pause", "restart"), self.restart),
            MenuItem(t("pause", "settings"), self.settings),
            MenuItem(t("pause", "quit_title"), self.ask_quit_to_title),
            MenuItem(t("pause", "quit_game"), self.ask_quit_game),
        ]
        if play.story.briefing() is not None:
            items.insert(3, MenuItem(t("pause", "briefing"), self.briefing))
        self.menu = Menu(items, app.font, scale=2)
        self.mouse = None

    def resume(self) -> None:
        self.app.pop()

    def restart(self) -> None:
        self.play.start()
        self.app.pop()

    def settings(self) -> None:
        from game.scenes.settings import SettingsScene

        self.app.push(SettingsScene(self.app, on_close=self.play.apply_settings))

    def briefing(self) -> None:
        """The level's briefing over the paused level; skipping or ending it comes back
        here."""
        from game.scenes.briefing import BriefingScene

        hooks = self.play.story
        self.app.push(BriefingScene(self.app, self.play.level, hooks.entry, self.app.pop,
                                    hooks.custom))

    # leaving loses the attempt: one misclick must not cost a run, so both ask first
    def ask_quit_to_title(self) -> None:
        self.app.push(ConfirmScene(self.app, t("pause", "confirm_title"),
                                   t("pause", "quit_title"), self.quit_to_title,
                                   detail=t("pause", "confirm_lost")))

    def ask_quit_game(self) -> None:
        self.app.push(ConfirmScene(self.app, t("pause", "confirm_quit"),
                                   t("pause", "quit_game"), self.app.quit,
                                   detail=t("pause", "confirm_lost")))

    def quit_to_title(self) -> None:
        from game.scenes.title import TitleScene

        self.play.run.abandon()  # LiveSplit: the run is reset
        self.app.reset_to(TitleScene(self.app))

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_p):
            self.resume()
            return
        if event.type == pygame.KEYDOWN and event.key in self.play.input.bindings["restart"]:
            self.restart()
            return
        pos = self.app.to_logical(event.pos) if hasattr(event, "pos") else None
        self.menu.handle(event, pos)

    def draw(self, surface: pygame.Surface) -> None:
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((*palette.UI_PANEL, 150))
        surface.blit(shade, (0, 0))
        w, h = surface.get_size()
        gap = self.app.font.line_height * 2 + 6  # the menu's row at scale 2
        box = pygame.Rect(0, 0, 280, 66 + gap * len(self.menu.items))
        box.center = (w // 2, h // 2)
        panel(surface, box, alpha=220, border=palette.UI_ACCENT)
        self.app.font.draw(surface, t("pause", "heading"), (w // 2, box.y + 10),
                           palette.UI_ACCENT, scale=3, shadow=(0, 0, 0), align="center")
        self.menu.draw(surface, w // 2, box.y + 52)
