"""A camera that follows a point smoothly, with a small dead zone, clamped to the map.
Its stiffness is per 1/60 s and compounded over the frame's real length, so the camera
glides the same on a 60 Hz and a 240 Hz display."""

from __future__ import annotations


class Camera:
    def __init__(self, view_w: int, view_h: int, world_w: int, world_h: int) -> None:
        self.view_w, self.view_h = view_w, view_h
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
        """Integer top-left used for drawing (pixel art stays on the pixel grid)."""
        return round(self.x), round(self.y)

    def to_world(self, sx: float, sy: float) -> tuple[float, float]:
        ox, oy = self.offset
        return sx + ox, sy + oy
