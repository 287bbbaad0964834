"""Maps that pass the format checks but attack the game: huge texts, bidi and control
characters, duplicate ids, thousands of wave groups, the largest legal size, a folder of
big maps on the Custom maps screen."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from hostile.build import SCENES
from hypothesis import given, settings
from hypothesis import strategies as st

from game.cli.common import escape
from game.content.balance import DEFAULT_BALANCE
from game.level.data import LevelObject
from game.level.errors import WARNING
from game.level.loader import inspect_map
from game.level.waves import WaveTable
from game.level.waves_check import wave_sizes
from game.render.font import MAX_LINE_CHARS, MAX_LINES, clip


def test_a_15_mb_objective_is_cut_with_a_warning_and_plays(tmp_path):
    from game.app import App
    from game.scenes.play import PlayScene

    level, problems = inspect_map(SCENES["huge_objective_text"][0](tmp_path))
    assert level is not None
    assert len(level.objective.text) == 200 and level.objective.text.endswith("…")
    assert len(level.title) == 200
    cut = [p.message for p in problems if p.severity == WARNING and "characters long" in
           p.message]
    assert len(cut) == 2
    app = App(tmp_path / "data", headless=True)
    try:
        app.push(PlayScene(app, level))
        for _ in range(60):
            app.frame(fixed_ticks=1)  # once 44 s and 779 MB for 1 MB of text
        assert app.scene.sim.tick == 60
    finally:
        pygame.display.quit()


def test_every_drawn_string_is_capped_with_an_ellipsis():
    text = clip("y" * 5_000_000)
    assert len(text) == MAX_LINE_CHARS and text.endswith("…")
    many = clip("line\n" * 100_000)
    assert many.count("\n") == MAX_LINES - 1 and many.endswith("…")
    assert clip("short\ntext") == "short\ntext"


def test_the_font_draws_a_megabyte_string_within_the_cap(tmp_path):
    from game.app import App

    app = App(tmp_path / "data", headless=True)
    try:
        w, h = app.font.size("W" * 1_000_000)
        assert w <= MAX_LINE_CHARS * 8 and h == app.font.line_height
        app.font.draw(app.screen, "W" * 1_000_000, (0, 0), (255, 255, 255))
        app.font.draw(app.screen, "a b\n" * 100_000, (320, 0), (255, 255, 255),
                      align="center")
    finally:
        pygame.display.quit()


def test_check_prints_control_and_bidi_characters_escaped(tmp_path, capsys):
    from game.cli.main import main

    path = SCENES["bidi_title"][0](tmp_path)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\u2066" not in out
    assert "m\\x1b[2J\\x07.tmx: ok (Safe map\\u202egnp.exe\\u2066\\x09" in out
    assert escape("plain é × — text") == "plain é × — text"


def test_duplicate_object_ids_are_a_warning(tmp_path):
    level, problems = inspect_map(SCENES["duplicate_ids"][0](tmp_path))
    assert level is not None
    assert [p.message for p in problems if "used twice" in p.message] == [
        'object id 1 is used twice (also by object #1 "spawn")']


def _obj(oid: int, cls: str, **props) -> LevelObject:
    return LevelObject(oid, "", cls, 0.0, 0.0, 8.0, 8.0, props)


GROUP = st.fixed_dictionaries({
    "count": st.integers(-2, 6), "first_wave": st.integers(-1, 12),
    "last_wave": st.integers(0, 12), "spacing": st.integers(0, 4),
    "max": st.integers(0, 9), "spawn": st.sampled_from([0, 0, 1, 2, 9]),
    "scaling": st.sampled_from([0, 0.5, 1.25, -0.3, 1e-30, 2]),
    "drone": st.sampled_from(["scout", "heavy"])})


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(GROUP, max_size=6), st.lists(st.integers(-1, 14), min_size=1, max_size=4),
       st.integers(1, 15))
def test_wave_counts_match_the_simulations_own_table(groups, spawn_firsts, waves):
    """The linear count gives exactly what summing the simulation's batches gives."""
    spawns = [_obj(i + 1, "DroneSpawn", first_wave=f) for i, f in enumerate(spawn_firsts)]
    objs = [_obj(100 + i, "WaveGroup", **g) for i, g in enumerate(groups)]
    table = WaveTable.from_objects(spawns, objs, {"wave_count": waves},
                                   DEFAULT_BALANCE.confront)
    sizes, used = wave_sizes(table, waves)
    assert sizes == {w: sum(b.count for b in table.batches(w)) for w in range(1, waves + 1)}
    assert used == [any(table.batches_of(g, w) for w in range(1, waves + 1))
                    for g in table.groups]


def test_1500_wave_groups_are_checked(tmp_path):
    """Once about 50 minutes; the time itself is in benchmarks/hostile.py."""
    _, problems = inspect_map(SCENES["many_wave_groups"][0](tmp_path))
    assert SCENES["many_wave_groups"][2] in [p.message for p in problems]


def test_the_largest_legal_map_loads_and_one_larger_is_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    level, problems = inspect_map(SCENES["largest_legal_map"][0](tmp_path / "a"))
    assert level is not None and (level.width, level.height, len(level.layers)) == \
        (1024, 1024, 8)
    level, problems = inspect_map(SCENES["over_the_size_limit"][0](tmp_path / "b"))
    assert level is None and problems[0].message == SCENES["over_the_size_limit"][2]


def test_custom_maps_keeps_summaries_only_and_reads_off_the_frame_loop(tmp_path):
    from game.app import App
    from game.scenes.custom_maps import CustomMapsScene

    app = App(tmp_path / "data", headless=True)
    folder = app.data_dir / "maps"
    folder.mkdir(parents=True)
    for i in range(6):
        sub = tmp_path / f"src{i}"
        sub.mkdir()
        path = SCENES["largest_legal_map"][0](sub)
        (folder / "t.png").write_bytes((sub / "t.png").read_bytes())
        path.rename(folder / f"big{i}.tmx")
    try:
        scene = CustomMapsScene(app)
        app.push(scene)
        app.frame(fixed_ticks=0)  # the first frame does not wait for six big maps
        assert len(scene.rows) < 6 or scene.scanner.done
        assert scene.scanner.wait(300)
        app.frame(fixed_ticks=0)
        assert [r.title for r in scene.rows] == [f"big{i}" for i in range(6)]
        assert all(r.ok for r in scene.rows)
        assert not hasattr(scene.rows[0], "level")  # a summary, not the loaded level
        scene.rescan()  # F5 mid-scan cancels the old scan and starts over
        scene.rescan()
        assert scene.scanner.wait(300) and len(scene.rows) == 6
    finally:
        pygame.display.quit()


@pytest.mark.parametrize("name", ["fifo_tileset_image", "fifo_project", "fifo_tsx"])
def test_custom_maps_and_f5_never_hang_on_a_fifo(tmp_path, name):
    from game.app import App
    from game.scenes.custom_maps import CustomMapsScene

    app = App(tmp_path / "data", headless=True)
    folder = app.data_dir / "maps"
    folder.mkdir(parents=True)
    SCENES[name][0](folder)
    try:
        scene = CustomMapsScene(app)
        app.push(scene)
        assert scene.scanner.wait(60), "the scan hangs"
        assert len(scene.rows) == 1 and scene.rows[0].ok == (name == "fifo_project")
    finally:
        pygame.display.quit()


def test_limits_documented_match_the_code():
    from game.level import tmx

    doc = (Path(__file__).parent.parent / "docs" / "MAPPING.md").read_text(encoding="utf-8")
    assert f"{tmx.MAX_TILES:,} tiles in all" in doc
    assert f"{tmx.MAX_CELLS:,}" in doc


def test_titles_and_objectives_are_fitted_to_their_panel(tmp_path):
    from game.app import App

    app = App(tmp_path / "data", headless=True)
    try:
        font = app.font
        for text in ("short", "T" * 200, "word " * 100, "x" * 5_000_000):
            fitted = font.fit(text, 240)
            assert font.size(fitted)[0] <= 240
            assert fitted == text or fitted.endswith("…")
        assert font.fit("Hold the great mural: survive every wave", 240) == \
            "Hold the great mural: survive every wave"
    finally:
        pygame.display.quit()
