"""The play scene's confrontation controls: the wave level's build menu (1 node,
2 barrier, 3 emitter), Kora's abilities aimed with the mouse, calling the next wave,
emitter mode and upgrade, selecting and selling defences, fast-forward between waves,
folding the panels; plus the swarm's view, effects, alerts, minimap and HUD. Inert on
levels without waves, so the play scene can always hold one."""

from __future__ import annotations

import pygame

from game.content.text import t
from game.render import palette
from game.render.alerts import Alerts
from game.render.drones import DroneView
from game.render.hud import WAVE_BOTTOM_BAR
from game.render.minimap import Minimap
from game.render.support_hud import ROW_H, civic_width
from game.render.swarm_fx import SwarmFx
from game.render.wave_hud import BUILD_MENU, WaveHud, WaveUi, defence_at
from game.render.widgets import panel
from game.scenes.confront_hints import ConfrontHints
from game.sim.commands import CallWave, Cast, Sell, SetEmitterMode, UpgradeEmitter
from game.sim.components import Structure
from game.sim.constants import TILE_PX
from game.sim.swarm import events as sev
from game.sim.swarm.components import Emitter

BUILD_SLOT = {"build": 0, "build_workshop": 1, "build_3": 2}
SPEEDS = (1, 2, 3)  # fast-forward: ticks run per tick, between waves only
MESSAGE_MS = 2500


class ConfrontControls:
    def __init__(self, scene) -> None:
        self.scene = scene
        self.sim = scene.sim
        self.active = bool(self.sim.conf.table.wave_count)
        self.ui = WaveUi()
        self.hints = ConfrontHints()  # the hint bar's line, from the sim's state
        self.view: DroneView = scene.view.drones
        self.hud = WaveHud(scene.app.font)
        self.fx = SwarmFx(scene.effects, scene.app.services.settings.settings.screen_shake)
        self.alerts = Alerts(self.sim, scene.app.font)
        self.minimap = Minimap(self.sim, scene.tiles) if self.active else None
        if self.minimap is not None:  # the bottom bar's left end, the build menu its right
            self.minimap.place((4, scene.app.screen.get_height() - 2))
            scene.hud.left_reserve = self.minimap.rect.width + 6
            scene.hud.right_reserve = self.hud.menu_width(self.sim)

    # -- input -------------------------------------------------------------------------
    def action(self, action: str | None) -> bool:
        """Handle a key action; True when it was the confrontation's."""
        if not self.active or action is None:
            return False
        ui = self.scene.ui
        if action == "pause" and self.ui.aiming:
            self.ui.aiming = ""
            return True
        if action in BUILD_SLOT:
            kind = BUILD_MENU[BUILD_SLOT[action]]
            ui.build_mode = not (ui.build_mode and ui.build_kind == kind)
            ui.build_kind = kind
            self.ui.aiming = ""
            return True
        if action in ("aegis", "override"):
            self.ui.aiming = "" if self.ui.aiming == action else action
            ui.build_mode = False
            return True
        if action == "call_wave":
            self._queue(CallWave())
            return True
        if action == "sell":
            tile = next((t_ for t_ in (self.scene.mouse_tile, self.ui.selected)
                         if defence_at(self.sim, t_)), None)
            if tile is None:
                self._say(t("alerts", "nothing_to_sell"))
            else:
                self._queue(Sell(*tile))
            return True
        if action == "fast_forward":
            self.ui.speed = SPEEDS[(SPEEDS.index(self.ui.speed) + 1) % len(SPEEDS)]
            return True

        if action in ("emitter_mode", "upgrade"):
            tile = self.scene.mouse_tile
            em = self._emitter_at(tile)
            if em is None:
                self._say(t("ability_refusal", "no_emitter"))
            elif action == "upgrade":
                self._queue(UpgradeEmitter(*tile))
            else:
                modes = self.sim.conf.rules.emitter_modes
                self._queue(SetEmitterMode(*tile, modes[(modes.index(em.mode) + 1)
                                                       % len(modes)]))
            return True
        return False

    def over_minimap(self) -> bool:
        """The pointer (mouse or the pad's cursor) is on the minimap."""
        mouse = self.scene.freecam.mouse
        return self.minimap is not None and mouse is not None and \
            self.minimap.rect.collidepoint(mouse)

    def fold(self) -> bool:
        """Tab (kept by menus, so not rebindable): fold or unfold the wave panels."""
        if self.active:
            self.ui.folded = not self.ui.folded
        return self.active

    def click(self, event: pygame.event.Event) -> bool:
        if not self.active:
            return False
        logical = self.scene.app.to_logical(event.pos)
        look = self.minimap.world_at(logical) if self.minimap else None
        if look is not None and event.button == 1:  # the minimap: look there
            self.scene.freecam.look_at(*look)
            return True
        if not self.ui.aiming:
            return self._select(event)
        if event.button == 1:
            wx, wy = self.scene.camera.to_world(*logical)
            self._queue(Cast(self.ui.aiming, int(wx), int(wy)))
        self.ui.aiming = ""
        return True

    def _select(self, event: pygame.event.Event) -> bool:
        """Left click on a defence (not building): select it; elsewhere: deselect."""
        if event.button != 1 or self.scene.ui.build_mode:
            return False
        tile = self.scene._tile_at(event.pos)
        if defence_at(self.sim, tile):
            self.ui.selected = tile
            return True
        self.ui.selected = None
        return False

    def inspecting(self) -> bool:
        """A defence is under the pointer or selected: its panel takes the bottom bar's
        middle this frame."""
        return self.active and (defence_at(self.sim, self.ui.hover_tile) or
                                defence_at(self.sim, self.ui.selected)) is not None

    def ticks_per_tick(self) -> int:
        """Fast-forward runs more ticks per tick, only while no drone is on its way."""
        return self.ui.speed if self._calm() else 1

    def _calm(self) -> bool:
        conf = self.sim.conf
        return not len(conf.swarm) and not conf.pending()

    def _queue(self, command) -> None:
        self.scene.input.pending.append(command)

    def _emitter_at(self, tile):
        for _, (st, em) in self.sim.query(Structure, Emitter):
            if (st.tx, st.ty) == tile:
                return em
        return None

    def _say(self, line: str, good: bool = False) -> None:
        self.scene.ui.message = line
        self.scene.ui.message_ms = MESSAGE_MS
        self.scene.ui.message_good = good

    # -- events and frames ---------------------------------------------------------------
    def on_events(self, events) -> None:
        self.fx.on_events(events)
        self.alerts.on_events(events)
        for e in events:
            if e.kind == sev.ABILITY_REFUSED and e.data["ability"] == "sell":
                self._say(t("alerts", "nothing_to_sell"))
            elif e.kind == sev.ABILITY_REFUSED:
                self._say(self._refusal(e.data["ability"], e.data["reason"]))
            elif e.kind == sev.SOLD:
                got = ", ".join(f"{n} {k}" for k, n in e.data["refund"].items())
                self._say(t("alerts", "sold", refund=got) if got else
                          t("alerts", "sold_nothing"), good=True)
                if self.ui.selected == (e.data["tx"], e.data["ty"]):
                    self.ui.selected = None
            elif e.kind == sev.WAVE_STARTED and self.ui.speed > 1:
                self.ui.speed = 1
                self._say(t("alerts", "back_to_normal"), good=True)

    def _refusal(self, ability: str, reason: str) -> str:
        conf = self.sim.conf
        if ability in conf.rules.abilities:
            a = conf.rules.abilities[ability]
            name, cost = a.name, dict(a.cost)
        else:
            name, cost = "Upgrade", dict(conf.rules.upgrade_cost)
        missing = ", ".join(f"{n} {k}" for k, n in sorted(
            self.sim.missing_for_cost(cost).items()))
        return t("ability_refusal", reason, name=name, missing=missing)

    def update(self) -> None:
        self.fx.shake_enabled = self.scene.app.services.settings.settings.screen_shake  # live
        self.fx.update(self.scene.app.dt_ms)
        self.alerts.update()
        self.ui.hover_tile = self.scene.mouse_tile
        if self.ui.selected and not defence_at(self.sim, self.ui.selected):
            self.ui.selected = None  # broken by drones
        if not self.active:
            return
        self.scene.ui.controls = "waves"
        self.scene.ui.hint = t("controls", "aim") if self.ui.aiming else \
            self.hints.hint(self.sim, self.scene.input.kind)

    def offset(self, offset: tuple[int, int]) -> tuple[int, int]:
        return self.fx.shaken(offset)

    def draw_world(self, surface: pygame.Surface, offset: tuple[int, int], time_ms: int) -> None:
        self.view.draw_swarm(surface, offset, time_ms)
        self.view.overlay(surface, offset, time_ms, self.ui.hover_tile, self.ui.selected)
        self.fx.draw(surface, offset)
        if self.ui.aiming and self.scene.mouse_tile is not None:
            self._aim(surface, offset)
        ui = self.scene.ui
        if ui.build_mode and ui.build_kind == "emitter" and self.scene.mouse_tile:
            tx, ty = self.scene.mouse_tile  # the reach of the emitter about to be built
            r = self.sim.conf.rules.emitter_levels[0].range_px
            pygame.draw.circle(surface, (150, 240, 255), (tx * TILE_PX + 8 - offset[0],
                                                          ty * TILE_PX + 8 - offset[1]), r, 1)

    def _aim(self, surface: pygame.Surface, offset: tuple[int, int]) -> None:
        tx, ty = self.scene.mouse_tile
        cx, cy = tx * TILE_PX + 8 - offset[0], ty * TILE_PX + 8 - offset[1]
        radius = self.sim.conf.rules.abilities[self.ui.aiming].radius_px or 12
        color = (110, 230, 255) if self.ui.aiming == "aegis" else (60, 200, 210)
        pygame.draw.circle(surface, color, (cx, cy), radius, 1)
        pygame.draw.line(surface, color, (cx - 4, cy), (cx + 4, cy))
        pygame.draw.line(surface, color, (cx, cy - 4), (cx, cy + 4))

    def draw_hud(self, surface: pygame.Surface, offset: tuple[int, int]) -> None:
        if not self.active:
            return
        scene = self.scene
        self.alerts.draw(surface, offset, scene.app.time_ms, scene.view.elara_rect)
        surface.set_clip(scene.camera.viewport)  # the gates' rings never hide Elara either
        scene.view.elara_on_top(surface)
        surface.set_clip(None)
        kind = scene.ui.build_kind if scene.ui.build_mode else None
        self.hud.strip_x = max(110, civic_width(self.sim, scene.app.font) + 8)
        self.hud.strip_y = scene.camera.viewport.y - ROW_H
        h = surface.get_height()
        back = self._camera_free(surface, h) if scene.freecam.free else None
        room = scene.hud.inspect_room if scene.ui.inspecting else None
        if room is not None and back is not None and back.right + 4 > room.x:
            room = pygame.Rect(back.right + 4, room.y, room.right - back.right - 4,
                               room.height)
        message = None
        if scene.ui.message_ms > 0 and scene.ui.message:
            message = (scene.ui.message,
                       palette.UI_GOOD if scene.ui.message_good else palette.UI_BAD)
        self.hud.draw(surface, self.sim, self.ui, kind, room, message)
        self.ui.rects.append(self.minimap.place((4, h - 2)))
        self.minimap.draw(surface, scene.camera.world_view, scene.app.time_ms)
        if back is not None:
            self.ui.rects.append(back)

    def _camera_free(self, surface: pygame.Surface, h: int) -> pygame.Rect:
        """The way back to Elara, while the view is elsewhere."""
        font = self.scene.app.font
        line = t("alerts", "camera_free")
        rect = pygame.Rect(0, 0, font.size(line)[0] + 10, font.line_height + 3)
        rect.topleft = (self.minimap.rect.right + 6, h - WAVE_BOTTOM_BAR + 1)
        panel(surface, rect)
        font.draw(surface, line, (rect.centerx, rect.y + 2), palette.UI_ACCENT,
                  shadow=(0, 0, 0), align="center")
        return rect
