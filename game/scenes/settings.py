"""Settings: a list of pages (Display, Controls, Game, Speedrun and LiveSplit, and any
page a field of `game.settings.FIELDS` names), each a list of that page's fields.
Every change is saved at once (atomically) and applied live. Esc or B steps back one
screen. Controls has its own screen (`game.scenes.controls`)."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.app import App, Scene
from game.audio import ui
from game.content.text import keys
from game.render import palette
from game.render.widgets import list_choice, panel
from game.settings import FIELDS, PAGES, valid_value

EXPORT = "__export__"
BACK = "__back__"
FORBIDDEN_RESTART = (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_F11,
                     pygame.K_F5, pygame.K_TAB)
DISPLAY_FIELDS = ("fullscreen", "scaling", "vsync")  # reopen the window when changed
ROW_H = 14


def pages() -> list[str]:
    """Pages in order: the known ones, then any other a field names."""
    names = [p for p in PAGES if any(f.page == p for f in FIELDS.values())]
    return names + sorted({f.page for f in FIELDS.values()} - set(names))


def page_title(page: str) -> str:
    return PAGES.get(page, page.replace("_", " ").capitalize())


def draw_frame(scene: Scene, surface: pygame.Surface, heading: str, rows: int,
               footer: str, row_h: int = ROW_H, extra: int = 34) -> pygame.Rect:
    """The shaded backdrop, heading, panel for `rows` rows and footer; the panel."""
    w, h = surface.get_size()
    font = scene.app.font
    shade = pygame.Surface((w, h), pygame.SRCALPHA)
    shade.fill((*palette.UI_PANEL, 248))
    surface.blit(shade, (0, 0))
    font.draw(surface, heading, (w // 2, 8), palette.UI_ACCENT, scale=3, shadow=(0, 0, 0),
              align="center")
    box = pygame.Rect(70, 40, w - 140, row_h * rows + extra)
    panel(surface, box, alpha=220)
    font.draw(surface, keys(footer), (w // 2, h - 16), palette.UI_DIM, align="center")
    return box


class SettingsScene(Scene):
    """The first Settings screen: one row per page."""

    def __init__(self, app: App, on_close: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self.on_close = on_close
        self.rows = [*pages(), BACK]
        self.index = 0
        self.rects: list[pygame.Rect] = []

    def close(self) -> None:
        self.app.pop()
        if self.on_close:
            self.on_close()

    def open(self, page: str) -> None:
        if page == "controls":
            from game.scenes.controls import ControlsScene

            self.app.push(ControlsScene(self.app))
        else:
            self.app.push(SettingsPage(self.app, page))

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close()
            return
        self.index, chosen = list_choice(event, self.index, len(self.rows), self.rects,
                                         self.app.to_logical)
        if chosen:
            name = self.rows[self.index]
            self.close() if name == BACK else self.open(name)

    def draw(self, surface: pygame.Surface) -> None:
        box = draw_frame(self, surface, "Settings", len(self.rows),
                         "<choose>: open · <back>: back · saved as you go", extra=10)
        self.rects = []
        y = box.y + 6
        for i, name in enumerate(self.rows):
            selected = i == self.index
            label = "Back" if name == BACK else page_title(name)
            self.app.font.draw(surface, ("> " if selected else "  ") + label,
                               (box.x + 10, y), palette.UI_ACCENT if selected else
                               palette.UI_TEXT, shadow=(0, 0, 0))
            self.rects.append(pygame.Rect(box.x, y - 1, box.width, ROW_H))
            y += ROW_H


class SettingsPage(Scene):
    """One page of fields: toggles, choices, numbers and text, the restart key."""

    def __init__(self, app: App, page: str) -> None:
        super().__init__(app)
        self.store = app.services.settings
        self.page = page
        extra = [EXPORT] if page == "speedrun" else []
        self.rows = [n for n, f in FIELDS.items() if f.page == page and f.type is not dict]
        self.rows += [*extra, BACK]
        self.index = 0
        self.editing: str | None = None  # a text/number field being typed, or restart_key
        self.buffer = ""
        self.notice = ""
        self.notice_color = palette.UI_DIM
        self.rects: list[pygame.Rect] = []

    # -- actions ---------------------------------------------------------------------
    def close(self) -> None:
        self.app.pop()

    def activate(self, step: int = 0) -> None:
        name = self.rows[self.index]
        if name == BACK:
            self.close()
        elif name == EXPORT:
            self.export()
        elif FIELDS[name].type is bool:
            self.set(name, not getattr(self.store.settings, name))
        elif FIELDS[name].choices:
            options = FIELDS[name].choices
            at = options.index(getattr(self.store.settings, name))
            self.set(name, options[(at + (step or 1)) % len(options)])
        elif FIELDS[name].step and step:
            spec = FIELDS[name]
            value = getattr(self.store.settings, name) + step * spec.step
            self.set(name, min(max(value, spec.minimum or 0), spec.maximum or value))
        elif step == 0:
            self.editing = name
            self.buffer = "" if name == "restart_key" else str(getattr(self.store.settings, name))

    def set(self, name: str, value: object) -> None:
        setattr(self.store.settings, name, value)
        problem = self.store.save()
        if name in DISPLAY_FIELDS:
            self.app.apply_display_settings()
        if name.endswith("_volume"):  # heard at once: the next frame mixes at this level
            self.app.audio.play("menu_move")
        self.app.services.livesplit()  # follow LiveSplit on/off/host/port changes
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
                ui("menu_move")
            elif event.key in (pygame.K_DOWN, pygame.K_s):
                self.index = (self.index + 1) % len(self.rows)
                ui("menu_move")
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.activate()
            elif event.key in (pygame.K_LEFT, pygame.K_a):
                self.activate(step=-1)
            elif event.key in (pygame.K_RIGHT, pygame.K_d):
                self.activate(step=1)
        elif event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN) and not self.editing:
            pos = self.app.to_logical(event.pos)
            for i, rect in enumerate(self.rects):
                if rect.collidepoint(pos):
                    self.index = i
                    if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                        self.activate()

    def update(self) -> None:
        self.app.services.poll()

    # -- drawing ---------------------------------------------------------------------
    def value_text(self, name: str) -> str:
        if name == self.editing:
            return "press a key (Esc: cancel)" if name == "restart_key" else self.buffer + "_"
        value = getattr(self.store.settings, name)
        if isinstance(value, bool):
            return "on" if value else "off"
        if name == "frame_cap" and value != "uncapped":
            return f"{value} fps"
        if name.endswith("_volume"):
            return f"{value} %"
        return value.upper() if name == "restart_key" else str(value)

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        font = self.app.font
        box = draw_frame(self, surface, page_title(self.page), len(self.rows),
                         "<choose>: change · <back>: back · saved as you go")
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
                value = self.value_text(name)
                if FIELDS[name].choices or FIELDS[name].step:
                    value = f"< {value} >"
                font.draw(surface, value, (box.right - 10, y), color, shadow=(0, 0, 0),
                          align="right")
            self.rects.append(pygame.Rect(box.x, y - 1, box.width, ROW_H))
            y += ROW_H
        name = self.rows[self.index]
        doc = FIELDS[name].doc if name in FIELDS else ""
        font.draw(surface, doc, (w // 2, box.bottom - 24), palette.UI_DIM, align="center")
        status = self.livesplit_status()
        if status and self.page == "speedrun":
            font.draw(surface, status, (w // 2, box.bottom - 12), palette.UI_DIM,
                      align="center")
        if self.notice:
            font.draw(surface, self.notice, (w // 2, h - 30), self.notice_color or
                      palette.UI_TEXT, align="center")

    def livesplit_status(self) -> str:
        if not self.store.settings.livesplit:
            return ""
        client = self.app.services.livesplit_client
        return f"LiveSplit: {client.status}" if client else "LiveSplit: on"
