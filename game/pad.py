"""Gamepads through SDL's game controller API: plugged in and out while the game runs,
and turned into the key and mouse events the screens already understand, so every menu
and the play scene work with a pad without knowing it.

Menus ("menu" screens): D-pad or left stick move, A chooses, B goes back, Start chooses.
Play: left stick walks, A deposits, X builds a node, Y paints (hold), LB Rally, RB next
wave, LT/RT Kora's Aegis/Override, D-pad up/right build workshop-barrier/emitter,
D-pad down/left emitter mode/upgrade, Back restarts, Start pauses. The right stick moves
a cursor (a mouse pointer for the build preview and the aim); while placing or aiming,
A places at it and B cancels. On a wave level ("waves"): B sells the defence under the
cursor, Back fast-forwards, R3 brings the camera back to Elara; the cursor pushed
against a screen edge looks that way, and A on the minimap looks there.
"""

from __future__ import annotations

import contextlib

import pygame

try:
    from pygame._sdl2 import controller as sdl_controller
except ImportError:  # a pygame without SDL2's controller module: keyboard only
    sdl_controller = None

AXIS_MAX = 32767
STICK_ON = 0.5  # a stick past half way is a press
STICK_OFF = 0.3  # and back under a third lets go (no chatter at the edge)
TRIGGER_ON = 0.5
CURSOR_SPEED = 260  # logical pixels per second at full tilt
NOTICE_MS = 2500

B = pygame
MENU_BUTTONS = {
    B.CONTROLLER_BUTTON_DPAD_UP: B.K_UP, B.CONTROLLER_BUTTON_DPAD_DOWN: B.K_DOWN,
    B.CONTROLLER_BUTTON_DPAD_LEFT: B.K_LEFT, B.CONTROLLER_BUTTON_DPAD_RIGHT: B.K_RIGHT,
    B.CONTROLLER_BUTTON_A: B.K_RETURN, B.CONTROLLER_BUTTON_START: B.K_RETURN,
    B.CONTROLLER_BUTTON_B: B.K_ESCAPE, B.CONTROLLER_BUTTON_BACK: B.K_ESCAPE,
    # the extra keys of list screens: V (watch / verify a replay) and Tab (all replays)
    B.CONTROLLER_BUTTON_X: B.K_v, B.CONTROLLER_BUTTON_Y: B.K_TAB,
}
PLAY_BUTTONS = {
    B.CONTROLLER_BUTTON_A: "interact", B.CONTROLLER_BUTTON_X: "build",
    B.CONTROLLER_BUTTON_Y: "paint", B.CONTROLLER_BUTTON_LEFTSHOULDER: "rally",
    B.CONTROLLER_BUTTON_RIGHTSHOULDER: "call_wave",
    B.CONTROLLER_BUTTON_DPAD_UP: "build_workshop", B.CONTROLLER_BUTTON_DPAD_RIGHT: "build_3",
    B.CONTROLLER_BUTTON_DPAD_DOWN: "emitter_mode", B.CONTROLLER_BUTTON_DPAD_LEFT: "upgrade",
    B.CONTROLLER_BUTTON_BACK: "restart", B.CONTROLLER_BUTTON_START: "pause",
    B.CONTROLLER_BUTTON_LEFTSTICK: "choose_kind", B.CONTROLLER_BUTTON_RIGHTSTICK: "drop",
}
WAVE_BUTTONS = {  # over PLAY_BUTTONS on a wave level (drop, restart: not needed there)
    B.CONTROLLER_BUTTON_B: "sell", B.CONTROLLER_BUTTON_BACK: "fast_forward",
    B.CONTROLLER_BUTTON_RIGHTSTICK: "cam_home",
}
PLAY_CONTEXTS = ("play", "waves", "aim")  # the screens where the pad plays
PLAY_TRIGGERS = {B.CONTROLLER_AXIS_TRIGGERLEFT: "aegis",
                 B.CONTROLLER_AXIS_TRIGGERRIGHT: "override"}

# What the on-screen prompts call each action when the pad was used last.
GLYPHS = {
    "move": "left stick", "interact": "A", "build": "X", "paint": "Y", "rally": "LB",
    "call_wave": "RB", "aegis": "LT", "override": "RT", "build_workshop": "D-pad up",
    "build_3": "D-pad right", "emitter_mode": "D-pad down", "upgrade": "D-pad left",
    "restart": "Back", "pause": "Start", "click": "A", "cancel": "B", "point": "right stick",
    "next": "A", "skip": "B", "choose": "A", "back": "B",
    "up": "left stick up", "down": "left stick down", "left": "left stick left",
    "right": "left stick right", "choose_kind": "L3", "drop": "R3",
    "sell": "B", "fast_forward": "Back", "cam_home": "R3",
}
# What the Controls screen adds where a button does something else on a wave level.
WAVE_NOTE = {"restart": "Back (not on wave levels)", "drop": "R3 (not on wave levels)",
             "sell": "B (wave levels)", "fast_forward": "Back (wave levels)",
             "cam_home": "R3 (wave levels)", "cam_up": "cursor to the top edge",
             "cam_down": "cursor to the bottom edge", "cam_left": "cursor to the left edge",
             "cam_right": "cursor to the right edge"}


def _event(kind: int, **data) -> pygame.event.Event:
    return pygame.event.Event(kind, pad=True, **data)


def _key(down: bool, key: int) -> pygame.event.Event:
    return _event(pygame.KEYDOWN if down else pygame.KEYUP, key=key, mod=0, unicode="",
                  scancode=0)


class Pad:
    EVENTS = frozenset({pygame.CONTROLLERDEVICEADDED, pygame.CONTROLLERDEVICEREMOVED,
                        pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERBUTTONUP,
                        pygame.CONTROLLERAXISMOTION})

    def __init__(self, app) -> None:
        self.app = app
        self.controllers: dict[int, object] = {}  # instance id -> open controller
        self.axes: dict[int, float] = {}  # axis -> -1..1
        self.stick_dirs: set[str] = set()  # menu: directions pressed by the left stick
        self.walking: set[str] = set()  # play: directions sent as held keys
        self.triggers: set[str] = set()
        self.cursor = [320.0, 180.0]  # logical pixels
        self.notice = ""
        self.notice_ms = 0.0
        self._context: tuple[int, str] | None = None
        if sdl_controller is not None:
            with contextlib.suppress(pygame.error):
                sdl_controller.init()

    # -- hot-plug ----------------------------------------------------------------------
    def added(self, index: int) -> None:
        if sdl_controller is None:
            return self._say("Gamepad found, but this pygame cannot read it")
        try:
            pad = sdl_controller.Controller(index)
        except (pygame.error, IndexError, ValueError) as exc:
            return self._say(f"Gamepad found, but it could not be opened ({exc})")
        self.controllers[pad.id] = pad
        self._say(f"Gamepad connected: {pad.name}")

    def removed(self, instance_id: int) -> None:
        pad = self.controllers.pop(instance_id, None)
        if pad is not None:
            pad.quit()
        self._release_all()
        self._say("Gamepad disconnected")

    def _say(self, line: str) -> None:
        self.notice, self.notice_ms = line, NOTICE_MS

    # -- events ------------------------------------------------------------------------
    def context(self) -> str:
        scene = self.app.scene
        return getattr(scene, "pad_context", "menu") if scene is not None else "menu"

    def translate(self, event: pygame.event.Event) -> list[pygame.event.Event]:
        """The key/mouse events a controller event stands for on the current screen."""
        if event.type == pygame.CONTROLLERDEVICEADDED:
            self.added(event.device_index)
            return []
        if event.type == pygame.CONTROLLERDEVICEREMOVED:
            self.removed(event.instance_id)
            return []
        self.app.last_device = "pad"
        context = self.context()
        if event.type == pygame.CONTROLLERAXISMOTION:
            self.axes[event.axis] = max(-1.0, min(1.0, event.value / AXIS_MAX))
            return self._sticks(context)
        down = event.type == pygame.CONTROLLERBUTTONDOWN
        if context == "menu":
            key = MENU_BUTTONS.get(event.button)
            return [_key(True, key)] if down and key is not None else []
        if context == "aim" and event.button in (B.CONTROLLER_BUTTON_A, B.CONTROLLER_BUTTON_B):
            if not down:
                return []
            return [_event(pygame.MOUSEBUTTONDOWN, pos=self.app.to_window(self.cursor),
                           button=1 if event.button == B.CONTROLLER_BUTTON_A else 3,
                           touch=False, window=None)]
        action = (WAVE_BUTTONS.get(event.button) if context == "waves" else None) or \
            PLAY_BUTTONS.get(event.button)
        return self._action(action, down) if action else []

    def _action(self, action: str, down: bool) -> list[pygame.event.Event]:
        keys = self._bindings().get(action, ())
        return [_key(down, keys[0])] if keys else []

    def _bindings(self) -> dict[str, tuple[int, ...]]:
        mapper = getattr(self.app.scene, "input", None)
        from game.input import BINDINGS

        return getattr(mapper, "bindings", None) or BINDINGS

    def _sticks(self, context: str) -> list[pygame.event.Event]:
        out: list[pygame.event.Event] = []
        dirs = self._left_dirs(self.stick_dirs if context == "menu" else self.walking)
        if context == "menu":
            arrows = {"up": B.K_UP, "down": B.K_DOWN, "left": B.K_LEFT, "right": B.K_RIGHT}
            out += [_key(True, arrows[d]) for d in sorted(dirs - self.stick_dirs)]
            self.stick_dirs = dirs
            return out
        out += self._walk(dirs)
        for axis, action in PLAY_TRIGGERS.items():
            pressed = self.axes.get(axis, 0.0) > TRIGGER_ON
            if pressed != (action in self.triggers):
                self.triggers.symmetric_difference_update({action})
                out += self._action(action, pressed)
        return out

    def _left_dirs(self, current: set[str]) -> set[str]:
        x = self.axes.get(B.CONTROLLER_AXIS_LEFTX, 0.0)
        y = self.axes.get(B.CONTROLLER_AXIS_LEFTY, 0.0)
        dirs = set()
        for name, value in (("left", -x), ("right", x), ("up", -y), ("down", y)):
            if value > STICK_ON or (name in current and value > STICK_OFF):
                dirs.add(name)
        return dirs

    def _walk(self, dirs: set[str]) -> list[pygame.event.Event]:
        out = []
        for d in sorted(self.walking - dirs):
            out += self._action(d, False)
        for d in sorted(dirs - self.walking):
            out += self._action(d, True)
        self.walking = dirs
        return out

    def _release_all(self) -> None:
        for event in self._walk(set()):
            self.app.dispatch(event)
        self.axes.clear()
        self.stick_dirs.clear()
        self.triggers.clear()

    # -- per frame ---------------------------------------------------------------------
    def update(self, dt_ms: float) -> None:
        """Follow screen changes and glide the cursor with the right stick."""
        self.notice_ms = max(0.0, self.notice_ms - dt_ms)
        scene = self.app.scene
        context = (id(scene), self.context())
        if context != self._context:
            entering_aim = context[1] == "aim"
            self._context = context
            self.walking = set()  # the new screen holds nothing: send the stick again
            if context[1] in PLAY_CONTEXTS and self.axes:
                for event in self._sticks(context[1]):
                    self.app.dispatch(event)
            if entering_aim:  # show the preview where the cursor is
                self._point()
        if context[1] == "menu":
            return
        x = self.axes.get(B.CONTROLLER_AXIS_RIGHTX, 0.0)
        y = self.axes.get(B.CONTROLLER_AXIS_RIGHTY, 0.0)
        if abs(x) < 0.2 and abs(y) < 0.2:
            return
        step = CURSOR_SPEED * dt_ms / 1000
        w, h = self.app.screen.get_size()
        self.cursor[0] = min(max(0.0, self.cursor[0] + x * step), w - 1)
        self.cursor[1] = min(max(0.0, self.cursor[1] + y * step), h - 1)
        self._point()

    def _point(self) -> None:
        self.app.dispatch(_event(pygame.MOUSEMOTION, pos=self.app.to_window(self.cursor),
                                 rel=(0, 0), buttons=(0, 0, 0), touch=False, window=None))

    def draw(self, surface: pygame.Surface) -> None:
        """The cursor while the pad points (play), and plug/unplug notices."""
        font = self.app.font
        if self.app.last_device == "pad" and self.context() in PLAY_CONTEXTS:
            x, y = int(self.cursor[0]), int(self.cursor[1])
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                pygame.draw.line(surface, (0, 0, 0), (x + dx * 3, y + dy * 3),
                                 (x + dx * 6, y + dy * 6), 3)
                pygame.draw.line(surface, (255, 255, 255), (x + dx * 3, y + dy * 3),
                                 (x + dx * 6, y + dy * 6))
        if self.notice_ms > 0:
            from game.render import palette

            font.draw(surface, self.notice, (surface.get_width() // 2, 4),
                      palette.UI_ACCENT, shadow=(0, 0, 0), align="center")
