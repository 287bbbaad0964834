"""One speedrun as the play scene sees it: a campaign (levels in order, a campaign
timer, splits at each level end) or a single level (practice from level select, or a
custom map). It records each attempt's replay, keeps PBs/golds, feeds LiveSplit and
tells the HUD and the results screen what to show. No pygame here.

Timing rules (docs/SPEEDRUN.md): a level's IGT is its simulation ticks; the campaign
IGT is the sum of the IGT of each level's completing attempt (restarting a level costs
real time, not IGT), so every second of a campaign time is backed by a replay.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from game.sim.constants import TICK_RATE
from game.sim.state import PLAYING, WON
from game.sim.world import Simulation
from game.speedrun.campaign import campaign_levels, level_id
from game.speedrun.livesplit import Driver
from game.speedrun.maphash import level_digest
from game.speedrun.record import Recorder
from game.speedrun.replay import EXTENSION, Replay, to_bytes
from game.speedrun.splits import Comparison, SplitsStore, medal_for
from game.speedrun.timer import RtaClock, TimerView


@dataclass
class Attempt:
    index: int
    key: str
    recorder: Recorder
    rta: RtaClock
    comparison: Comparison | None
    marks: list[int] = field(default_factory=list)
    done: bool = False
    clean: bool = True  # started without carry-in: eligible for level PBs and medals
    history_id: int = 0  # its entry in the level's attempt history (clean attempts)


@dataclass
class LevelResult:
    """Everything the results screen shows about a finished attempt."""

    outcome: str
    igt: int
    par: int
    medal: str
    previous_pb: int | None
    new_pb: bool
    gold: bool
    delta: int | None  # vs the comparison (level PB, or campaign PB split)
    replay: Replay
    campaign_total: int | None = None
    campaign_previous: int | None = None
    campaign_new_pb: bool = False
    campaign_done: bool = False
    carried: bool = False  # started with carry-in: no level PB or medal (not comparable)
    saved: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name)[:80]


class Run:
    def __init__(self, category: str, levels: list[Path], splits: SplitsStore, settings,
                 driver: Driver, replays_dir: Path, clock=time.perf_counter) -> None:
        self.category = category  # "campaign", "story", "practice" or "custom" (record.py)
        self.levels = levels
        self.splits = splits
        self.settings = settings  # a SettingsStore (read live: toggles apply at once)
        self.driver = driver
        self.replays_dir = Path(replays_dir)
        self.clock = clock
        self.index = 0
        self.rta = RtaClock(clock)
        self.started = False
        self.finished = False
        self.segments: list[dict] = []  # finished campaign levels: level, igt_ticks, marks
        self.segment_replays: list[Replay] = []
        self.attempt: Attempt | None = None
        self.result: LevelResult | None = None
        self.run_id = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
        self.campaign_attempt = 0  # its entry in the campaign's attempt history

    # -- construction from the app ---------------------------------------------------
    @classmethod
    def for_app(cls, app, category: str, levels: list[Path]) -> Run:
        services = app.services
        return cls(category, levels, services.splits, services.settings,
                   services.livesplit(), Path(app.data_dir) / "replays")

    @classmethod
    def single(cls, app, path: Path, seed: int | None = None,
               official_seed: int | None = None) -> Run:
        """A run of one map: practice for a campaign level on its official seed."""
        campaign = {p.resolve() for p in campaign_levels()}
        official = seed is None or seed == official_seed
        category = "practice" if Path(path).resolve() in campaign and official else "custom"
        return cls.for_app(app, category, [Path(path)])

    # -- progress through the run ----------------------------------------------------
    @property
    def is_campaign(self) -> bool:
        return self.category == "campaign"

    @property
    def level_path(self) -> Path:
        return self.levels[self.index]

    @property
    def base_ticks(self) -> int:
        """IGT of the finished levels of this run (0 outside a campaign)."""
        return sum(s["igt_ticks"] for s in self.segments)

    @property
    def has_next(self) -> bool:
        return self.is_campaign and len(self.segments) > self.index and \
            self.index + 1 < len(self.levels)

    def advance(self) -> Path:
        """Move to the next campaign level; returns its path."""
        self.index += 1
        return self.level_path

    def retry_level(self) -> None:
        """Play the current campaign level again after finishing it: its segment (and
        LiveSplit's split) is taken back; the next finish of this level replaces it, so
        the campaign time still sums one finishing attempt per level."""
        if not self.is_campaign or len(self.segments) <= self.index:
            return
        del self.segments[self.index:]
        del self.segment_replays[self.index:]
        self.finished = False
        self.driver.unsplit(self.base_ticks)

    def key_for(self, recorder: Recorder) -> str:
        if self.category == "custom":
            return _safe(f"custom-{self.level_path.stem}-{recorder.digest.sha256[:8]}")
        return level_id(self.level_path)

    # -- hooks called by the play scene ------------------------------------------------
    def begin_level(self, sim: Simulation) -> None:
        """The level (re)started from its initial state (`PlayScene.start`)."""
        restart = self.attempt is not None and self.attempt.index == self.index
        if not self.is_campaign or not self.started:
            self.rta.start()
            self.driver.run_started()
            self.started = True
        elif restart:
            self.driver.sync(self.base_ticks)
        recorder = Recorder(sim.level.path, level_digest(sim.level))
        key = self.key_for(recorder)
        # level PBs, attempts and IL splits hold clean starts only: a carry-in run
        # (campaign after level 1, story mode) counts in the campaign's splits instead
        clean = not sim.carry
        self._end_level_attempt()  # a restart ends the attempt it cut short
        history_id = 0
        if clean:
            self.splits.count_attempt(key)
            history_id = self.splits.start_attempt(self.splits.level(key))
        if self.is_campaign and self.index == 0 and not restart:
            self.splits.count_campaign_attempt()
            self.campaign_attempt = self.splits.start_attempt(self.splits.campaign)
        rta = RtaClock(self.clock)
        rta.start()
        self.attempt = Attempt(self.index, key, recorder, rta, self._comparison(key, clean),
                               clean=clean, history_id=history_id)
        self.result = None

    def _comparison(self, key: str, clean: bool = True) -> Comparison | None:
        if self.is_campaign:
            seg = self.splits.pb_segment(self.index, key)
            if seg is None:
                return None
            pb_base = self.splits.pb_cumulative(self.index - 1) if self.index else 0
            return Comparison(seg.get("marks", []), seg["igt_ticks"], self.base_ticks,
                              pb_base or 0)
        pb = self.splits.level_pb(key) if clean else None  # never a clean PB vs carry-in
        return Comparison(pb.get("marks", []), pb["igt_ticks"]) if pb else None

    def on_tick(self, sim: Simulation, commands: list) -> None:
        """After every simulated tick, with the commands it was given."""
        a = self.attempt
        if a is None or a.done:
            return
        a.recorder.record(sim, commands)
        progress = sim.objective_progress().done
        while len(a.marks) < progress:
            a.marks.append(sim.tick)
        if sim.outcome != PLAYING:
            self._finish(sim)
        else:
            self.driver.tick(self.base_ticks + sim.igt_ticks)

    def abandon(self) -> None:
        """The player left the run (quit to title): LiveSplit resets, counts are kept."""
        if not self.finished:
            self.driver.reset()
            self._end_level_attempt()
            if self.campaign_attempt:
                self.splits.end_attempt(self.splits.campaign, self.campaign_attempt)
        self.splits.save()

    def _end_level_attempt(self, igt: int | None = None, rta_ms: int | None = None) -> None:
        a = self.attempt
        if a is not None and a.history_id:
            self.splits.end_attempt(self.splits.level(a.key), a.history_id, igt, rta_ms)
            a.history_id = 0

    # -- finishing ---------------------------------------------------------------------
    def _finish(self, sim: Simulation) -> None:
        a = self.attempt
        a.done = True
        a.rta.stop()
        igt = sim.igt_ticks
        total = self.base_ticks + igt
        won = sim.outcome == WON
        extra = {"run": {"id": self.run_id, "segment": self.index + 1,
                         "of": len(self.levels)}} if self.is_campaign else {}
        name = self.settings.settings.player_name
        replay = a.recorder.replay(sim, self.category, name, a.rta.ms, extra)
        delta = a.comparison.delta(a.marks, igt, True)[0] if a.comparison and won else None
        res = LevelResult(sim.outcome, igt, sim.level.par_ticks, "", None, False, False,
                          delta, replay)
        self.result = res
        self._end_level_attempt(igt if won else None, a.rta.ms if won else None)
        if won:
            self.driver.level_finished(total)
            self._record_win(sim, res, a)
        if self.settings.settings.save_every_replay:
            self._save(replay, self._replay_name(replay), res)
        problem = self.splits.save()
        if problem:
            res.problems.append(problem)

    def _record_win(self, sim: Simulation, res: LevelResult, a: Attempt) -> None:
        date = res.replay.header["date"]
        res.carried = not a.clean
        if a.clean:  # medals and level PBs: clean starts only
            res.medal = medal_for(res.igt, res.par)
            pb_path = self.replays_dir / "pb" / f"{a.key}{EXTENSION}"
            imp = self.splits.finish_level(a.key, sim.level.title, res.igt, a.marks,
                                           self.category, date, str(pb_path), a.rta.ms)
            res.previous_pb, res.new_pb = imp.previous_pb, imp.new_pb
            if imp.new_pb:
                self._save(res.replay, pb_path, res)
        if not self.is_campaign:
            self.finished = True
            return
        res.gold = self.splits.campaign_segment(a.key, res.igt)
        if self.campaign_attempt:
            self.splits.add_segment(self.splits.campaign, self.campaign_attempt, res.igt,
                                    a.rta.ms)
        self.segments.append({"level": a.key, "igt_ticks": res.igt, "marks": list(a.marks),
                              "rta_ms": a.rta.ms})
        self.segment_replays.append(res.replay)
        res.campaign_total = self.base_ticks
        if len(self.segments) == len(self.levels):
            self.finished, res.campaign_done = True, True
            self.rta.stop()
            if self.campaign_attempt:
                self.splits.end_attempt(self.splits.campaign, self.campaign_attempt,
                                        self.base_ticks, self.rta.ms)
            camp = self.splits.finish_campaign(self.segments, date)
            res.campaign_previous, res.campaign_new_pb = camp.previous_pb, camp.new_pb
            if camp.new_pb:
                folder = self.replays_dir / "pb" / "campaign"
                for i, (seg, rep) in enumerate(zip(self.segments, self.segment_replays,
                                                   strict=True)):
                    self._save(rep, folder / f"{i + 1:02d}_{seg['level']}{EXTENSION}", res)

    def ghost_replay(self) -> Path | None:
        """The PB replay to race on this level: the campaign PB's segment in a campaign
        run, else the level PB (the ghost replays its own start)."""
        a = self.attempt
        if a is None:
            return None
        pb = self.replays_dir / "pb"
        if self.is_campaign:
            seg = pb / "campaign" / f"{self.index + 1:02d}_{a.key}{EXTENSION}"
            if seg.is_file():
                return seg
        level = pb / f"{a.key}{EXTENSION}"
        return level if level.is_file() else None

    def _replay_name(self, replay: Replay) -> Path:
        igt = replay.final["igt_ticks"] * 1000 // TICK_RATE
        stamp = replay.header["date"].replace(":", "").replace("-", "")
        key = self.attempt.key if self.attempt else "level"
        return self.replays_dir / f"{key}_{stamp}_{igt // 60000}m{igt // 1000 % 60:02d}s" \
            f"{igt % 1000:03d}{EXTENSION}"

    def _save(self, replay: Replay, path: Path, res: LevelResult | None = None) -> str:
        from game.save import SaveError, atomic_write_bytes

        try:
            data = to_bytes(replay)
        except (TypeError, ValueError) as exc:  # a command type the format cannot encode
            problem = f"replay not saved: {exc}"
            if res is not None:
                res.problems.append(problem)
            return problem
        try:
            atomic_write_bytes(path, data)
        except SaveError as exc:
            if res is not None:
                res.problems.append(exc.short())
            return exc.short()
        if res is not None and path not in res.saved:
            res.saved.append(path)
        return ""

    def save_replay(self) -> tuple[Path | None, str]:
        """Save the last finished attempt under replays/; (path, "") or (None, problem)."""
        if self.result is None:
            return None, "no finished attempt to save"
        path = self._replay_name(self.result.replay)
        problem = self._save(self.result.replay, path, self.result)
        return (None, problem) if problem else (path, "")

    # -- what the HUD shows ------------------------------------------------------------
    def timer_view(self, sim: Simulation) -> TimerView:
        s = self.settings.settings
        a = self.attempt
        delta = None
        if s.show_delta and a is not None and a.comparison is not None:
            delta = a.comparison.delta(a.marks, sim.igt_ticks, sim.outcome == WON)
        campaign = self.base_ticks + (0 if a is not None and a.done and self.is_campaign
                                      else sim.igt_ticks)
        return TimerView(
            level_ticks=sim.igt_ticks if s.show_level_timer else None,
            campaign_ticks=campaign if self.is_campaign and s.show_campaign_timer else None,
            rta_ms=self.rta.ms if s.show_rta else None,
            delta_ticks=delta[0] if delta else None,
            delta_final=delta[1] if delta else True,
            label={"practice": "PRACTICE", "custom": "CUSTOM MAP",
                   "story": "STORY"}.get(self.category, ""),
        )
