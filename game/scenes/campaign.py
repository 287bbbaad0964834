"""Campaign: Continue (the level select, at the next level to play), New campaign run
(every level in order, one timer), or back. Says plainly when the profile was damaged
and what was restored."""

from __future__ import annotations

import pygame

from game.app import App, Scene
from game.campaign.catalog import campaign
from game.content.text import keys
from game.render import palette
from game.render.widgets import Menu, MenuItem, panel
from game.speedrun.timefmt import format_ticks


class CampaignScene(Scene):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.profile = app.services.profile
        self.notice = self.profile.problem or " / ".join(campaign().problems)
        items = []
        if self.profile.started:
            items.append(MenuItem("Continue", self.continue_))
        items += [MenuItem("New campaign run" if self.profile.started else "New campaign",
                           self.new),
                  MenuItem("Back", app.pop)]
        self.menu = Menu(items, app.font, scale=2)

    def continue_(self) -> None:
        from game.scenes.level_select import LevelSelectScene

        order = [e.id for e in campaign().levels]
        self.app.push(LevelSelectScene(self.app, story=True,
                                       focus=self.profile.continue_level(order)))

    def new(self) -> None:
        from game.scenes.results_run import start_campaign

        self.notice = start_campaign(self.app) or self.notice

    def _cast(self, surface: pygame.Surface, w: int, top: int) -> None:
        """The four of them, side by side: who this story is about."""
        from game.scenes.dialogue import portrait

        cast = list(campaign().cast.values())
        gap = 64
        x0 = w // 2 - gap * (len(cast) - 1) // 2
        for i, spk in enumerate(cast):
            face = portrait(spk.portrait)
            if face is None:
                continue
            rect = face.get_rect(midtop=(x0 + i * gap, top))
            colour = palette.PALETTE.get(spk.colour, palette.UI_DIM)
            pygame.draw.rect(surface, colour, rect.inflate(4, 4), 1)
            surface.blit(face, rect)
            self.app.font.draw(surface, spk.name.split()[0], (rect.centerx, rect.bottom + 5),
                               colour, shadow=(0, 0, 0), align="center")

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.pop()
            return
        pos = self.app.to_logical(event.pos) if hasattr(event, "pos") else None
        self.menu.handle(event, pos)

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        font = self.app.font
        surface.fill(palette.UI_PANEL)
        font.draw(surface, "Campaign", (w // 2, 24), palette.UI_ACCENT, scale=4,
                  shadow=(0, 0, 0), align="center")
        levels = campaign().levels
        order = [e.id for e in levels]
        won = sum(self.profile.won(lid) for lid in order)
        line = f"{won} of {len(levels)} levels won" if self.profile.started else \
            "Five levels: the story of Elara, Kora, Dax and Talin."
        font.draw(surface, line, (w // 2, 70), palette.UI_TEXT, align="center")
        nxt = self.profile.continue_level(order) if self.profile.started else None
        entry = campaign().entry(nxt) if nxt else None
        if entry is not None:
            best = self.profile.best(entry.id)
            text = f"Next: level {order.index(entry.id) + 1}" + (
                f"  (best {format_ticks(best)})" if best is not None else "")
            font.draw(surface, text, (w // 2, 84), palette.UI_DIM, align="center")
        self._cast(surface, w, 100)
        self.menu.draw(surface, w // 2, 186)
        font.draw(surface, "A campaign run plays every level in order on one timer; "
                  "Continue picks up at any unlocked level.", (w // 2, 282),
                  palette.UI_DIM, align="center")
        if self.notice:
            rect = pygame.Rect(20, h - 62, w - 40, 34)
            panel(surface, rect, border=palette.UI_BAD)
            from game.scenes.dialogue import wrap

            for i, row in enumerate(wrap(font, self.notice, rect.width - 12)[:2]):
                font.draw(surface, row, (rect.x + 6, rect.y + 4 + i * 12), palette.UI_BAD)
        font.draw(surface, keys("<choose> or click: choose · <back>: back"), (w // 2, h - 16),
                  palette.UI_DIM, align="center")
