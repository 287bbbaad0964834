"""Saved replays (the data dir's replays/ folder, PBs included), newest first: Enter
watches one, V verifies it on the spot. Reached from Practice with Tab."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.app import App, Scene
from game.content.text import keys
from game.render import palette
from game.render.widgets import list_choice, panel
from game.speedrun.replay import EXTENSION, ReplayError
from game.speedrun.timefmt import format_ticks
from game.speedrun.verify import read_replay, verify_file

MAX_FILES = 300
ROW_H = 24


def replay_files(folder: Path) -> list[Path]:
    try:
        files = [p for p in folder.rglob(f"*{EXTENSION}") if p.is_file()]
    except OSError:
        return []
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)[:MAX_FILES]


def describe(path: Path) -> tuple[str, str]:
    """(main line, detail line) for a file, or why it cannot be read."""
    try:
        head = read_replay(path).header
    except ReplayError as exc:
        return path.name, exc.format()
    final = head["final"]
    main = f"{head['map'].get('title') or head['map'].get('name', '?')}  " \
           f"{format_ticks(final['igt_ticks'])}  {final['outcome']}"
    detail = f"{head['category']} - {head['player']} - {head['date'][:16].replace('T', ' ')}" \
             f" - {path.name}"
    return main, detail


class ReplayBrowserScene(Scene):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.folder = Path(app.data_dir) / "replays"
        self.files = replay_files(self.folder)
        self.rows = [describe(p) for p in self.files]
        self.index = 0
        self.notice = ""
        self.notice_color = palette.UI_DIM

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type != pygame.KEYDOWN:
            return
        if event.key == pygame.K_ESCAPE:
            self.app.pop()
        elif not self.files:
            return
        elif event.key == pygame.K_v:
            result = verify_file(self.files[self.index], [Path(self.app.data_dir) / "maps"])
            name = self.files[self.index].name
            self.notice = result.line().replace(str(self.files[self.index]), name) \
                if result.valid else f"{name}: not valid - {result.message}"
            self.notice_color = palette.UI_GOOD if result.valid else palette.UI_BAD
        else:
            self.index, chosen = list_choice(event, self.index, len(self.files))
            if chosen:
                self._watch()

    def _watch(self) -> None:
        from game.scenes.replay_viewer import open_viewer

        problem = open_viewer(self.app, self.files[self.index],
                              [Path(self.app.data_dir) / "maps"])
        if problem:
            self.notice, self.notice_color = problem, palette.UI_BAD

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        font = self.app.font
        surface.fill(palette.UI_PANEL)
        font.draw(surface, "Replays", (w // 2, 10), palette.UI_ACCENT, scale=3,
                  shadow=(0, 0, 0), align="center")
        font.draw(surface, str(self.folder), (w // 2, 38), palette.UI_DIM, align="center")
        if not self.files:
            font.draw(surface, "No replays yet: finish a level, personal bests are saved "
                      "automatically.", (w // 2, 120), palette.UI_TEXT, align="center")
        top = 54
        visible = max(1, (h - top - 40) // ROW_H)
        first = max(0, self.index - visible + 1)
        for i in range(first, min(len(self.files), first + visible)):
            main, detail = self.rows[i]
            rect = pygame.Rect(40, top + (i - first) * ROW_H, w - 80, ROW_H - 2)
            selected = i == self.index
            panel(surface, rect, border=palette.UI_ACCENT if selected else None)
            font.draw(surface, main, (rect.x + 6, rect.y + 1),
                      palette.UI_ACCENT if selected else palette.UI_TEXT, shadow=(0, 0, 0))
            font.draw(surface, detail[:100], (rect.x + 6, rect.y + 11), palette.UI_DIM)
        if self.notice:
            font.draw(surface, self.notice[:110], (w // 2, h - 30), self.notice_color,
                      align="center")
        font.draw(surface, keys("<choose>: watch · <menu_x>: verify · <back>: back"),
                  (w // 2, h - 16),
                  palette.UI_DIM, align="center")
