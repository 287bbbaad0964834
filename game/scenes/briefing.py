"""The briefing before a level: the district behind, the level's name and objective,
the cast, and the briefing dialogue. Enter/Space: next line; Esc: skip to the level."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.app import App
from game.audio import music_for_level
from game.campaign.catalog import LevelEntry, Script, campaign, scenes_for
from game.campaign.map_story import MapStory
from game.level.data import LevelData
from game.render import palette
from game.render.images import icon
from game.render.tilemap import TileMapRenderer
from game.render.widgets import panel
from game.scenes.dialogue import DialogueScene, face_for, speaker
from game.speedrun.timefmt import format_ticks


class BriefingScene(DialogueScene):
    opaque = True
    hint = "<next>: next line · <skip>: start the level"

    def __init__(self, app: App, level: LevelData, entry: LevelEntry | None,
                 start: Callable[[], None], story: MapStory | None = None) -> None:
        self.level = level
        self.entry = entry
        self.music = music_for_level(level)
        scenes, _ = scenes_for(entry)
        script = scenes.get(entry.briefing) if entry else None
        if story is not None:  # a custom map's briefing, with its own cast
            script = story.scenes.get("briefing")
        self.number = campaign().index(entry.id) + 1 if entry else 0
        self.backdrop = TileMapRenderer(level)
        super().__init__(app, script or Script("briefing", ()), start, story)

    def finish(self) -> None:
        # the briefing is the bottom scene: hand over without popping the stack empty
        if self.done:
            return
        self.done = True
        self.on_done()

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        surface.fill(palette.UI_PANEL)
        span = max(1, self.level.width * 16 - w)
        phase = (self.app.time_ms // 50) % (2 * span)
        x = phase if phase < span else 2 * span - phase
        self.backdrop.draw(surface, (x, max(0, (self.level.height * 16 - h) // 3)),
                           self.app.time_ms)
        shade = pygame.Surface((w, h), pygame.SRCALPHA)
        shade.fill((*palette.UI_PANEL, 150))
        surface.blit(shade, (0, 0))
        self._header(surface, w)
        self._cast(surface, w)
        self.draw_box(surface)

    def _header(self, surface: pygame.Surface, w: int) -> None:
        font = self.app.font
        total = len(campaign().levels)
        over = f"Level {self.number} of {total}" if self.number else "Custom map"
        font.draw(surface, over, (w // 2, 14), palette.UI_DIM, shadow=(0, 0, 0),
                  align="center")
        font.draw(surface, self.level.title, (w // 2, 28), palette.UI_ACCENT, scale=4,
                  shadow=(0, 0, 0), align="center")
        if self.script.title:
            font.draw(surface, self.script.title, (w // 2, 70), palette.UI_TEXT,
                      shadow=(0, 0, 0), align="center")
        objective = self.level.objective.text
        bits = []
        if self.level.par_ticks:
            bits.append(f"par {format_ticks(self.level.par_ticks)}")
        limit = int(self.level.properties.get("time_limit_seconds", 0) or 0)
        if limit:
            bits.append(f"clock {limit // 60}:{limit % 60:02d}")
        line = objective + (f"   ({', '.join(bits)})" if bits else "")
        tw = font.size(line)[0]
        rect = pygame.Rect(0, 88, tw + 28, 18)
        rect.centerx = w // 2
        panel(surface, rect, border=palette.UI_ACCENT)
        surface.blit(icon("flag"), (rect.x + 6, rect.y + 5))
        font.draw(surface, line, (rect.x + 18, rect.y + 4), palette.UI_TEXT, shadow=(0, 0, 0))

    def _custom_cast(self) -> list[str]:
        """Who speaks in a custom briefing, in order of their first line (at most 5)."""
        order = list(dict.fromkeys(ln.who for ln in self.script.lines if ln.who))
        return order[:5]

    def _cast(self, surface: pygame.Surface, w: int) -> None:
        cast = list(self.entry.cast) if self.entry else self._custom_cast()
        if not cast:
            return
        font = self.app.font
        talking = self.script.lines[self.index].who if not self.done and \
            self.index < len(self.script.lines) else ""
        gap = 84
        x0 = w // 2 - gap * (len(cast) - 1) // 2
        for i, who in enumerate(cast):
            spk = speaker(who, self.story)
            face = face_for(who, self.story)
            cx, top = x0 + i * gap, 118
            colour = palette.PALETTE.get(spk.colour, palette.UI_TEXT)
            lit = who == talking
            if face is not None:
                img = face.copy()
                if not lit:
                    img.fill((120, 120, 130), special_flags=pygame.BLEND_RGB_MULT)
                rect = img.get_rect(midtop=(cx, top - (4 if lit else 0)))
                pygame.draw.rect(surface, colour if lit else palette.UI_DIM,
                                 rect.inflate(4, 4), 1 if not lit else 2)
                surface.blit(img, rect)
            font.draw(surface, spk.name, (cx, top + 54), colour if lit else palette.UI_DIM,
                      shadow=(0, 0, 0), align="center")
