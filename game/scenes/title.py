"""Title screen: the district drifts by behind the name; Enter starts level 1. Quitting
(Esc, B or the Quit row) asks first."""

from __future__ import annotations

import pygame

from game.app import App, Scene
from game.content.text import keys, t
from game.level.errors import MapError
from game.level.loader import load_level
from game.paths import CAMPAIGN_DIR
from game.render import palette
from game.render.tilemap import TileMapRenderer
from game.render.widgets import Menu, MenuItem

FIRST_LEVEL = "01_scavengers_dawn.tmx"


class TitleScene(Scene):
    music = "title"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.error = ""
        self.level = None
        self.backdrop = None
        try:
            self.level = load_level(CAMPAIGN_DIR / FIRST_LEVEL)
            self.backdrop = TileMapRenderer(self.level)
        except MapError as exc:
            self.error = exc.format()
        self.error = self.error or " / ".join(app.services.startup_problems())
        self.error = self.error or app.services.profile.problem  # a damaged save: say so
        self.menu = Menu([MenuItem("Campaign", self.play),
                          MenuItem("Practice (level select)", self.practice),
                          MenuItem("Custom maps", self.custom_maps),
                          MenuItem("Settings", self.settings),
                          MenuItem("Quit", self.ask_quit)], app.font, scale=2)

    def play(self) -> None:
        from game.scenes.campaign import CampaignScene  # continue / new, then levels

        self.app.push(CampaignScene(self.app))

    def practice(self) -> None:
        from game.scenes.level_select import LevelSelectScene

        self.app.push(LevelSelectScene(self.app))

    def custom_maps(self) -> None:
        from game.scenes.custom_maps import CustomMapsScene

        self.app.push(CustomMapsScene(self.app))

    def settings(self) -> None:
        from game.scenes.settings import SettingsScene

        self.app.push(SettingsScene(self.app))

    def ask_quit(self) -> None:
        from game.scenes.confirm import ConfirmScene

        self.app.push(ConfirmScene(self.app, "Quit Reclaim 2147?", "Quit", self.app.quit))

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.ask_quit()
            return
        pos = self.app.to_logical(event.pos) if hasattr(event, "pos") else None
        self.menu.handle(event, pos)

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        surface.fill(palette.UI_PANEL)
        if self.backdrop is not None:
            span = max(1, self.level.width * 16 - w)
            phase = (self.app.time_ms // 40) % (2 * span)
            x = phase if phase < span else 2 * span - phase
            self.backdrop.draw(surface, (x, max(0, (self.level.height * 16 - h) // 2)),
                               self.app.time_ms)
            shade = pygame.Surface((w, h), pygame.SRCALPHA)
            shade.fill((*palette.UI_PANEL, 120))
            surface.blit(shade, (0, 0))
        font = self.app.font
        font.draw(surface, t("title", "name"), (w // 2, 70), palette.UI_GOOD, scale=6,
                  shadow=(0, 0, 0), align="center")
        font.draw(surface, t("title", "tagline"), (w // 2, 130), palette.UI_TEXT,
                  shadow=(0, 0, 0), align="center")
        self.menu.draw(surface, w // 2, 190)
        if self.error:
            font.draw(surface, self.error, (w // 2, h - 30), palette.UI_BAD, align="center")
        font.draw(surface, keys("<choose> or click: choose · <back>: quit"),
                  (w // 2, h - 16), palette.UI_DIM, align="center")
