"""Practice: start any campaign level on its own, unlocked or not (a practice run starts
clean, without carry-in, so playing ahead spoils no progress and no time). Runs started
here are marked "practice" in their replays and splits; a level's briefing opens it the
first time it is practised. Campaign > Continue uses the same screen in story mode, where
only unlocked levels open. Shows each level's PB and
medal; V watches the PB replay, Tab opens every saved replay."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.app import App, Scene
from game.content.text import keys
from game.level import MapError, load_level
from game.render import palette
from game.render.widgets import list_choice, panel
from game.scenes.results_run import MEDAL_COLORS
from game.speedrun.campaign import campaign_levels, level_id
from game.speedrun.replay import EXTENSION
from game.speedrun.splits import medal_for
from game.speedrun.timefmt import format_ticks


def unlocked(app: App, path: Path) -> bool:
    """Campaign progression (game/campaign/profile.py): the first level and each level
    after a won one; a map not listed in campaign.toml is always open."""
    from game.campaign.catalog import campaign

    order = [e.id for e in campaign().levels]
    lid = level_id(path)
    return lid not in order or app.services.profile.is_unlocked(lid, order)


class LevelSelectScene(Scene):
    def __init__(self, app: App, story: bool = False, focus: str | None = None) -> None:
        super().__init__(app)
        self.story = story  # from Campaign > Continue: briefing first, Next goes on
        self.rows: list[tuple[Path, str, int]] = []  # path, title, par ticks
        self.locked: list[Path] = []  # shown greyed, below the open levels
        self.error = ""
        for path in campaign_levels():
            if story and not unlocked(app, path):  # practice opens every level
                self.locked.append(path)
                continue
            try:
                level = load_level(path)
                self.rows.append((path, level.title, level.par_ticks))
            except MapError as exc:
                self.rows.append((path, f"{path.stem} (cannot load)", 0))
                self.error = exc.format()
        self.index = next((i for i, r in enumerate(self.rows) if level_id(r[0]) == focus), 0)
        self.rects: list[pygame.Rect] = []

    def start(self) -> None:
        from game.scenes.campaign_flow import start_practice_level, start_story_level

        if not self.rows:
            return
        path = self.rows[self.index][0]
        start = start_story_level if self.story else start_practice_level
        self.error = start(self.app, path)

    def watch(self) -> None:
        from game.scenes.replay_viewer import open_viewer

        if not self.rows:
            return
        key = level_id(self.rows[self.index][0])
        path = Path(self.app.data_dir) / "replays" / "pb" / f"{key}{EXTENSION}"
        if not path.exists():
            self.error = "No personal best replay for this level yet"
            return
        self.error = open_viewer(self.app, path) or ""

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.pop()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_v:
            self.watch()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_TAB:
            from game.scenes.replay_browser import ReplayBrowserScene

            self.app.push(ReplayBrowserScene(self.app))
        else:
            self.index, chosen = list_choice(event, self.index, len(self.rows), self.rects,
                                             self.app.to_logical)
            if chosen:
                self.start()

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        font = self.app.font
        surface.fill(palette.UI_PANEL)
        font.draw(surface, "Campaign" if self.story else "Practice", (w // 2, 16),
                  palette.UI_ACCENT, scale=3, shadow=(0, 0, 0), align="center")
        subtitle = ("Each level opens with its briefing; win it to unlock the next."
                    if self.story else
                    "Every level is open: practice runs start clean, with nothing carried over.")
        font.draw(surface, subtitle, (w // 2, 46), palette.UI_DIM, align="center")
        store = self.app.services.splits
        self.rects = []
        y = 66
        visible = max(1, (h - y - 36) // 32)  # scroll so the selected row stays in view
        first = max(0, self.index - visible + 1)
        for i, (path, title, par) in enumerate(self.rows):
            if not first <= i < first + visible:
                self.rects.append(pygame.Rect(0, 0, 0, 0))
                continue
            rect = pygame.Rect(60, y, w - 120, 28)
            selected = i == self.index
            panel(surface, rect, border=palette.UI_ACCENT if selected else None)
            font.draw(surface, f"{i + 1}. {title}", (rect.x + 8, rect.y + 4),
                      palette.UI_ACCENT if selected else palette.UI_TEXT, scale=1,
                      shadow=(0, 0, 0))
            pb = store.level_pb(level_id(path))
            info = f"par {format_ticks(par)}" if par else "no par"
            font.draw(surface, info, (rect.x + 8, rect.y + 15), palette.UI_DIM)
            if pb:
                medal = medal_for(pb["igt_ticks"], par)
                text = f"PB {format_ticks(pb['igt_ticks'])}"
                font.draw(surface, text, (rect.right - 8, rect.y + 4), palette.UI_TEXT,
                          scale=1, shadow=(0, 0, 0), align="right")
                if medal:
                    font.draw(surface, medal.upper(), (rect.right - 8, rect.y + 15),
                              MEDAL_COLORS[medal], align="right")
            else:
                font.draw(surface, "no time yet", (rect.right - 8, rect.y + 9), palette.UI_DIM,
                          align="right")
            self.rects.append(rect)
            y += 32
        y = draw_locked(surface, font, self.locked, len(self.rows), y, h)
        if self.error:
            font.draw(surface, self.error, (w // 2, h - 30), palette.UI_BAD, align="center")
        font.draw(surface, keys("<choose>: play · <menu_x>: watch PB replay · <menu_y>: all "
                                "replays · <back>: back"), (w // 2, h - 16),
                  palette.UI_DIM, align="center")


def draw_locked(surface: pygame.Surface, font, locked: list[Path], first: int, y: int,
                h: int) -> int:
    """Locked campaign levels: numbered, greyed, with what opens them."""
    from game.campaign.catalog import campaign

    w = surface.get_width()
    for n, path in enumerate(locked):
        if y + 28 > h - 36:
            break
        rect = pygame.Rect(60, y, w - 120, 28)
        panel(surface, rect, alpha=120)
        number = first + n + 1
        entry = next((e for e in campaign().levels if e.path == path), None)
        name = "Locked level" if entry else path.stem
        font.draw(surface, f"{number}. {name}", (rect.x + 8, rect.y + 4), palette.UI_DIM)
        font.draw(surface, f"Win level {number - 1} to open it", (rect.x + 8, rect.y + 15),
                  palette.UI_DIM)
        pygame.draw.rect(surface, palette.UI_DIM, (rect.right - 20, rect.y + 12, 10, 8), 1)
        pygame.draw.arc(surface, palette.UI_DIM, (rect.right - 19, rect.y + 6, 8, 10), 0,
                        3.2, 1)
        y += 32
    return y
