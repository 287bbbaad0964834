"""The free camera of a wave level (and of the replay viewer): look anywhere by pushing
the mouse against a screen edge, dragging with the middle button or the keypad's arrows;
Home (or keypad 5) snaps back to following Elara. Presentation only:
it moves the view, never the simulation."""

from __future__ import annotations

import pygame

from game.input import action_for
from game.render.camera import Camera

PAN_PX_PER_S = 360  # keys and screen edges
EDGE_PX = 3  # logical pixels from a screen edge that scroll the view
KEY_DIRS = {"cam_up": (0, -1), "cam_down": (0, 1), "cam_left": (-1, 0), "cam_right": (1, 0)}


class FreeCamera:
    def __init__(self, camera: Camera, to_logical, bindings=None,
                 edge_scroll: bool = True) -> None:
        self.camera = camera
        self.to_logical = to_logical  # window pixels -> logical pixels
        self.bindings = bindings
        self.edge_scroll = edge_scroll
        self.free = False  # False: the camera follows Elara
        self.held: set[str] = set()
        self.mouse: tuple[int, int] | None = None  # logical, None when out of the window
        self.drag_from: tuple[int, int] | None = None
        self.snap = False

    def handle_event(self, event: pygame.event.Event) -> bool:
        """True when the event was the camera's (a middle-button drag or a camera key)."""
        if event.type == pygame.KEYDOWN:
            action = action_for(event.key, self.bindings)
            if action in KEY_DIRS:
                self.held.add(action)
                return True
            if action == "cam_home":
                self.home()
                return True
        elif event.type == pygame.KEYUP:
            action = action_for(event.key, self.bindings)
            if action in KEY_DIRS:
                self.held.discard(action)
                return True
        elif event.type == pygame.MOUSEMOTION:
            pos = self.to_logical(event.pos)
            if self.drag_from is not None:
                self.look_by(self.drag_from[0] - pos[0], self.drag_from[1] - pos[1])
                self.drag_from = pos
            self.mouse = pos
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 2:
            self.drag_from = self.to_logical(event.pos)
            return True
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 2:
            self.drag_from = None
            return True
        elif event.type in (pygame.WINDOWLEAVE, pygame.WINDOWFOCUSLOST):
            self.mouse = self.drag_from = None
            self.held.clear()
        return False

    def home(self) -> None:
        """Back to Elara: the next update centres the view on her, then follows."""
        self.free = False
        self.snap = True

    def look_by(self, dx: float, dy: float) -> None:
        if dx or dy:
            self.free = True
            self.camera.x += dx
            self.camera.y += dy
            self.camera._clamp()

    def look_at(self, x: float, y: float) -> None:
        """Centre the view on world pixel (x, y) and stay there."""
        self.free = True
        self.camera.snap_to(x, y)

    def update(self, follow: tuple[float, float], dt_ms: float = 1000 / 60) -> None:
        """Once per frame: pan by held keys and screen edges, else follow Elara."""
        dx = sum(KEY_DIRS[a][0] for a in self.held)
        dy = sum(KEY_DIRS[a][1] for a in self.held)
        if self.edge_scroll and self.mouse is not None and self.drag_from is None:
            mx, my = self.mouse
            w, h = self.camera.view_w, self.camera.screen_h
            if 0 <= mx < w and 0 <= my < h:
                dx += (mx >= w - EDGE_PX) - (mx < EDGE_PX)
                dy += (my >= h - EDGE_PX) - (my < EDGE_PX)
        step = PAN_PX_PER_S * min(dt_ms, 100) / 1000
        self.look_by(dx * step, dy * step)
        if self.snap and not self.free:
            self.camera.snap_to(*follow)
        elif not self.free:
            self.camera.follow(*follow, dt_ms)
        self.snap = False
