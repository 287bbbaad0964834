"""The play scene's story side: trigger events show their dialogue, the closing scene
plays before the results, and every finished level goes into the profile.

Dialogue is shown by pushing a DialogueScene; the level does not tick under it, so it
never counts toward the in-game time and cannot change the simulation. Each dialogue
plays at most once per session (a restart goes quietly). A scene may wait for a `cue`
and depend on what it `needs` (game/campaign/cues.py): the lesson comes when the player
needs it, never after it was done. Scenes named in the same tick are one conversation.
"""

from __future__ import annotations

from collections.abc import Callable

from game.app import App
from game.campaign.catalog import Script, campaign, entry_for_path, scenes_for
from game.campaign.cues import holds
from game.campaign.map_story import MapStory, load_story
from game.level.data import LevelData
from game.scenes.dialogue import DialogueScene
from game.sim import events as ev
from game.sim.state import PLAYING, WON
from game.speedrun.splits import medal_for

QUIET_TICKS = 600  # the first ten seconds of play: the briefing has just been read
GAP_TICKS = 720  # twelve seconds of play between two scenes triggered mid-level


def custom_story(level: LevelData) -> MapStory | None:
    """The story file of a custom map (None without one, or when it cannot be read)."""
    try:
        story = load_story(level.path)
    except Exception:  # a story must never take the level down with it
        return None
    return story if story.scenes else None


class StoryHooks:
    def __init__(self, app: App, level: LevelData) -> None:
        self.app = app
        self.entry = entry_for_path(level.path)
        self.scenes, self.problems = scenes_for(self.entry)
        self.custom = None if self.entry else custom_story(level)  # a custom map's own
        if self.custom is not None:
            self.scenes = self.custom.scenes
        # trigger dialogue plays once per session: a restart (speedrunners) goes quietly
        self.seen: set[tuple[str, str]] = app.__dict__.setdefault("story_seen", set())
        self.key = str(level.path)
        self.shown: set[str] = {d for k, d in self.seen if k == self.key}
        self.queue: list[list[Script]] = []  # conversations waiting their turn
        self.cued = [sc for sc in self.scenes.values() if sc.cue]
        self.quiet_until = QUIET_TICKS  # no trigger scene before this tick
        self.recorded = False
        self.save_problem = ""

    def briefing(self) -> Script | None:
        """The level's briefing (a campaign level's, or a custom map's own), if it has
        one with lines: the pause menu offers it again."""
        name = self.entry.briefing if self.entry else "briefing"
        script = self.scenes.get(name) if (self.entry or self.custom) else None
        return script if script is not None and script.lines else None

    # -- during the level ------------------------------------------------------------
    def on_events(self, play, events: list[ev.Event]) -> None:
        if getattr(self.app, "skip_story", False):  # `play --headless`: nobody to read it
            return
        batch: list[Script] = []
        for e in events:
            if e.kind != ev.TRIGGER and "dialogue" not in e.data:
                continue  # story events name their scene too (dax_joined, coop_goal_met)
            script = self.scenes.get(str(e.data.get("dialogue", "")))
            if script is not None and not script.cue:  # a cued scene waits for its cue
                self._take(script, batch, play.sim)
        if events:  # the state a cue reads changes only on ticks with news
            for script in self.cued:
                if script.id not in self.shown and holds(script.cue, play.sim):
                    self._take(script, batch, play.sim)
        if batch:
            batch.sort(key=lambda sc: not sc.lead)  # stable: otherwise in event order
            self.queue.append(batch)
        # a scene triggered in the first seconds waits for them to pass (the briefing
        # has just been read), and two conversations never come back to back: the
        # player gets to play between them
        if self.queue and not isinstance(self.app.scene, DialogueScene) and \
                play.sim.tick >= self.quiet_until:
            self._show_next(play)

    def _take(self, script: Script, batch: list[Script], sim) -> None:
        """`script` is due: it joins this tick's conversation once per session, or its
        `otherwise` scene does when what it needs does not hold."""
        if script.id in self.shown:
            return
        self._mark(script.id)
        if not holds(script.needs, sim):
            script = self.scenes.get(script.otherwise)
            if script is None or script.id in self.shown:
                return
            self._mark(script.id)
        batch.append(script)

    def _mark(self, did: str) -> None:
        self.shown.add(did)
        self.seen.add((self.key, did))

    def _show_next(self, play, then: Callable[[], None] | None = None) -> None:
        # what a scene explains may have been done while it waited: it is dropped
        scripts = [sc for sc in self.queue.pop(0) if holds(sc.needs, play.sim)]
        if not scripts:
            if then is not None:
                then()
            return
        script = Script(scripts[0].id, tuple(ln for sc in scripts for ln in sc.lines),
                        scripts[0].title)
        play.input.held.clear()  # keys released under the dialogue never reach the level

        def done() -> None:
            if then is None:  # mid-level: the rest of the queue waits its turn
                self.quiet_until = play.sim.tick + GAP_TICKS
            elif self.queue:  # the level is over: the closing scenes play in a row
                self._show_next(play, then)
            else:
                then()

        scene = DialogueScene(self.app, script, done, self.custom)
        if not scene.done:  # an empty scene has already handed over
            self.app.push(scene)

    # -- at the end ------------------------------------------------------------------
    def finished(self, play) -> None:
        """The outcome was just decided: record it in the profile (once per attempt)."""
        if self.recorded or play.sim.outcome == PLAYING or self.entry is None:
            return
        self.recorded = True
        res = play.run.result
        medal = res.medal if res is not None else medal_for(play.sim.igt_ticks,
                                                            play.level.par_ticks)
        levels = campaign().levels
        i = campaign().index(self.entry.id)
        nxt = levels[i + 1].id if 0 <= i < len(levels) - 1 else None
        from game.campaign.carry import carry_out

        self.save_problem = self.app.services.profile.record(
            self.entry.id, play.sim.outcome, play.sim.igt_ticks, medal, nxt,
            carry_out(play.sim), carried=bool(play.sim.carry))

    def then_results(self, play, show_results: Callable[[], None]) -> None:
        """The closing scene (won levels) and then the results screen."""
        closing = self.entry.closing if self.entry else "closing"
        if getattr(self.app, "skip_story", False):
            closing = ""
        if play.sim.outcome == WON and closing in self.scenes and closing not in self.shown:
            self.shown.add(closing)
            self.queue = [[self.scenes[closing]]]  # lines still waiting: overtaken by the win
            self._show_next(play, show_results)
        else:
            show_results()
