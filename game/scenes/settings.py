"""Settings: timers shown, restart key, player name, replays, LiveSplit. Every change is
saved at once (atomically); the rows come from `game.settings.FIELDS`."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.app import App, Scene
from game.render import palette
from game.render.widgets import panel
from game.settings import FIELDS, store_for, valid_value
from game.speedrun import livesplit

EXPORT = "__export__"
BACK = "__back__"
FORBIDDEN_RESTART = (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER)


class SettingsScene(Scene):
    def __init__(self, app: App, on_close: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self.store = store_for(app)
        self.on_close = on_close
        self.rows = [*FIELDS, EXPORT, BACK]
        self.index = 0
        self.editing: str | None = None  # a text/number field being typed, or restart_key
        self.buffer = ""
        self.notice = ""
        self.notice_color = palette.UI_DIM
        self.rects: list[pygame.Rect] = []

    # -- actions ---------------------------------------------------------------------
    def close(self) -> None:
        self.app.pop()
        if self.on_close:
            self.on_close()

    def activate(self, step: int = 0) -> None:
        name = self.rows[self.index]
        if name == BACK:
            self.close()
        elif name == EXPORT:
            self.export()
        elif FIELDS[name].type is bool:
            self.set(name, not getattr(self.store.settings, name))
        elif step == 0:
            self.editing = name
            self.buffer = "" if name == "restart_key" else str(getattr(self.store.settings, name))

    def set(self, name: str, value: object) -> None:
        setattr(self.store.settings, name, value)
        problem = self.store.save()
        livesplit.driver_for(self.app)  # follow LiveSplit on/off/host/port changes
        self.notice, self.notice_color = (problem, palette.UI_BAD) if problem else ("", None)

    def commit_text(self) -> None:
        name, text = self.editing, self.buffer.strip()
        self.editing = None
        value: object = int(text) if FIELDS[name].type is int and text.isdigit() else text
        if not valid_value(name, value):
            self.notice, self.notice_color = f"{FIELDS[name].label}: {text!r} is not valid", \
                palette.UI_BAD
            return
        self.set(name, value)

    def export(self) -> None:
        from game.speedrun.export import export_all

        paths, problem = export_all(self.app)
        if problem:
            self.notice, self.notice_color = problem, palette.UI_BAD
        else:
            self.notice = f"Wrote {len(paths)} .lss file(s) to {paths[0].parent}" if paths \
                else "No levels to export"
            self.notice_color = palette.UI_GOOD

    # -- input -----------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and self.editing == "restart_key":
            if event.key == pygame.K_ESCAPE:
                self.editing = None
            elif event.key in FORBIDDEN_RESTART:
                self.notice, self.notice_color = "That key is taken by menus", palette.UI_BAD
            else:
                self.editing = None
                self.set("restart_key", pygame.key.name(event.key))
            return
        if event.type == pygame.KEYDOWN and self.editing:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.commit_text()
            elif event.key == pygame.K_ESCAPE:
                self.editing = None
            elif event.key == pygame.K_BACKSPACE:
                self.buffer = self.buffer[:-1]
            elif event.unicode and event.unicode.isprintable() and len(self.buffer) < 64:
                self.buffer += event.unicode
            return
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.close()
            elif event.key in (pygame.K_UP, pygame.K_w):
                self.index = (self.index - 1) % len(self.rows)
            elif event.key in (pygame.K_DOWN, pygame.K_s):
                self.index = (self.index + 1) % len(self.rows)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.activate()
            elif event.key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_a, pygame.K_d):
                self.activate(step=1)
        elif event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN) and not self.editing:
            pos = self.app.to_logical(event.pos)
            for i, rect in enumerate(self.rects):
                if rect.collidepoint(pos):
                    self.index = i
                    if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                        self.activate()

    def update(self) -> None:
        livesplit.poll(self.app)

    # -- drawing ---------------------------------------------------------------------
    def value_text(self, name: str) -> str:
        if name == self.editing:
            return "press a key (Esc: cancel)" if name == "restart_key" else self.buffer + "_"
        value = getattr(self.store.settings, name)
        if isinstance(value, bool):
            return "on" if value else "off"
        return value.upper() if name == "restart_key" else str(value)

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        font = self.app.font
        shade = pygame.Surface((w, h), pygame.SRCALPHA)
        shade.fill((*palette.UI_PANEL, 248))
        surface.blit(shade, (0, 0))
        font.draw(surface, "Settings", (w // 2, 8), palette.UI_ACCENT, scale=3,
                  shadow=(0, 0, 0), align="center")
        box = pygame.Rect(70, 40, w - 140, 14 * len(self.rows) + 34)
        panel(surface, box, alpha=220)
        self.rects = []
        y = box.y + 6
        for i, name in enumerate(self.rows):
            selected = i == self.index
            color = palette.UI_ACCENT if selected else palette.UI_TEXT
            label = {EXPORT: "Export LiveSplit splits (.lss)", BACK: "Back"}.get(
                name, FIELDS[name].label if name in FIELDS else name)
            font.draw(surface, ("> " if selected else "  ") + label, (box.x + 10, y), color,
                      shadow=(0, 0, 0))
            if name in FIELDS:
                font.draw(surface, self.value_text(name), (box.right - 10, y), color,
                          shadow=(0, 0, 0), align="right")
            self.rects.append(pygame.Rect(box.x, y - 1, box.width, 14))
            y += 14
        name = self.rows[self.index]
        doc = FIELDS[name].doc if name in FIELDS else ""
        font.draw(surface, doc, (w // 2, box.bottom - 24), palette.UI_DIM, align="center")
        status = self.livesplit_status()
        if status:
            font.draw(surface, status, (w // 2, box.bottom - 12), palette.UI_DIM,
                      align="center")
        if self.notice:
            font.draw(surface, self.notice, (w // 2, h - 30), self.notice_color or
                      palette.UI_TEXT, align="center")
        font.draw(surface, "Enter: change - Esc: back - saved as you go", (w // 2, h - 16),
                  palette.UI_DIM, align="center")

    def livesplit_status(self) -> str:
        current = getattr(self.app, "livesplit", None)
        if not self.store.settings.livesplit:
            return ""
        client = current[2] if current else None
        return f"LiveSplit: {client.status}" if client else "LiveSplit: on"
