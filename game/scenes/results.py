"""Results: the in-game time of the run, the par, and what to do next."""

from __future__ import annotations

import pygame

from game.app import App, Scene
from game.content.text import keys as keys_of
from game.content.text import t
from game.render import palette
from game.render.widgets import Menu, MenuItem, panel
from game.scenes.results_run import RunMenu, draw_lines, result_lines
from game.speedrun.timefmt import format_ticks


def loss_text(reason: str) -> str:
    """The sentence for the simulation's one-word loss reason."""
    from game.content.text import text

    table = text().get("loss_reason", {})
    return keys_of(table.get(reason) or table.get("failed", reason))


class ResultsScene(Scene):
    opaque = False

    def __init__(self, app: App, play) -> None:
        super().__init__(app)
        self.play = play
        self.igt = play.sim.igt_ticks
        self.par = play.level.par_ticks
        # speedrun: PB/medal/campaign lines and the menu that continues or resets the run
        self.run_menu = RunMenu(self)
        self.lines = result_lines(play.run.result, play.run) if play.run.result else []
        items = self.run_menu.items(self.again, self.to_title) if play.run.result else [
            MenuItem(t("results", "again"), self.again),
            MenuItem(t("results", "title"), self.to_title)]
        self.menu = Menu(items, app.font, scale=2)
        won = play.sim.outcome == "won"
        app.audio.play("win" if won else "loss")  # the stinger, over lowered music
        app.audio.duck(3500)

    def again(self) -> None:
        self.play.start()
        self.app.pop()

    def to_title(self) -> None:
        from game.scenes.title import TitleScene

        self.play.run.abandon()
        self.app.reset_to(TitleScene(self.app))

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key in self.play.input.bindings["restart"]:
            if self.play.run.is_campaign:
                self.run_menu.restart_campaign()  # a reset of the whole run
            else:
                self.again()
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.to_title()
            return
        pos = self.app.to_logical(event.pos) if hasattr(event, "pos") else None
        self.menu.handle(event, pos)

    def draw(self, surface: pygame.Surface) -> None:
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((*palette.UI_PANEL, 140))
        surface.blit(shade, (0, 0))
        w, h = surface.get_size()
        font = self.app.font
        gap = font.line_height * 2 + 6
        extra = (len(self.lines) + bool(self.run_menu.notice)) * (font.line_height + 1)
        box = pygame.Rect(0, 0, 400, min(h - 8, 140 + extra + gap * len(self.menu.items)))
        box.center = (w // 2, h // 2)
        panel(surface, box, alpha=230, border=palette.UI_GOOD)
        y = box.y + 12
        won = self.play.sim.outcome == "won"  # a clock can run out (level 2)
        font.draw(surface, t("results", "won" if won else "lost"), (w // 2, y),
                  palette.UI_GOOD if won else palette.UI_BAD, scale=3, shadow=(0, 0, 0),
                  align="center")
        y += 36
        font.draw(surface, self.play.level.title, (w // 2, y), palette.UI_TEXT,
                  shadow=(0, 0, 0), align="center")
        y += 16
        font.draw(surface, t("results", "igt"), (w // 2, y), palette.UI_DIM, align="center")
        y += 12
        font.draw(surface, format_ticks(self.igt), (w // 2, y), palette.UI_ACCENT, scale=3,
                  shadow=(0, 0, 0), align="center")
        y += 34
        if not won:  # why: the clock, the great mural, the materials ...
            font.draw(surface, loss_text(self.play.sim.loss_reason), (w // 2, y),
                      palette.UI_BAD, shadow=(0, 0, 0), align="center")
        if self.par and won:  # a lost run has no time to hold against par
            verdict = t("results", "under_par" if self.igt <= self.par else "over_par")
            line = f"{t('results', 'par')} {format_ticks(self.par)} - {verdict}"
            font.draw(surface, line, (w // 2, y), palette.UI_TEXT, align="center")
        y = draw_lines(surface, font, self.lines, w // 2, y + font.line_height + 2)
        if self.run_menu.notice:
            draw_lines(surface, font, [(self.run_menu.notice, self.run_menu.notice_color)],
                       w // 2, y)
        self.menu.draw(surface, w // 2, box.bottom - gap * len(self.menu.items) - 4)
