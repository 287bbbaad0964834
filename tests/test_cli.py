"""The command line: exit codes and messages for user mistakes, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from game.paths import MAPS_DIR  # noqa: E402

LEVEL1 = MAPS_DIR / "campaign" / "01_scavengers_dawn.tmx"


def run(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "game", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def test_missing_map_exits_2_with_one_line(tmp_path):
    missing = tmp_path / "nowhere.tmx"
    out = run("play", str(missing), "--headless", "--ticks", "1")
    assert out.returncode == 2
    assert out.stderr.startswith(f"{missing}: error:")
    assert "Traceback" not in out.stderr + out.stdout


def test_garbage_map_exits_2(tmp_path):
    bad = tmp_path / "bad.tmx"
    bad.write_bytes(b"\x00\xffnot xml at all")
    out = run("play", str(bad), "--headless", "--ticks", "1")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert f"{bad}: error:" in out.stderr


def test_bad_usage_exits_2():
    for args in (["play"], ["play", str(LEVEL1), "--ticks", "-3", "--headless"],
                 ["play", str(LEVEL1), "--headless"], ["frobnicate"]):
        out = run(*args)
        assert out.returncode == 2, args
        assert "Traceback" not in out.stderr


def test_headless_run_saves_the_last_frame(tmp_path):
    shot = tmp_path / "frame.png"
    out = run("play", str(LEVEL1), "--headless", "--ticks", "90", "--screenshot", str(shot))
    assert out.returncode == 0, out.stderr
    assert "ticks=90 outcome=playing" in out.stdout
    assert shot.stat().st_size > 10_000


def test_unwritable_screenshot_fails_cleanly(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = run("play", str(LEVEL1), "--headless", "--ticks", "2", "--screenshot",
              str(blocker / "sub" / "frame.png"))
    assert out.returncode == 1
    assert "cannot save screenshot" in out.stderr and "Traceback" not in out.stderr


def test_headless_skips_dialogue_so_every_tick_is_simulated():
    # level 4's story stops the level at tick 4200 for dialogue: headless runs past it
    level4 = MAPS_DIR / "campaign" / "04_confrontation.tmx"
    out = run("play", str(level4), "--headless", "--ticks", "4500", timeout=600)
    assert out.returncode == 0, out.stderr
    assert "ticks=4500 outcome=playing state=" in out.stdout


def test_a_lost_run_names_its_reason_on_the_summary_line(tmp_path, monkeypatch, capsys):
    import game.cli.play as play_cli
    from game.cli.main import main
    from game.level import load_level

    level = load_level(MAPS_DIR / "campaign" / "02_shortages.tmx")
    level.properties["time_limit_seconds"] = 2  # the Guild's clock runs out at tick 120
    monkeypatch.setattr(play_cli, "load_or_report", lambda path: level)
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    code = main(["--data-dir", str(tmp_path), "play", str(level.path), "--headless",
                 "--ticks", "500"])
    assert code == 0
    assert "ticks=120 outcome=lost reason=time_up state=" in capsys.readouterr().out


def test_play_takes_a_campaign_level_by_number_or_id(tmp_path):
    by_number = run("play", "1", "--headless", "--ticks", "3", "--data-dir", str(tmp_path))
    by_id = run("--data-dir", str(tmp_path), "play", "scavengers_dawn", "--headless",
                "--ticks", "3")
    by_path = run("play", str(LEVEL1), "--headless", "--ticks", "3")
    assert by_number.returncode == by_id.returncode == by_path.returncode == 0
    assert by_number.stdout == by_id.stdout == by_path.stdout  # the same level and seed
    nope = run("play", "9", "--headless", "--ticks", "1")
    assert nope.returncode == 2 and "level number 1-5" in nope.stderr


def test_global_options_work_after_the_subcommand(tmp_path):
    from game.cli.main import build_parser, parse_args

    parser = build_parser()
    for argv in (["--data-dir", "D", "--maps", "M", "check", "x.tmx"],
                 ["check", "x.tmx", "--data-dir", "D", "--maps", "M"]):
        args = parse_args(parser, argv)
        assert (args.data_dir, args.map_dirs) == (Path("D"), [Path("M")]), argv
    out = run("splits", "--data-dir", str(tmp_path))
    assert out.returncode == 0, out.stderr
