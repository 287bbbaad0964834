"""The play scene's hands: which waste kind E puts into a node and X drops (T or the
mouse wheel chooses), what is in reach (outlined in the world), and a plain sentence
when a key has nothing to act on."""

from __future__ import annotations

import pygame

from game.content.text import t
from game.render.reach import draw_reach, interact_target, paint_target
from game.sim.components import Mural

MESSAGE_MS = 2500  # as long as the play scene's own messages (the HUD counts it down)


class BagControls:
    def __init__(self, scene) -> None:
        self.scene = scene
        sim = scene.sim
        makes = {res: kind for kind, res in sim.rules.produces.items()}
        # start on the waste that grows what the level asks for (level 3: polymer)
        scene.input.kind = makes.get(sim.level.objective.target, sim.rules.waste_kinds[0])
        self.murals = bool(sim.query(Mural))

    def action(self, action: str | None) -> bool:
        """React to a key action already turned into commands by the input mapper; True
        when it was one of the bag's (nothing else should handle it)."""
        sim, kind = self.scene.sim, self.scene.input.kind
        carry = sim.player()[0].carry
        if action == "choose_kind":
            self.choose(carry)
            return True
        if action == "drop":
            if not carry.get(kind):
                self._say(t("bag", "drop_none").format(kind=kind))
            return True
        if action == "interact":
            found = interact_target(sim)
            if found is None:
                self._say(t("bag", "nothing_in_reach_depot" if self._depots() else
                            "nothing_in_reach"))
            elif found.what == "node" and carry and not carry.get(kind):
                self._say(t("bag", "none_of_kind").format(kind=kind))
            elif found.what == "node" and not carry:
                self._say(t("bag", "empty"))
            return True
        if action == "paint" and self.murals and paint_target(sim) is None:
            self._say(t("bag", "nothing_to_paint"))
        return False

    def choose(self, carry: dict[str, int]) -> None:
        sim = self.scene.sim
        kind = self.scene.input.next_kind(list(sim.rules.waste_kinds), carry)
        self._say(t("bag", "chosen").format(kind=kind, n=carry.get(kind, 0)), good=True)

    def wheel(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEWHEEL and event.y:
            self.choose(self.scene.sim.player()[0].carry)

    def draw_world(self, surface: pygame.Surface, offset: tuple[int, int],
                   time_ms: int) -> None:
        draw_reach(surface, self.scene.sim, offset, time_ms)

    def _depots(self) -> bool:
        from game.sim.components import Depot

        return bool(self.scene.sim.query(Depot))

    def _say(self, text: str, good: bool = False) -> None:
        ui = self.scene.ui
        ui.message, ui.message_good, ui.message_ms = text, good, MESSAGE_MS
