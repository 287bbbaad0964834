"""Watch a replay: the recorded commands drive a fresh simulation, drawn like play.

Space pauses, Left/Right (or 1-4) pick ×1/×2/×4/×8, "." steps one tick while paused,
R rewinds to the start, Esc closes. The camera is the play scene's free camera (screen
edges, middle-drag, keypad arrows; Home back to Elara); wave levels show their wave panel, alerts
and a minimap that can be clicked. The state hashes in the file are checked as the
replay plays, so a desync shows on screen at the tick it happens.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.app import LOGICAL_SIZE, App, Scene
from game.audio import music_for_level
from game.audio.level import LevelAudio
from game.level import MapError, load_level
from game.render import palette
from game.render.alerts import Alerts
from game.render.camera import Camera
from game.render.effects import Effects
from game.render.hud import Hud, HudState, bars
from game.render.minimap import Minimap
from game.render.support_hud import ROW_H, civic_width
from game.render.tilemap import TileMapRenderer
from game.render.wave_hud import WaveHud, WaveUi
from game.render.widgets import panel
from game.render.world_view import WorldView
from game.scenes.free_camera import FreeCamera
from game.sim.constants import SUBPX, TILE_PX
from game.sim.world import Simulation
from game.speedrun.replay import Replay, ReplayError
from game.speedrun.timefmt import format_ticks
from game.speedrun.timer import TimerView
from game.speedrun.verify import find_map, read_replay

SPEEDS = (1, 2, 4, 8)
SPEED_KEYS = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3}


def open_viewer(app: App, path: Path, maps: list[Path] | None = None) -> str:
    """Push a viewer for the replay file; returns "" or why it cannot be shown."""
    try:
        replay = read_replay(path)
        map_path = find_map(replay.header, list(maps or []) + [Path(path).parent])
        level = load_level(map_path)
    except ReplayError as exc:
        return f"{path}: {exc.format()}"
    except MapError as exc:
        return exc.format()
    app.push(ReplayViewerScene(app, replay, level, Path(path).name))
    return ""


class ReplayViewerScene(Scene):
    def __init__(self, app: App, replay: Replay, level, name: str = "") -> None:
        super().__init__(app)
        self.replay = replay
        self.level = level
        self.music = music_for_level(level)
        self.name = name
        self.tiles = TileMapRenderer(level)
        self.hud = Hud(app.font)
        self.wave_hud = WaveHud(app.font)
        self.wave_ui = WaveUi(folded=True)  # Tab: the whole wave panel
        self.speed_index = 0
        self.paused = False
        self.rewind()

    @property
    def speed(self) -> int:
        return SPEEDS[self.speed_index]

    @property
    def finished(self) -> bool:
        return self.cursor >= len(self.replay.ticks)

    def rewind(self) -> None:
        old = getattr(self, "sim", None)
        if old is not None:
            old.close()
        self.sim = Simulation(self.level, self.replay.header["seed"],
                              carry=self.replay.header.get("carry"))
        self.view = WorldView(self.sim, self.tiles)
        self.camera = Camera(*LOGICAL_SIZE, self.level.width * TILE_PX,
                             self.level.height * TILE_PX,
                             *bars(self.sim, self.app.font, LOGICAL_SIZE[0]))
        pos = self.sim.player()[1]
        self.camera.snap_to(pos.x / SUBPX, pos.y / SUBPX)
        self.freecam = FreeCamera(self.camera, self.app.to_logical)
        self.waves = bool(self.sim.conf.table.wave_count)
        self.alerts = Alerts(self.sim, self.app.font)
        self.minimap = Minimap(self.sim, self.tiles) if self.waves else None
        if self.minimap is not None:  # in the bottom bar, as in the play scene
            self.minimap.place((4, self.app.screen.get_height() - 2))
            self.hud.left_reserve = self.minimap.rect.width + 6
            self.hud.right_reserve = self.wave_hud.menu_width(self.sim)
        self.effects = Effects(self.app.font)
        self.sound = LevelAudio(self.app.audio, self.sim)
        self.cursor = 0
        self.status = ""  # "" while playing; the verdict at the end or on a desync

    def step(self) -> None:
        if self.finished or self.status.startswith("desync"):
            return
        events = self.sim.step(self.replay.ticks[self.cursor])
        self.cursor += 1
        self.effects.on_events(events, self.sim)
        self.view.observe(events)  # the story's people on the map
        self.alerts.on_events(events)
        self.sound.on_events(events, self.camera)
        interval = self.replay.interval
        if self.cursor % interval == 0:
            want = self.replay.checkpoints[self.cursor // interval - 1] \
                if self.cursor // interval <= len(self.replay.checkpoints) else None
            if want != self.sim.state_hash():
                self.status = f"desync at tick {self.cursor}: this is not the recorded run"
        if self.finished and not self.status:
            ok = self.sim.state_hash() == self.replay.final["state_sha256"]
            igt = format_ticks(self.sim.igt_ticks)
            self.status = f"Finished {igt} - matches the recording" if ok else \
                "Finished - final state differs from the recording"

    # -- scene hooks -----------------------------------------------------------------
    def tick(self) -> None:
        if not self.paused:
            for _ in range(self.speed):
                self.step()

    def update(self) -> None:
        pos = self.sim.player()[1]
        self.freecam.update((pos.x / SUBPX, pos.y / SUBPX), self.app.dt_ms)
        self.effects.update(self.app.dt_ms)
        self.alerts.update()
        self.sound.update(self.camera, running=not self.paused and not self.finished)

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.freecam.handle_event(event):
            return
        if (event.type == pygame.MOUSEBUTTONDOWN and event.button == 1
                and self.minimap is not None):
            look = self.minimap.world_at(self.app.to_logical(event.pos))
            if look is not None:
                self.freecam.look_at(*look)
            return
        if event.type != pygame.KEYDOWN:
            return
        if event.key == pygame.K_ESCAPE:
            self.sim.close()
            self.app.pop()
        elif event.key in (pygame.K_SPACE, pygame.K_p):
            self.paused = not self.paused
        elif event.key == pygame.K_RIGHT:
            self.speed_index = min(len(SPEEDS) - 1, self.speed_index + 1)
        elif event.key == pygame.K_LEFT:
            self.speed_index = max(0, self.speed_index - 1)
        elif event.key in SPEED_KEYS:
            self.speed_index = SPEED_KEYS[event.key]
        elif event.key == pygame.K_PERIOD and self.paused:
            self.step()
        elif event.key == pygame.K_r:
            self.rewind()
        elif event.key == pygame.K_TAB:
            self.wave_ui.folded = not self.wave_ui.folded

    def draw(self, surface: pygame.Surface) -> None:
        offset = self.camera.offset
        surface.set_clip(self.camera.viewport)  # the world between the HUD's bars
        self.view.draw(surface, offset, self.app.time_ms)
        self.effects.draw(surface, offset)
        surface.set_clip(None)
        self.hud.draw(surface, self.sim, HudState(timer=TimerView(self.sim.igt_ticks)))
        if self.waves:
            self.alerts.draw(surface, offset, self.app.time_ms)
            self.wave_hud.strip_x = max(110, civic_width(self.sim, self.app.font) + 8)
            self.wave_hud.strip_y = self.camera.viewport.y - ROW_H
            self.wave_hud.draw(surface, self.sim, self.wave_ui, None)
            self.minimap.draw(surface, self.camera.world_view, self.app.time_ms)
        self._banner(surface)

    def _banner(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        font = self.app.font
        head = self.replay.header
        state = "PAUSED" if self.paused else f"x{self.speed}"
        top = (f"REPLAY {state}   {head.get('player', '?')} - {head.get('category', '?')}"
               f" - {head.get('date', '')[:10]}   tick {self.cursor}/{len(self.replay.ticks)}")
        keys = ("Space: pause · Left/Right: speed · period: one step · R: rewind · keypad/Home: "
                "view · Tab: waves · Esc: close")
        width = max(font.size(top)[0], font.size(keys)[0]) + 16
        rect = pygame.Rect(0, 0, width, 2 * font.line_height + 8)
        rect.midbottom = (w // 2, h - 2)
        panel(surface, rect, alpha=235, border=palette.UI_ACCENT)
        font.draw(surface, top, (w // 2, rect.y + 3), palette.UI_ACCENT, shadow=(0, 0, 0),
                  align="center")
        font.draw(surface, keys, (w // 2, rect.y + 3 + font.line_height), palette.UI_DIM,
                  align="center")
        if self.status:
            color = palette.UI_GOOD if "matches" in self.status else palette.UI_BAD
            text_w = font.size(self.status, 2)[0] + 16
            box = pygame.Rect(0, 0, text_w, 26)
            box.center = (w // 2, h // 2 - 40)
            panel(surface, box, alpha=235, border=color)
            font.draw(surface, self.status, (w // 2, box.y + 4), color, scale=2,
                      shadow=(0, 0, 0), align="center")
