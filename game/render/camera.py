"""A camera that follows a point smoothly, with a small dead zone, clamped to the map.
Its stiffness is per 1/60 s and compounded over the frame's real length, so the camera
glides the same on a 60 Hz and a 240 Hz display. With HUD bars (`top`, `bottom`) the
world is framed between them: the view is the screen less the bars, and every part of
the map can be brought into it."""

from __future__ import annotations

import pygame


class Camera:
    def __init__(self, view_w: int, view_h: int, world_w: int, world_h: int,
                 top: int = 0, bottom: int = 0) -> None:
        self.screen_h = view_h
        self.top = top  # screen rows above the world's view (the HUD's top bar)
        self.view_w, self.view_h = view_w, view_h - top - bottom
        self.world_w, self.world_h = world_w, world_h
        self.x = 0.0  # top-left of the view, in world pixels
        self.y = 0.0
        self.dead_zone = (24, 16)
        self.stiffness = 0.18  # fraction of the remaining distance closed per 1/60 s
        self.shake = 0.0

    def snap_to(self, cx: float, cy: float) -> None:
        self.x, self.y = cx - self.view_w / 2, cy - self.view_h / 2
        self._clamp()

    def follow(self, cx: float, cy: float, dt_ms: float = 1000 / 60) -> None:
        dzx, dzy = self.dead_zone
        tx = self.x
        ty = self.y
        center_x, center_y = self.x + self.view_w / 2, self.y + self.view_h / 2
        if cx > center_x + dzx:
            tx = cx - dzx - self.view_w / 2
        elif cx < center_x - dzx:
            tx = cx + dzx - self.view_w / 2
        if cy > center_y + dzy:
            ty = cy - dzy - self.view_h / 2
        elif cy < center_y - dzy:
            ty = cy + dzy - self.view_h / 2
        closed = 1 - (1 - self.stiffness) ** (dt_ms * 60 / 1000)
        self.x += (tx - self.x) * closed
        self.y += (ty - self.y) * closed
        self._clamp()

    def _clamp(self) -> None:
        for axis, view, world in (("x", self.view_w, self.world_w), ("y", self.view_h,
                                                                      self.world_h)):
            if world <= view:
                setattr(self, axis, (world - view) / 2)
            else:
                setattr(self, axis, min(max(getattr(self, axis), 0.0), float(world - view)))

    @property
    def offset(self) -> tuple[int, int]:
        """Integer world pixel drawn at the screen's top-left (pixel art stays on the
        pixel grid); the view's top-left world pixel is drawn `top` rows lower."""
        return round(self.x), round(self.y) - self.top

    @property
    def viewport(self) -> pygame.Rect:
        """Where the world is drawn on the screen (between the HUD's bars)."""
        return pygame.Rect(0, self.top, self.view_w, self.view_h)

    @property
    def world_view(self) -> pygame.Rect:
        """The part of the world in view, in world pixels."""
        return pygame.Rect(round(self.x), round(self.y), self.view_w, self.view_h)

    def to_world(self, sx: float, sy: float) -> tuple[float, float]:
        ox, oy = self.offset
        return sx + ox, sy + oy
