"""Forgeries a leaderboard must refuse, each written the way a forger would try it:
edit a header, fix every checksum (the format's checksums are not signatures), and hand
the file to verify. Also: level PBs and medals never mix carry-in runs with clean ones."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from runkit import autopilot, play_out, two_levels

from game.campaign.carry import carry_out
from game.level import load_level
from game.paths import MAPS_DIR
from game.sim import Simulation
from game.speedrun.campaign import campaign_levels
from game.speedrun.record import record_run
from game.speedrun.replay import Replay, from_bytes, to_bytes
from game.speedrun.verify import read_replay, verify_file
from game.speedrun.verify_run import verify_run

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "replays"
FAT_CARRY = {"volunteers": 100, "murals": [3] * 64,
             "stock": {"biomass": 10_000, "pigment": 10_000, "spark": 10_000}}


def relabel(replay: Replay, **changes) -> bytes:
    """What a forger does: change header fields, then let to_bytes redo the checksums."""
    header = json.loads(json.dumps(replay.header))
    for key, value in changes.items():
        if value is None:
            header.pop(key, None)
        else:
            header[key] = value
    return to_bytes(Replay(header, replay.ticks, replay.checkpoints))


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return folder / name


def campaign_run(run_id: str) -> list[Replay]:
    """An honest campaign run: the golden inputs played level after level, each segment
    starting with the carry-in its predecessor's end state hands on."""
    carry: dict = {}
    out = []
    levels = campaign_levels()
    for i, path in enumerate(levels):
        ticks = read_replay(GOLDEN / f"{path.stem}.rpl").ticks
        level = load_level(path)
        replay = record_run(path, level, ticks, "campaign", "runner", carry=carry or None)
        replay.header["run"] = {"id": run_id, "segment": i + 1, "of": len(levels)}
        out.append(replay)
        sim = Simulation(level, carry=carry or None)
        try:
            for commands in ticks[:len(replay.ticks)]:
                sim.step(commands)
            carry = carry_out(sim)
        finally:
            sim.close()
    return out


@pytest.fixture(scope="module")
def run_a() -> list[Replay]:
    return campaign_run("20260101-000000")


def save_run(folder: Path, replays: list[Replay]) -> Path:
    for i, rep in enumerate(replays):
        write(folder, f"{i + 1:02d}.rpl", to_bytes(rep))
    return folder


# -- carry-in and categories -----------------------------------------------------------
def test_a_carried_campaign_segment_relabelled_practice_is_refused(run_a, tmp_path):
    segment = run_a[3]  # level 4 starts with murals, volunteers and stock carried in
    assert segment.header.get("carry")
    forged = write(tmp_path, "f.rpl", relabel(segment, category="practice", practice=True,
                                               run=None))
    result = verify_file(forged)
    assert not result.valid and result.kind == "wrong_category"
    assert "practice runs never carry" in result.message and "volunteers" in result.message
    # dropping the carry-in from the header to pass as clean: the re-simulation differs
    stripped = write(tmp_path, "s.rpl", relabel(segment, category="practice", carry=None,
                                                run=None))
    assert not verify_file(stripped).valid


def test_practice_from_a_made_up_carry_in_cannot_be_saved_or_verified(tmp_path):
    path = campaign_levels()[0]
    level = load_level(path)
    ticks = read_replay(GOLDEN / f"{path.stem}.rpl").ticks
    with pytest.raises(ValueError, match="never carry"):
        record_run(path, level, ticks, "practice", "forger", carry=FAT_CARRY)
    # the forger writes the header himself: recorded as a story run, relabelled
    story = record_run(path, level, ticks, "story", "forger", carry=FAT_CARRY)
    forged = write(tmp_path, "f.rpl", relabel(story, category="practice", practice=True))
    result = verify_file(forged)
    assert result.kind == "wrong_category" and "100 volunteers" in result.message
    assert "64 murals" in result.message and "10000 spark" in result.message
    # as a story run it verifies, and says what it is
    honest = verify_file(write(tmp_path, "story.rpl", to_bytes(story)))
    assert honest.valid and "category=story" in honest.line()
    assert honest.to_json()["category"] == "story"
    # as a one-segment "campaign run" it is refused: a run starts with no carry-in
    camp = record_run(path, level, ticks, "campaign", "forger", carry=FAT_CARRY)
    camp.header["run"] = {"id": "x", "segment": 1, "of": 1}
    single = write(tmp_path / "run", "01.rpl", to_bytes(camp))
    verdict = verify_run(single.parent)
    assert not verdict.valid


@pytest.fixture(scope="module")
def lookalike(tmp_path_factory) -> Path:
    """Level 1 as a self-contained custom map under its own file name, asking for less."""
    from game.paths import ASSETS_DIR

    root = tmp_path_factory.mktemp("fake")
    shutil.copytree(MAPS_DIR / "tilesets", root / "tilesets")
    shutil.copytree(MAPS_DIR / "templates", root / "templates")
    shutil.copytree(ASSETS_DIR / "tiles", root / "tiles")
    for tsx in (root / "tilesets").glob("*.tsx"):
        tsx.write_text(tsx.read_text().replace("../../assets/tiles/", "../tiles/"))
    original = campaign_levels()[0]
    text = original.read_text().replace("../tilesets/", "tilesets/").replace(
        "../templates/", "templates/")
    amount = re.search(r'name="objective_amount"[^>]*value="(\d+)"', text)
    assert amount, "level 1 states its objective amount"
    easier = text.replace(amount.group(0), amount.group(0).replace(
        f'value="{amount.group(1)}"', 'value="1"'))
    assert easier != text
    tmx = root / original.name
    tmx.write_text(easier)
    return tmx


def test_a_custom_map_named_like_a_campaign_map_is_no_practice_map(lookalike, tmp_path):
    level = load_level(lookalike)
    assert level.objective.amount == 1
    ticks = read_replay(GOLDEN / f"{lookalike.stem}.rpl").ticks
    fake = record_run(lookalike, level, ticks, "practice", "forger")
    assert fake.final["outcome"] == "won"
    assert fake.final["igt_ticks"] < read_replay(GOLDEN / f"{lookalike.stem}.rpl").final[
        "igt_ticks"], "the easier objective is a faster time"
    result = verify_file(write(tmp_path, "p.rpl", to_bytes(fake)), [lookalike])
    assert result.kind == "wrong_category", result.line()
    assert "not one of them" in result.message and result.to_json()["official_map"] is False
    for category in ("campaign", "story"):
        other = verify_file(write(tmp_path, f"{category}.rpl", relabel(fake, category=category)),
                            [lookalike])
        assert other.kind == "wrong_category"
    custom = verify_file(write(tmp_path, "c.rpl", relabel(fake, category="custom",
                                                          practice=False)), [lookalike])
    assert custom.valid and "category=custom map=custom" in custom.line()
    assert custom.to_json()["official_map"] is False


def test_the_shipped_maps_verify_as_official(tmp_path):
    result = verify_file(GOLDEN / "01_scavengers_dawn.rpl")
    assert result.valid and result.official_map is True
    assert result.line().endswith("category=practice map=official")
    data = result.to_json()
    assert data["official_map"] is True and data["category"] == "practice"
    assert data["game_version"] and data["rules_sha256"]


# -- whole runs ------------------------------------------------------------------------
def test_an_honest_run_verifies_with_its_total(run_a, tmp_path):
    folder = save_run(tmp_path / "run", run_a)
    verdict = verify_run(folder)
    assert verdict.valid, verdict.lines()
    assert verdict.total_ticks == sum(r.final["igt_ticks"] for r in run_a)
    assert "total" in verdict.lines()[-1]
    # one segment given: the others are found beside it
    assert verify_run(folder / "03.rpl").valid


def test_splicing_two_runs_is_refused(run_a, tmp_path):
    other = [from_bytes(to_bytes(r)) for r in run_a]
    for rep in other:
        rep.header["run"]["id"] = "20260202-000000"
    spliced = run_a[:2] + other[2:3] + run_a[3:]
    verdict = verify_run(save_run(tmp_path / "splice", spliced))
    assert verdict.kind == "splice" and "different runs" in verdict.message
    # ids forged to match: a level 4 from a run whose level 3 ended with less painted
    level4 = campaign_levels()[3]
    weaker = record_run(level4, load_level(level4), read_replay(
        GOLDEN / f"{level4.stem}.rpl").ticks, "campaign", "runner",
        carry={"murals": [1], "volunteers": 1})
    weaker.header["run"] = dict(run_a[3].header["run"])
    verdict = verify_run(save_run(tmp_path / "forged", run_a[:3] + [weaker] + run_a[4:]))
    assert verdict.kind == "splice" and "segment 4" in verdict.message, verdict.message


def test_missing_or_reordered_segments_are_refused(run_a, tmp_path):
    verdict = verify_run(save_run(tmp_path / "gap", run_a[:1] + run_a[2:]))
    assert verdict.kind == "incomplete"
    swapped = [from_bytes(to_bytes(r)) for r in run_a]
    swapped[0].header["run"]["segment"], swapped[1].header["run"]["segment"] = 2, 1
    verdict = verify_run(save_run(tmp_path / "order", swapped))
    assert verdict.kind in ("wrong_order", "splice"), verdict.message


def test_verify_run_and_jobs_on_the_command_line(run_a, tmp_path):
    folder = save_run(tmp_path / "run", run_a)
    env = {"PYTHONPATH": str(ROOT), "SDL_VIDEODRIVER": "dummy", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "game", "--data-dir", str(tmp_path / "d"),
                          "verify", "--json", "--jobs", "2", str(GOLDEN / "01_scavengers_dawn.rpl"),
                          str(GOLDEN / "02_shortages.rpl"), "--run", str(folder)],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    data = json.loads(out.stdout)
    assert [d.get("file") for d in data[:2]] == [str(GOLDEN / "01_scavengers_dawn.rpl"),
                                                 str(GOLDEN / "02_shortages.rpl")]
    assert data[2]["valid"] and data[2]["total_ticks"] == sum(
        r.final["igt_ticks"] for r in run_a)


# -- PBs and medals --------------------------------------------------------------------
@pytest.fixture
def app(tmp_path):
    from game.app import App

    application = App(tmp_path / "data", headless=True)
    yield application
    pygame.display.quit()


def test_carry_in_runs_never_set_level_pbs_or_medals(app, tmp_path):
    from game.scenes.play import PlayScene
    from game.speedrun.run import Run

    path = two_levels(tmp_path / "maps")[0]
    level = dataclasses.replace(load_level(path), par_ticks=60 * 60)  # a par: medals
    story = PlayScene(app, level, run=Run.for_app(app, "story", [path]),
                      carry={"stock": {"biomass": 5}})
    app.push(story)
    autopilot(story)
    play_out(app, story)
    res = story.run.result
    assert res.outcome == "won" and res.carried
    assert res.medal == "" and not res.new_pb
    assert app.services.splits.level_pb(path.stem) is None
    assert app.services.splits.level(path.stem).get("attempts", 0) == 0
    assert res.replay.header["category"] == "story" and res.replay.header["carry"]
    practice = PlayScene(app, level, run=Run.for_app(app, "practice", [path]))
    app.reset_to(practice)
    autopilot(practice)
    play_out(app, practice)
    assert practice.run.result.new_pb and practice.run.result.medal
    assert app.services.splits.level_pb(path.stem)["category"] == "practice"
