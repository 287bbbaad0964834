"""Dialogue on screen: a box with the speaker's portrait, name and words, line by line.

Presentation only. A DialogueScene sits on top of the play scene, and only the top
scene ticks, so the level stands still (and its in-game time with it) while anyone
talks. Enter/Space/E or a click: the next line (the first press finishes a line that is
still appearing); Esc or Tab: skip the whole scene. `StoryHooks` is the play scene's
side: trigger events → dialogue, the closing scene before the results, the profile.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.app import App, Scene
from game.audio.bank import VOICES
from game.campaign.catalog import Script, Speaker, campaign
from game.campaign.map_story import MapStory
from game.content.text import keys
from game.render import palette
from game.render.font import MAX_TEXT_CHARS, BitmapFont
from game.render.widgets import panel

NEXT_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_e)
SKIP_KEYS = (pygame.K_ESCAPE, pygame.K_TAB)
CHARS_PER_SECOND = 90
BLIP_EVERY = 6  # characters per voice blip while a line appears (15 a second)
BOX_H = 76


def wrap(font: BitmapFont, text: str, width: int) -> list[str]:
    lines: list[str] = []
    text = text[:MAX_TEXT_CHARS]  # a hostile map's megabyte of text: the start shows
    for para in text.split("\n"):
        line = ""
        for word in para.split():
            trial = f"{line} {word}" if line else word
            if font.size(trial)[0] <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


_PORTRAITS: dict[str, pygame.Surface | None] = {}


def portrait(name: str) -> pygame.Surface | None:
    """assets/portraits/<name>.png, or None if it is missing (the box draws no face)."""
    if name not in _PORTRAITS:
        from game.paths import asset
        from game.render.images import load_image

        path = asset("portraits", f"{name}.png")
        _PORTRAITS[name] = load_image(path) if path.is_file() else None
    return _PORTRAITS[name]


def speaker(who: str, story: MapStory | None = None) -> Speaker:
    if story is not None:
        return story.speaker(who)
    return campaign().cast.get(who) or Speaker(who, who.capitalize() if who else "", who,
                                               "stone_4")


def face_for(who: str, story: MapStory | None = None) -> pygame.Surface | None:
    """The speaker's portrait: a custom map's own PNG (checked by game.campaign.map_story:
    inside the map's folder, at most 256 pixels a side), else the campaign's."""
    own = story.faces.get(who) if story is not None else None
    if own is None:
        return portrait(speaker(who, story).portrait)
    key = f"file:{own}"
    if key not in _PORTRAITS:
        try:
            img = pygame.image.load(str(own))
            img = img.convert_alpha() if pygame.display.get_surface() else img
            _PORTRAITS[key] = pygame.transform.smoothscale(img, (48, 48)) \
                if img.get_size() != (48, 48) else img
        except (pygame.error, OSError, ValueError):
            _PORTRAITS[key] = None
    return _PORTRAITS[key]


class DialogueScene(Scene):
    opaque = False
    hint = "<next>: next line · <skip>: skip"

    def __init__(self, app: App, script: Script, on_done: Callable[[], None],
                 story: MapStory | None = None) -> None:
        super().__init__(app)
        self.script = script
        self.story = story  # a custom map's own cast and portraits
        self.on_done = on_done
        self.index = 0
        self.line_start = app.time_ms
        self.last_blip: tuple[int, int] = (-1, -1)
        self.done = False
        if not script.lines:
            self.finish()

    # -- flow ----------------------------------------------------------------------------
    def words(self) -> str:
        """The current line as shown: <action> names the key or button the player uses."""
        return keys(self.script.lines[self.index].text)

    @property
    def revealing(self) -> bool:
        shown = (self.app.time_ms - self.line_start) * CHARS_PER_SECOND // 1000
        return self.index < len(self.script.lines) and shown < len(self.words())

    def next_line(self) -> None:
        if self.done:
            return
        if self.revealing:
            self.line_start = -10**9  # show the rest of the line at once
            return
        self.index += 1
        self.line_start = self.app.time_ms
        if self.index >= len(self.script.lines):
            self.finish()

    def finish(self) -> None:
        """Skip or end: leave the stack, then hand over (once)."""
        if self.done:
            return
        self.done = True
        if self.app.scene is self:
            self.app.pop()
        self.on_done()

    def update(self) -> None:
        self.voice_blip()

    def voice_blip(self) -> None:
        """While a line appears, a wordless syllable in the speaker's voice every few
        letters (narrator lines and unknown speakers stay silent)."""
        if self.done or not self.revealing:
            return
        line = self.script.lines[self.index]
        if line.who not in VOICES:
            return
        shown = max(0, (self.app.time_ms - self.line_start) * CHARS_PER_SECOND // 1000)
        mark = (self.index, shown // BLIP_EVERY)
        text = self.words()
        if mark != self.last_blip and text[min(shown, len(text) - 1)].isalnum():
            self.last_blip = mark
            self.app.audio.play(f"voice_{line.who}_{1 + mark[1] % 3}")

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in SKIP_KEYS:
                self.finish()
            elif event.key in NEXT_KEYS:
                self.next_line()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.next_line()

    # -- drawing -------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        self.draw_box(surface)

    def draw_box(self, surface: pygame.Surface, scale: int = 1) -> None:
        if self.done or not self.script.lines:
            return
        font = self.app.font
        w, h = surface.get_size()
        line = self.script.lines[self.index]
        who = speaker(line.who, self.story)
        colour = palette.PALETTE.get(who.colour, palette.UI_TEXT)
        face = face_for(line.who, self.story) if line.who else None
        size = 48 * scale
        box = pygame.Rect(8, h - BOX_H - 8 - (size - 48), w - 16, BOX_H + (size - 48))
        panel(surface, box, alpha=225, border=colour)
        x = box.x + 10
        if face is not None:
            img = face if scale == 1 else pygame.transform.scale_by(face, scale)
            frame = pygame.Rect(x - 1, box.y + 10 - 1, size + 2, size + 2)
            pygame.draw.rect(surface, colour, frame, 1)
            surface.blit(img, (x, box.y + 10))
            x += size + 12
        font.draw(surface, who.name, (x, box.y + 8), colour, shadow=(0, 0, 0))
        shown = max(0, (self.app.time_ms - self.line_start) * CHARS_PER_SECOND // 1000)
        text = self.words()[:shown]
        y = box.y + 8 + font.line_height + 4
        for row in wrap(font, text, box.right - x - 12)[:5]:
            font.draw(surface, row, (x, y), palette.UI_TEXT, shadow=(0, 0, 0))
            y += font.line_height + 2
        count = f"{self.index + 1}/{len(self.script.lines)}"
        font.draw(surface, f"{keys(self.hint)}   {count}", (box.right - 8, box.bottom - 13),
                  palette.UI_DIM, align="right")
        if not self.revealing and (self.app.time_ms // 400) % 2:
            pygame.draw.polygon(surface, colour, [(box.right - 14, box.bottom - 26),
                                                  (box.right - 8, box.bottom - 26),
                                                  (box.right - 11, box.bottom - 22)])
