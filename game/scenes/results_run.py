"""The speedrun half of the results screen: PB and delta, medal, best segment, campaign
total, replay saving, and the menu entries that continue or reset the run."""

from __future__ import annotations

import pygame

from game.content.text import t
from game.level import MapError, load_level
from game.render import palette
from game.render.font import BitmapFont
from game.render.timer_panel import AHEAD, delta_color
from game.render.widgets import MenuItem
from game.scenes.campaign_flow import next_story_level, start_story_level
from game.speedrun.run import LevelResult, Run
from game.speedrun.splits import medal_times
from game.speedrun.timefmt import format_ticks
from game.speedrun.timer import format_delta

MEDAL_COLORS = {"gold": (255, 204, 64), "silver": (200, 210, 224), "bronze": (214, 140, 80)}


def result_lines(res: LevelResult, run: Run) -> list[tuple[str, tuple[int, int, int]]]:
    """(text, colour) lines describing what this attempt achieved."""
    lines: list[tuple[str, tuple[int, int, int]]] = []
    if res.outcome != "won":
        return [("Not finished - no time recorded", palette.UI_BAD)] + [
            (problem[:90], palette.UI_BAD) for problem in res.problems[:2]]
    if res.new_pb and res.previous_pb is not None:
        gain = format_delta(res.igt - res.previous_pb)
        lines.append((f"New personal best! {gain} (was {format_ticks(res.previous_pb)})", AHEAD))
    elif res.new_pb:
        lines.append(("First finish - your personal best to beat", AHEAD))
    elif res.previous_pb is not None:
        lines.append((f"PB {format_ticks(res.previous_pb)}  "
                      f"{format_delta(res.igt - res.previous_pb)}", palette.UI_DIM))
    if res.carried:
        lines.append(("Started with what the last level left: no level PB or medal "
                      "(practice runs set those)", palette.UI_DIM))
    elif res.medal:
        others = "  ".join(f"{n} {format_ticks(t)}" for n, t in medal_times(res.par))
        lines.append((f"{res.medal.upper()} medal   ({others})", MEDAL_COLORS[res.medal]))
    elif res.par:
        bronze = medal_times(res.par)[-1][1]
        lines.append((f"No medal - bronze at {format_ticks(bronze)}", palette.UI_DIM))
    if run.is_campaign and res.campaign_total is not None:
        seg = f"level {len(run.segments)}/{len(run.levels)}"
        text = f"Campaign {format_ticks(res.campaign_total)}  ({seg})"
        color = palette.UI_TEXT
        if res.delta is not None:
            text += f"  {format_delta(res.delta)} vs PB"
            color = delta_color(res.delta)
        if res.campaign_done:
            text = f"Campaign complete: {format_ticks(res.campaign_total)}"
            if res.campaign_new_pb:
                text += "  - new campaign PB!"
                color = AHEAD
            elif res.campaign_previous is not None:
                text += f"  ({format_delta(res.campaign_total - res.campaign_previous)} vs PB)"
        lines.append((text, color))
        if res.gold:
            lines.append(("Your best time for this level in a campaign", MEDAL_COLORS["gold"]))
    if run.category == "practice":
        lines.append(("Practice run", palette.UI_ACCENT))
    elif run.category == "story":
        lines.append(("Story run", palette.UI_ACCENT))
    lines += [(problem[:90], palette.UI_BAD) for problem in res.problems[:2]]
    return lines


def draw_lines(surface: pygame.Surface, font: BitmapFont, lines, cx: int, y: int) -> int:
    for text, color in lines:
        font.draw(surface, text, (cx, y), color, shadow=(0, 0, 0), align="center")
        y += font.line_height + 1
    return y


class RunMenu:
    """Menu entries for the results screen, and the notice line they leave behind."""

    def __init__(self, scene) -> None:
        self.scene = scene
        self.notice = ""
        self.notice_color = palette.UI_DIM

    @property
    def run(self) -> Run:
        return self.scene.play.run

    def items(self, again, to_title) -> list[MenuItem]:
        run, res = self.run, self.run.result
        items = []
        story_next = next_story_level(self.scene.play)  # Continue: the next unlocked level
        if run.has_next:
            items.append(MenuItem("Next level", self.next_level))
            items.append(MenuItem(t("results", "retry"), lambda: self.retry(again)))
        elif story_next is not None:
            items.append(MenuItem("Next level", lambda: start_story_level(
                self.scene.app, story_next)))
            items.append(MenuItem("Play again", again))
        elif not run.is_campaign or (res is not None and res.outcome != "won"):
            items.append(MenuItem("Retry level" if run.is_campaign else "Play again", again))
        items.append(MenuItem("Watch replay", self.watch))
        items.append(MenuItem("Save replay", self.save_replay))
        if run.is_campaign:
            items.append(MenuItem("Restart campaign", self.restart_campaign))
        items.append(MenuItem("Back to title", to_title))
        return items

    def retry(self, again) -> None:
        """Play this campaign level again: its finished segment is taken back and the
        next finish replaces it (docs/SPEEDRUN.md)."""
        self.run.retry_level()
        again()

    def save_replay(self) -> None:
        path, problem = self.run.save_replay()
        if path is None:
            self.notice, self.notice_color = problem, palette.UI_BAD
        else:
            self.notice, self.notice_color = f"Saved {path.name} (replays folder)", AHEAD

    def watch(self) -> None:
        from game.scenes.replay_viewer import ReplayViewerScene

        play = self.scene.play
        self.scene.app.push(ReplayViewerScene(self.scene.app, self.run.result.replay,
                                              play.level))

    def next_level(self) -> None:
        from game.scenes.campaign_flow import enter_level

        path = self.run.advance()
        try:
            level = load_level(path)
        except MapError as exc:
            self.run.index -= 1
            self.notice, self.notice_color = exc.format(), palette.UI_BAD
            return
        app = self.scene.app
        enter_level(app, level, self.run)  # its briefing, then play

    def restart_campaign(self) -> None:
        start_campaign(self.scene.app, self.run)


def start_campaign(app, previous: Run | None = None) -> str:
    """Start a new campaign run at level 1; returns "" or why it could not start."""
    from game.scenes.campaign_flow import enter_level
    from game.speedrun.campaign import campaign_levels

    levels = campaign_levels()
    if not levels:
        return "no campaign maps found"
    try:
        level = load_level(levels[0])
    except MapError as exc:
        return exc.format()
    if previous is not None:
        previous.splits.save()
    # a new run opens with the briefing; a restart (speedrunners) goes straight in
    enter_level(app, level, Run.for_app(app, "campaign", levels), previous is None)
    return ""
