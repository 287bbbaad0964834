"""`check` refuses maps whose objective cannot be met, and says what to change."""

from __future__ import annotations

import numpy as np
from mapkit import write_map

from game.level.errors import ERROR, WARNING
from game.level.loader import inspect_map
from game.level.winnable import usable_plots

OPEN = ["........",
        ".@..o.P.",
        "..a.p...",
        "........"]


def problems(tmp_path, rows, severity=ERROR, **kw):
    _, found = inspect_map(write_map(tmp_path, rows, **kw))
    return [p for p in found if p.severity == severity]


def set_props(path, **props) -> None:
    text = path.read_text()
    extra = "".join(f'  <property name="{k}" value="{v}"/>\n' for k, v in props.items())
    path.write_text(text.replace(" </properties>", extra + " </properties>", 1))


def test_a_fair_map_passes(tmp_path):
    assert problems(tmp_path, OPEN, amounts={"alloy": 2, "polymer": 1}) == []


def test_no_build_plots(tmp_path):
    rows = [r.replace("P", ".") for r in OPEN]
    found = problems(tmp_path, rows, amounts={"alloy": 2, "polymer": 1})
    assert [p.message for p in found] == [
        "the map has no build plots, so Elara can build no Waste-to-Life node and the "
        "objective cannot be met"]
    assert "buildable" in found[0].hint


def test_plot_walled_off_from_elara(tmp_path):
    rows = ["........##.",
            ".@..o.a.#P#",
            "....p...##."]  # the plot's only open neighbour lies beyond the wall
    found = problems(tmp_path, rows, amounts={"alloy": 2, "polymer": 1})
    assert [p.message for p in found] == [
        "no build plot has a walkable tile beside it that Elara can reach, so she cannot "
        "build or feed a node"]


def test_plot_reached_diagonally_counts():
    reach = np.zeros((3, 3), bool)
    reach[0, 0] = True
    plots = np.zeros((3, 3), bool)
    plots[1, 1] = plots[2, 2] = True
    assert usable_plots(plots, reach).tolist() == [[False] * 3, [False, True, False],
                                                   [False] * 3]


def test_too_little_waste_names_the_gap(tmp_path):
    found = problems(tmp_path, OPEN, amounts={"organic": 2, "alloy": 2, "polymer": 1},
                     objective_amount=5)
    assert [p.message for p in found] == [
        "the map holds 2 organic waste, but the objective needs 5 (5 biomass for the objective); "
        "blooms are a bonus, not a plan"]
    assert found[0].hint == ("add Waste objects of kind organic (3 more), or lower "
                             "objective_amount")


def test_node_cost_counts(tmp_path):
    found = problems(tmp_path, OPEN, amounts={"alloy": 1, "polymer": 1})
    assert [p.message for p in found] == [
        "the map holds 1 alloy waste, but the objective needs 2 (2 alloy for 1 Waste-to-Life "
        "node); blooms are a bonus, not a plan"]


def test_pigment_objective_adds_the_node_polymer(tmp_path):
    path = write_map(tmp_path, OPEN, amounts={"alloy": 2, "polymer": 3})
    set_props(path, objective_target="pigment")
    _, found = inspect_map(path)
    assert [p.message for p in found if p.severity == ERROR] == [
        "the map holds 3 polymer waste, but the objective needs 4 (3 pigment for the objective and "
        "1 polymer for 1 Waste-to-Life node); blooms are a bonus, not a plan"]


def test_support_without_murals_and_above_100(tmp_path):
    path = write_map(tmp_path, OPEN, amounts={"alloy": 2, "polymer": 3})
    set_props(path, objective="support")
    text = path.read_text().replace('name="objective_amount" type="int" value="3"',
                                    'name="objective_amount" type="int" value="120"')
    path.write_text(text)
    _, found = inspect_map(path)
    messages = [p.message for p in found if p.severity == ERROR]
    assert "objective_amount asks for 120 % support; support ends at 100 %" in messages
    assert ("objective_amount asks for 120 % support, but only painted MuralWalls raise "
            "support and the map has none") in messages


def test_coop_goals_need_plots_for_each_structure(tmp_path):
    path = write_map(tmp_path, OPEN, amounts={"alloy": 20, "polymer": 20, "organic": 20})
    set_props(path, objective="coop", goal_nodes=3)
    _, found = inspect_map(path)
    assert [p.message for p in found if p.severity == ERROR] == [
        "the objective needs 3 structures but only 1 build plots are within Elara's reach"]


def test_waves_without_any_defence_warn(tmp_path):
    path = write_map(tmp_path, OPEN, amounts={"alloy": 2, "polymer": 1, "organic": 1})
    text = path.read_text()
    text = text.replace(" </objectgroup>",
                        '<object id="90" name="mural" type="MuralWall" x="96" y="0" '
                        'width="32" height="16"/>'
                        '<object id="91" name="in" type="DroneSpawn" x="0" y="48" '
                        'width="16" height="16"/>'
                        '<object id="92" name="g" type="WaveGroup" x="0" y="0" width="8" '
                        'height="8"/>\n </objectgroup>')
    path.write_text(text)
    set_props(path, objective="survive", wave_count=3)
    _, found = inspect_map(path)
    warnings = [p.message for p in found if p.severity == WARNING]
    assert ("the map sends 3 waves of drones, but no emitter or barrier can be built (a "
            "node, a free plot and waste for them are needed)") in warnings


def test_campaign_maps_are_winnable():
    from game.paths import CAMPAIGN_DIR

    for path in sorted(CAMPAIGN_DIR.glob("*.tmx")):
        level, found = inspect_map(path)
        assert level is not None and not found, [p.format() for p in found]


def test_unknown_and_inapplicable_map_properties_warn(tmp_path):
    path = write_map(tmp_path, OPEN, amounts={"alloy": 2, "polymer": 1})
    set_props(path, par_time=60, goal_nodes=2, time_limit_seconds=90)
    _, found = inspect_map(path)
    warnings = {p.message: p.hint for p in found if p.severity == WARNING}
    assert warnings["unknown map property 'par_time'; the game ignores it"] == \
        "remove it (docs/MAPPING.md lists the map properties)"
    assert "map property 'goal_nodes' does not apply to the objective 'produce'; it is " \
        "ignored" in warnings
    assert warnings["map property 'time_limit_seconds' does not apply to the objective "
                    "'produce'; it is ignored"] == "remove it, or set objective to deliver"


def test_paths_into_the_game_folder_warn(tmp_path):
    import os

    from game.paths import MAPS_DIR

    path = write_map(tmp_path, OPEN, amounts={"alloy": 2, "polymer": 1})
    rel = os.path.relpath(MAPS_DIR / "templates" / "player-spawn.tx", tmp_path)
    text = path.read_text().replace('type="PlayerSpawn"', f'template="{rel}"')
    path.write_text(text)
    level, found = inspect_map(path)
    assert level is not None
    assert [p.message for p in found if "only works on this machine" in p.message] == [
        f"player-spawn.tx is read from the game's own folder ({MAPS_DIR / 'templates'}), "
        "a path that only works on this machine"]


def test_waves_with_more_hit_points_than_any_defence_warn(tmp_path):
    path = write_map(tmp_path, OPEN, amounts={"alloy": 6, "polymer": 1, "organic": 10})
    text = path.read_text().replace(
        " </objectgroup>",
        '<object id="90" name="mural" type="MuralWall" x="96" y="0" width="32" height="16"/>'
        '<object id="91" name="in" type="DroneSpawn" x="0" y="48" width="16" height="16"/>'
        '<object id="92" name="g" type="WaveGroup" x="0" y="0" width="8" height="8">'
        '<properties><property name="drone" value="heavy"/>'
        '<property name="count" type="int" value="500"/></properties></object>'
        "\n </objectgroup>")
    path.write_text(text)
    set_props(path, objective="survive", wave_count=2)
    _, found = inspect_map(path)
    warnings = [p.message for p in found if p.severity == WARNING]
    # 100 heavies (a group's default max) of 24 hit points against one emitter's zaps
    assert ("wave 1 brings 2400 hit points of drones; even 1 top-level emitter zaps at "
            "most 1350 before the next wave") in warnings, warnings
