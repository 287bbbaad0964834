"""Level 2's clock (time_limit_seconds) is on screen: drawn by the real play scene, its
"m:ss left" line lands inside the window, right of the objective, and the panel the HUD
reports for it is there too (it was once placed at x = ticks left, far off screen)."""

from __future__ import annotations

from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.scenes.play import PlayScene


def test_the_clock_of_a_timed_level_is_drawn_on_screen(app, monkeypatch):
    play = PlayScene(app, load_level(CAMPAIGN_DIR / "02_shortages.tmx"))
    app.reset_to(play)
    drawn: list[tuple[str, tuple[int, int]]] = []
    draw = play.hud.font.draw

    def recording_draw(target, text, pos, *args, **kwargs):
        drawn.append((text, pos))
        return draw(target, text, pos, *args, **kwargs)

    monkeypatch.setattr(play.hud.font, "draw", recording_draw)
    for _ in range(2):
        app.frame(fixed_ticks=0)
    width = app.screen.get_width()
    clock = [(text, pos) for text, pos in drawn if text.endswith(" left")]
    assert clock, "no clock line was drawn"
    text, (x, y) = clock[-1]
    assert text == "5:00 left"
    assert 0 <= x < width and 0 <= y < 40, (text, x, y)
    panels = [r for r in play.hud_rects() if r.collidepoint(x, y + 2)]
    assert panels and all(r.right <= width for r in panels)
