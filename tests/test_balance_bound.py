"""Every balance table is bound to a replay: a run recorded under other numbers (any
table of rules.toml or drones.toml) verifies as "made with other balance rules (that
table)", never as edited commands; and the simulation reads balance only from the
Balance it is given."""

from __future__ import annotations

import copy
import re
import tomllib
from pathlib import Path

import pytest
from runkit import AMOUNTS, LEVEL_A

from game.content.balance import DEFAULT_BALANCE, parse_balance
from game.content.confront import DRONES_PATH
from game.content.rules import RULES_PATH
from game.level import load_level
from game.sim.commands import Move
from game.speedrun.record import record_run
from game.speedrun.replay import to_bytes
from game.speedrun.verify import verify_file

ROOT = Path(__file__).resolve().parent.parent
RAW = {RULES_PATH.name: tomllib.loads(RULES_PATH.read_text()),
       DRONES_PATH.name: tomllib.loads(DRONES_PATH.read_text())}
TABLES = [name for name, _ in DEFAULT_BALANCE.tables]


def _bump_first_int(value):
    """A copy of `value` with its first integer (depth first, sorted keys) raised by 1;
    None if it holds none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value + 1
    if isinstance(value, dict):
        for key in sorted(value):
            changed = _bump_first_int(value[key])
            if changed is not None:
                return {**value, key: changed}
    if isinstance(value, list):
        for i, item in enumerate(value):
            changed = _bump_first_int(item)
            if changed is not None:
                return [*value[:i], changed, *value[i + 1:]]
    return None


def changed_balance(table: str):
    """The game's balance with one value of one table changed."""
    raw = copy.deepcopy(RAW)
    file, name = re.fullmatch(r"(\S+) (?:\[(\w+)\]|\(top level\))", table).groups()
    if name is None:  # rules.toml's loose keys: same kinds, another order
        raw[file]["resources"] = list(reversed(raw[file]["resources"]))
    elif name == "produces":  # organic becomes pigment, polymer biomass
        made = raw[file][name]
        made["organic"], made["polymer"] = made["polymer"], made["organic"]
    else:
        raw[file][name] = _bump_first_int(raw[file][name])
        assert raw[file][name] is not None, f"{table} has no integer to change"
    return parse_balance(raw[RULES_PATH.name], raw[DRONES_PATH.name])


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    from mapkit import write_map

    path = write_map(tmp_path_factory.mktemp("bal"), LEVEL_A, AMOUNTS, objective_amount=5)
    return path, load_level(path)


def test_every_table_of_both_files_is_bound():
    names = set(TABLES)
    for file, raw in RAW.items():
        for key, value in raw.items():
            want = f"{file} [{key}]" if isinstance(value, dict) else f"{file} (top level)"
            assert want in names
    assert {"rules.toml [collectors]", "rules.toml [murals]", "rules.toml [support]",
            "rules.toml [rally]", "rules.toml [artisans]", "drones.toml [drones]",
            "drones.toml [emitter]"} <= names


@pytest.mark.parametrize("table", TABLES)
def test_a_changed_table_reads_as_other_rules_both_ways(table, small, tmp_path):
    path, level = small
    other = changed_balance(table)
    assert other.differing(DEFAULT_BALANCE.table_digests()) == [table]
    assert other.sha256 != DEFAULT_BALANCE.sha256
    log = [[Move(1, 0)]] * 30 + [[]] * 40
    # recorded by a build with other numbers, verified by this one ...
    made_elsewhere = tmp_path / "elsewhere.rpl"
    made_elsewhere.write_bytes(to_bytes(record_run(path, level, log, "custom", "t",
                                                   balance=other)))
    # ... and recorded here, verified by a build whose table was since tuned
    made_here = tmp_path / "here.rpl"
    made_here.write_bytes(to_bytes(record_run(path, level, log, "custom", "t")))
    for result in (verify_file(made_elsewhere, [path]),
                   verify_file(made_here, [path], balance=other)):
        assert not result.valid
        assert result.kind == "wrong_rules", result.line()
        assert f"made with other balance rules ({table})" in result.message
        assert "edited" not in result.line()


def test_a_header_without_table_digests_still_names_rules(small, tmp_path):
    path, level = small
    replay = record_run(path, level, [[]] * 10, "custom", "t",
                        balance=changed_balance("rules.toml [player]"))
    del replay.header["balance"]
    target = tmp_path / "r.rpl"
    target.write_bytes(to_bytes(replay))
    result = verify_file(target, [path])
    assert result.kind == "wrong_rules" and "other balance rules" in result.message


def test_the_simulation_reads_no_balance_global():
    """Only Simulation's default argument names the game's balance; every system reads
    the Balance of the simulation it runs in."""
    offenders = []
    for file in sorted((ROOT / "game" / "sim").rglob("*.py")):
        text = file.read_text()
        if file.name == "world.py":
            continue
        if re.search(r"DEFAULT_BALANCE|load_balance|rules\.toml\"|drones\.toml\"", text):
            offenders.append(file.name)
    assert offenders == []


def test_changed_collectors_change_the_run():
    """The Balance handed to Simulation is the one it plays by (no stale global)."""
    from game.sim import Simulation
    from game.speedrun.campaign import campaign_levels

    level = load_level(next(p for p in campaign_levels() if "shortages" in p.name))
    raw = copy.deepcopy(RAW)
    raw[RULES_PATH.name]["collectors"]["speed"] *= 3
    fast = parse_balance(raw[RULES_PATH.name], raw[DRONES_PATH.name])
    a, b = Simulation(level), Simulation(level, balance=fast)
    try:
        for _ in range(30 * 60 + 300):  # the collectors leave their van at 0:30
            a.step()
            b.step()
        assert a.state_hash() != b.state_hash()
    finally:
        a.close()
        b.close()
