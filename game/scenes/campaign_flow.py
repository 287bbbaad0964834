"""Between the screens of a campaign: a level starts with its briefing, then play.

`enter_level` is the one way campaign, story and practice runs start a level. Campaign
and story runs always open with the briefing (a campaign restart, for speedrunners, goes
straight in); practice shows it only the first time the player starts that level, so a
first-timer is told what the level is about and a runner is never held up again. The
briefing comes before the run's first tick and its real-time clock, so reading it never
counts in either.
"""

from __future__ import annotations

from pathlib import Path


def enter_level(app, level, run, briefing: bool = True, story: bool = False) -> None:
    """Show `level`'s briefing (if it has one), then play it inside `run`.

    Campaign runs (after their first level) and story play (`story`) start the level
    with the carry-in its predecessor left in the profile; practice never does, so
    practice times stay comparable."""
    from game.campaign.catalog import entry_for_path, scenes_for
    from game.scenes.play import PlayScene

    entry = entry_for_path(level.path)
    carried = entry is not None and (story or (run.is_campaign and run.index > 0))
    carry = app.services.profile.carry_for(entry.id) if carried else None

    def play() -> None:
        scene = PlayScene(app, level, run=run, carry=carry or None)
        scene.story_mode = story  # its results offer the next story level
        app.reset_to(scene)

    scenes, _ = scenes_for(entry)
    if not briefing or entry is None or entry.briefing not in scenes:
        play()
        return
    from game.scenes.briefing import BriefingScene

    def briefed() -> None:  # read or skipped: practice need not show it again
        app.services.profile.mark_briefed(entry.id)
        play()

    app.reset_to(BriefingScene(app, level, entry, briefed))


def start_practice_level(app, path: Path) -> str:
    """Practice one campaign level from the level select: a clean start on its official
    seed (category "practice"), opened by its briefing the first time the player starts
    it. Returns "" or why it cannot."""
    from game.campaign.catalog import entry_for_path
    from game.level import MapError, load_level
    from game.speedrun.run import Run

    try:
        level = load_level(path)
    except MapError as exc:
        return exc.format()
    entry = entry_for_path(level.path)
    first = entry is not None and not app.services.profile.briefed(entry.id)
    enter_level(app, level, Run.for_app(app, "practice", [Path(path)]), briefing=first)
    return ""


def start_story_level(app, path: Path) -> str:
    """Play one campaign level from the level select (Continue): its briefing, then the
    level as a story run on its official seed, with the carry-in earlier wins left
    (category "story": never a practice time). Returns "" or why it cannot."""
    from game.level import MapError, load_level
    from game.speedrun.run import Run

    try:
        level = load_level(path)
    except MapError as exc:
        return exc.format()
    enter_level(app, level, Run.for_app(app, "story", [Path(path)]), story=True)
    return ""


def next_story_level(play) -> Path | None:
    """After a won story-mode run of a campaign level (Campaign > Continue): the next
    campaign level, if the profile has it unlocked. None in campaign runs (they have
    their own Next) and in practice."""
    from game.campaign.catalog import campaign, entry_for_path
    if play.run.is_campaign or play.sim.outcome != "won" or \
            not getattr(play, "story_mode", False):
        return None
    entry = entry_for_path(play.level.path)
    levels = campaign().levels
    i = campaign().index(entry.id) if entry else -1
    if i < 0 or i + 1 >= len(levels):
        return None
    nxt = levels[i + 1]
    order = [e.id for e in levels]
    if not nxt.path.is_file() or not play.app.services.profile.is_unlocked(nxt.id, order):
        return None
    return nxt.path
