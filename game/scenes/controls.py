"""Settings > Controls: every action's keys (up to three) and its gamepad button.

Enter on a slot waits for a key; a key already doing something else is refused with
the name of that action (change that one first), and keys menus need (Esc, Enter, Tab,
F5, F11) are never taken. Backspace clears a slot. "Reset to defaults" forgets every
change. Saved at once, atomically; the play scene reads the bindings when it resumes.
"""

from __future__ import annotations

import pygame

from game.app import App, Scene
from game.audio import ui
from game.input import ACTIONS, BINDINGS, RESERVED, bindings_for, conflict, key_name
from game.pad import GLYPHS, WAVE_NOTE
from game.prompts import key_label
from game.render import palette
from game.scenes.settings import draw_frame
from game.settings import MAX_KEYS_PER_ACTION

RESET = "__reset__"
BACK = "__back__"
ROW_H = 12
COLUMNS = (196, 248, 300)  # x of each key slot, from the panel's left
PAD_X = 352
VISIBLE = 21  # rows shown at once; the list scrolls with the selection


class ControlsScene(Scene):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.store = app.services.settings
        self.rows = [*ACTIONS, RESET, BACK]
        self.index = 0
        self.slot = 0
        self.waiting = False  # for the key to put in the slot
        self.notice = ""
        self.notice_color = palette.UI_DIM
        self.rects: list[pygame.Rect] = []
        self.top = 0  # the first row shown

    # -- the bindings ------------------------------------------------------------------
    def current(self) -> dict[str, tuple[int, ...]]:
        return bindings_for(self.store.settings)

    def fixed(self, action: str, slot: int) -> str:
        """Why this slot cannot change, or ""."""
        if action == "pause" and slot == 0:
            return "Esc always pauses"
        if action == "restart" and slot > 0:
            return "Restart has one key"
        return ""

    def assign(self, action: str, slot: int, key: int | None) -> None:
        """Put `key` (None: nothing) in the slot, if no other action has it."""
        if key is not None:
            if key in RESERVED:
                return self._say(f"{key_label(key)} is kept for menus", bad=True)
            other = conflict(self.current(), action, key)
            if other:
                return self._say(f"{key_label(key)} already does {ACTIONS[other]}: "
                                 "change that first", bad=True)
        keys = list(self.current()[action])
        if slot < len(keys):
            keys[slot] = key
        elif key is not None:
            keys.append(key)
        keys = [k for k in keys if k is not None]
        settings = self.store.settings
        if action == "restart":
            if key is None:
                return self._say("Restart needs a key", bad=True)
            settings.restart_key = key_name(key)
        else:
            names = [key_name(k) for k in keys if k != pygame.K_ESCAPE]
            settings.keys = {**settings.keys, action: names[:MAX_KEYS_PER_ACTION]}
        self._saved(f"{ACTIONS[action]}: " + (", ".join(key_label(k) for k in keys) or
                                              "no key"))

    def reset(self) -> None:
        self.store.settings.keys = {}
        self.store.settings.restart_key = "r"
        self._saved("Every key is back to its default")

    def _saved(self, line: str) -> None:
        problem = self.store.save()
        self._say(problem or line, bad=bool(problem))

    def _say(self, line: str, bad: bool = False) -> None:
        self.notice = line
        self.notice_color = palette.UI_BAD if bad else palette.UI_GOOD

    # -- input -------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> None:
        if self.waiting:
            if event.type == pygame.KEYDOWN and getattr(event, "pad", False) and \
                    event.key != pygame.K_ESCAPE:
                return  # a pad button is not a key to bind (B still cancels)
            if event.type == pygame.KEYDOWN:
                self.waiting = False
                if event.key == pygame.K_ESCAPE:
                    self._say("Unchanged")
                else:
                    self.assign(self.rows[self.index], self.slot, event.key)
            return
        if event.type == pygame.KEYDOWN:
            self.key(event.key)
        elif event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN):
            self.mouse(event)

    def key(self, key: int) -> None:
        name = self.rows[self.index]
        if key == pygame.K_ESCAPE:
            self.app.pop()
        elif key in (pygame.K_UP, pygame.K_w):
            self.index = (self.index - 1) % len(self.rows)
            ui("menu_move")
        elif key in (pygame.K_DOWN, pygame.K_s):
            self.index = (self.index + 1) % len(self.rows)
            ui("menu_move")
        elif key in (pygame.K_LEFT, pygame.K_a):
            self.slot = max(0, self.slot - 1)
        elif key in (pygame.K_RIGHT, pygame.K_d):
            self.slot = min(MAX_KEYS_PER_ACTION - 1, self.slot + 1)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.choose(name)
        elif key in (pygame.K_BACKSPACE, pygame.K_DELETE) and name in ACTIONS:
            why = self.fixed(name, self.slot)
            self._say(why, bad=True) if why else self.assign(name, self.slot, None)

    def choose(self, name: str) -> None:
        if name == BACK:
            self.app.pop()
        elif name == RESET:
            self.reset()
        elif why := self.fixed(name, self.slot):
            self._say(why, bad=True)
        else:
            self.waiting = True

    def mouse(self, event: pygame.event.Event) -> None:
        x, y = self.app.to_logical(event.pos)
        for i, rect in enumerate(self.rects, start=self.top):
            if rect.collidepoint(x, y):
                self.index = i
                for slot, cx in enumerate(COLUMNS):
                    if rect.x + cx - 4 <= x < rect.x + cx + 58:
                        self.slot = slot
                if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                    self.choose(self.rows[i])

    # -- drawing -----------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        font = self.app.font
        footer = "Arrows: choose a slot · <choose>: set · Backspace: clear · <back>: back"
        shown = min(VISIBLE, len(self.rows))
        box = draw_frame(self, surface, "Controls", shown + 1, footer, ROW_H, 10)
        self.top = min(max(self.top, self.index - shown + 1), self.index)
        bindings = self.current()
        y = box.y + 5
        for label, x in (("Action", 10), *(
                (f"Key {n + 1}", cx) for n, cx in enumerate(COLUMNS)), ("Gamepad", PAD_X)):
            font.draw(surface, label, (box.x + x, y), palette.UI_DIM)
        y += ROW_H + 2
        self.rects = []
        if shown < len(self.rows):  # the list scrolls as the selection moves
            font.draw(surface, f"Rows {self.top + 1}-{self.top + shown} of {len(self.rows)}",
                      (box.x + 10, box.bottom + 2), palette.UI_DIM)
        for i, name in enumerate(self.rows[self.top:self.top + shown], start=self.top):
            selected = i == self.index
            color = palette.UI_ACCENT if selected else palette.UI_TEXT
            label = ACTIONS.get(name) or {RESET: "Reset to defaults", BACK: "Back"}[name]
            font.draw(surface, ("> " if selected else "  ") + label, (box.x + 10, y), color,
                      shadow=(0, 0, 0))
            if name in ACTIONS:
                self._slots(surface, box, y, name, bindings[name], selected)
                pad = WAVE_NOTE.get(name) or GLYPHS.get(name, "")
                font.draw(surface, pad, (box.x + PAD_X, y), palette.UI_DIM)
            self.rects.append(pygame.Rect(box.x, y - 1, box.width, ROW_H))
            y += ROW_H
        if self.notice:
            font.draw(surface, self.notice, (w // 2, h - 30), self.notice_color,
                      align="center")

    def _slots(self, surface, box, y, action, keys, selected) -> None:
        font = self.app.font
        for slot, cx in enumerate(COLUMNS):
            text = key_label(keys[slot]) if slot < len(keys) else "-"
            here = selected and slot == self.slot
            if here and self.waiting:
                text = "press a key"
            color = palette.UI_ACCENT if here else (
                palette.UI_DIM if self.fixed(action, slot) else palette.UI_TEXT)
            if here:
                rect = pygame.Rect(box.x + cx - 3, y - 2, 60, ROW_H)
                pygame.draw.rect(surface, palette.UI_ACCENT, rect, 1)
            font.draw(surface, text, (box.x + cx, y), color, shadow=(0, 0, 0))


assert set(ACTIONS) == set(BINDINGS), "every action has a name on the Controls screen"
