"""Playing a level: input → commands → simulation; camera, world, effects and HUD."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.app import LOGICAL_SIZE, App, Scene
from game.audio import music_for_level
from game.audio.level import LevelAudio
from game.input import InputMapper, bindings_for
from game.level.data import LevelData
from game.render.build_preview import draw_build_preview, refusal_text
from game.render.camera import Camera
from game.render.effects import Effects
from game.render.ghost_view import draw_ghost
from game.render.guide import Guide
from game.render.hud import Hud, HudState, bars
from game.render.support_hud import event_message
from game.render.tilemap import TileMapRenderer
from game.render.world_view import WorldView
from game.scenes.bag_controls import BagControls
from game.scenes.civic_hints import hints_for
from game.scenes.confront_controls import ConfrontControls
from game.scenes.custom_maps import HotReload
from game.scenes.free_camera import FreeCamera
from game.scenes.story import StoryHooks
from game.sim import events as ev
from game.sim.constants import SUBPX, TILE_PX
from game.sim.state import PLAYING
from game.sim.world import Simulation
from game.speedrun.run import Run

MESSAGE_MS = 2500
RESULTS_DELAY_MS = 1250  # let the win land visually before the results screen


class PlayScene(Scene):
    def __init__(self, app: App, level: LevelData, seed: int | None = None,
                 run: Run | None = None, carry: dict | None = None,
                 ghost: Path | None = None) -> None:
        super().__init__(app)
        self.ghost_path = ghost  # a replay to race (play --ghost); else the PB if set
        self.ghost = None
        self.carry = carry  # campaign carry-in from earlier levels (game/campaign/carry.py)
        self.level = level
        self.music = music_for_level(level)
        self.seed = level.seed if seed is None else seed
        self.tiles = TileMapRenderer(level)  # baked once, reused by restarts
        self.hud = Hud(app.font)
        # the speedrun around this level: timers, replay recording, splits, LiveSplit
        self.run = run or Run.single(app, level.path, seed, level.seed)
        self.input = InputMapper(bindings_for(app.services.settings.settings))
        self.mouse_tile: tuple[int, int] | None = None
        self.hot_reload = HotReload()  # F5: reload the map from disk (map makers)
        self.start()

    def start(self) -> None:
        """(Re)start the level from its exact initial state."""
        old = getattr(self, "sim", None)
        if old is not None:
            old.close()
        self.sim = Simulation(self.level, self.seed, carry=self.carry)
        self.view = WorldView(self.sim, self.tiles)
        self.camera = Camera(*LOGICAL_SIZE, self.level.width * TILE_PX,
                             self.level.height * TILE_PX,
                             *bars(self.sim, self.app.font, LOGICAL_SIZE[0]))
        pos = self.sim.player()[1]
        self.camera.snap_to(pos.x / SUBPX, pos.y / SUBPX)
        self.effects = Effects(self.app.font)
        self.sound = LevelAudio(self.app.audio, self.sim)  # cues, drone hum, spray loop
        self.confront = ConfrontControls(self)  # waves, defences, Kora (wave levels)
        # wave levels: look anywhere (edges, middle-drag, keypad), Home back to Elara
        self.freecam = FreeCamera(self.camera, self.app.to_logical, self.input.bindings,
                                  edge_scroll=self.confront.active)
        self.tutorial = hints_for(self.sim)  # level 1's tutorial, or the civic hints
        self.ui = HudState()
        self.input.reset()
        self.bag = BagControls(self)  # what E puts in and X drops; what is in reach
        self.guide = Guide(self.sim, self.app.font)  # civic levels: the next step
        self.won_ms = 0.0
        self.run.begin_level(self.sim)
        self._start_ghost()
        self.story = StoryHooks(self.app, self.level)  # dialogue at triggers, profile

    def _start_ghost(self) -> None:
        """The replay this attempt races, re-simulated from its own start: the file
        given to `play --ghost`, or with Settings > Ghost on, this level's PB."""
        from game.speedrun.ghost import Ghost

        if self.ghost is not None:
            self.ghost.close()
            self.ghost = None
        path = self.ghost_path
        if path is None and self.app.services.settings.settings.ghost:
            path = self.run.ghost_replay()
        if path is not None and Path(path).is_file():
            self.ghost, problem = Ghost.load(Path(path), self.level)
            if problem:
                self.ui.message, self.ui.message_good = f"No ghost: {problem}", False
                self.ui.message_ms = MESSAGE_MS

    def apply_settings(self) -> None:
        """Settings changed (pause > settings): the keys; the HUD reads them live."""
        self.input.bindings = bindings_for(self.app.services.settings.settings)
        self.freecam.bindings = self.input.bindings
        self.input.held.clear()

    # -- input -------------------------------------------------------------------------
    @property
    def pad_context(self) -> str:
        """For the gamepad (game/pad.py): placing or aiming needs its cursor, and so does
        the minimap under it (A looks there); a wave level has buttons of its own."""
        if self.ui.build_mode or self.confront.ui.aiming or self.confront.over_minimap():
            return "aim"
        return "waves" if self.confront.active else "play"

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == HotReload.KEY:
            self.hot_reload.reload(self)
            return
        if self.confront.active and self.freecam.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_TAB and self.confront.fold():
            return
        if event.type == pygame.KEYDOWN:
            action = self.input.key_down(event.key)
            if self.confront.action(action):  # build menu, abilities, waves
                return
            if self.bag.action(action):  # E, X, Tab: a word when there is nothing to do
                return
            if action == "pause":
                if self.ui.build_mode:
                    self.ui.build_mode = False
                else:
                    self._pause()
            elif action in ("build", "build_workshop"):
                kind = "workshop" if action == "build_workshop" else "node"
                self.ui.build_mode = not (self.ui.build_mode and self.ui.build_kind == kind)
                self.ui.build_kind = kind
            elif action == "restart":
                self.start()
        elif event.type == pygame.KEYUP:
            self.input.key_up(event.key)
        elif event.type == pygame.MOUSEMOTION:
            self.mouse_tile = self._tile_at(event.pos)
        elif event.type == pygame.MOUSEBUTTONDOWN:
            self._click(event)
        elif event.type == pygame.MOUSEWHEEL:
            self.bag.wheel(event)
        elif event.type in (pygame.WINDOWFOCUSLOST, pygame.WINDOWLEAVE):
            self.input.held.clear()
            if event.type == pygame.WINDOWFOCUSLOST and self.sim.outcome == PLAYING and \
                    self.app.settings.pause_on_focus_loss:
                self._pause()  # no ticks under the pause menu: the IGT stops too

    def _tile_at(self, window_pos: tuple[int, int]) -> tuple[int, int]:
        lx, ly = self.app.to_logical(window_pos)
        wx, wy = self.camera.to_world(lx, ly)
        return int(wx // TILE_PX), int(wy // TILE_PX)

    def _click(self, event: pygame.event.Event) -> None:
        logical = self.app.to_logical(event.pos)
        if self.confront.click(event):  # aiming one of Kora's abilities
            return
        if event.button == 1 and self.hud.build_button.collidepoint(logical):
            self.ui.build_mode = not self.ui.build_mode
            return
        if event.button == 3:
            self.ui.build_mode = False
            return
        if event.button == 1 and self.ui.build_mode:
            tx, ty = self._tile_at(event.pos)
            self.mouse_tile = (tx, ty)
            self.input.build(self.ui.build_kind, tx, ty)

    def _pause(self) -> None:
        from game.scenes.pause import PauseScene

        self.input.held.clear()
        self.app.push(PauseScene(self.app, self))

    # -- simulation --------------------------------------------------------------------
    def tick(self) -> None:
        # fast-forward (wave levels, between waves) only runs more ticks: IGT is ticks
        for i in range(self.confront.ticks_per_tick()):
            if self.sim.outcome != PLAYING or (i and self.app.scene is not self):
                return  # decided, or a story scene stopped the level
            commands = self.input.commands()
            self.pending = commands  # a crash report's replay ends with the tick that crashed
            events = self.sim.step(commands)
            if self.ghost is not None:
                self.ghost.step()  # its own world: the live run is never touched
            self.run.on_tick(self.sim, commands)  # records the replay, splits, LiveSplit
            self.pending = None
            self.story.finished(self)  # the profile, once the outcome is decided
            self._on_events(events)

    def _on_events(self, events: list[ev.Event]) -> None:
        self.effects.on_events(events, self.sim)
        self.view.observe(events)  # the story's people on the map
        self.sound.on_events(events, self.camera)
        self.confront.on_events(events)
        for e in events:
            if e.kind == ev.BUILD_REFUSED:
                self.ui.message = refusal_text(self.sim, e.data["reason"], e.data["kind"])
                self.ui.message_ms, self.ui.message_good = MESSAGE_MS, False
            elif (said := event_message(e)) is not None:  # smears, Rally, murals
                self.ui.message, self.ui.message_good = said
                self.ui.message_ms = MESSAGE_MS
            elif e.kind == ev.BUILT:
                self.ui.build_mode = False
        if events:
            self.tutorial.observe(self.sim)
        self.story.on_events(self, events)  # triggers: dialogue over a paused level

    def update(self) -> None:
        self.app.services.poll()
        pos = self.sim.player()[1]
        dt_ms = self.app.dt_ms  # presentation timers count time, not frames
        self.freecam.update((pos.x / SUBPX, pos.y / SUBPX), dt_ms)  # Elara, unless freed
        self.effects.update(dt_ms)
        self.sound.update(self.camera, running=self.sim.outcome == PLAYING)
        self.ui.hint = self.tutorial.hint()
        self.guide.chosen = self.input.kind  # its 'drop' names the key that drops it
        self.guide.update()
        self.confront.update()
        self.ui.message_ms = max(0.0, self.ui.message_ms - dt_ms)
        if self.sim.outcome != PLAYING:
            was, self.won_ms = self.won_ms, self.won_ms + dt_ms
            if was < RESULTS_DELAY_MS <= self.won_ms:
                from game.scenes.results import ResultsScene

                self.story.then_results(  # the closing scene first, when won
                    self, lambda: self.app.push(ResultsScene(self.app, self)))

    # -- drawing -----------------------------------------------------------------------
    def hud_rects(self) -> list[pygame.Rect]:
        """Every HUD panel drawn in the last frame (logical pixels)."""
        return [*self.hud.rects, *self.confront.ui.rects]

    def draw(self, surface: pygame.Surface) -> None:
        offset = self.confront.offset(self.camera.offset)  # shaken when a mural is hit
        surface.set_clip(self.camera.viewport)  # the world between the HUD's bars
        self.view.draw(surface, offset, self.app.time_ms)
        if self.ghost is not None:
            draw_ghost(surface, self.view.elara, self.ghost.pose(), self.view.hitbox_h,
                       offset, self.app.time_ms)
        self.confront.draw_world(surface, offset, self.app.time_ms)
        self.bag.draw_world(surface, offset, self.app.time_ms)
        self.guide.draw(surface, offset, self.app.time_ms)
        self.effects.draw(surface, offset)
        self.view.elara_on_top(surface)  # no mark, label or word hides her (the aim may)
        if self.ui.build_mode and self.mouse_tile is not None:
            draw_build_preview(surface, self.app.font, self.sim, self.mouse_tile, offset,
                               self.app.time_ms, self.ui.build_kind)
        surface.set_clip(None)
        self.ui.timer = self.run.timer_view(self.sim)
        self.ui.kind = self.input.kind
        # a defence's panel (wave levels) in the bottom bar; none under a dialogue, which
        # covers the bar and must read clean
        self.ui.inspecting = self.app.scene is self and self.confront.inspecting()
        self.hud.draw(surface, self.sim, self.ui)
        self.confront.draw_hud(surface, offset)
        self.hot_reload.draw(surface, self.app.font, self.app.time_ms)
