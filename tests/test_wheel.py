"""The built wheel is the game: installed into a fresh environment outside the repository,
it plays a campaign level, checks a copied map and verifies a copied replay from a folder
of its own.

Slow (it builds and installs), so it runs when RECLAIM_WHEEL_TEST=1 (`.ci/run` sets it).
With RECLAIM_WHEEL_DEPS=pypi the wheel's dependencies are installed from its metadata
(CI: proves the runtime dependency list); otherwise the fresh environment borrows them
from the running one (fast, offline) and only the wheel itself is installed.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    os.environ.get("RECLAIM_WHEEL_TEST") != "1",
    reason="builds and installs the wheel: set RECLAIM_WHEEL_TEST=1 (.ci/run does)")


def run(cmd: list[str], cwd: Path, env: dict | None = None,
        timeout: int = 600) -> subprocess.CompletedProcess:
    out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                         env=env)
    assert out.returncode == 0, f"{cmd}\n{out.stdout}\n{out.stderr}"
    return out


def new_enough_setuptools() -> bool:
    """Whether the running environment can build the wheel itself (pyproject's
    build-system needs setuptools 77); if not, pip fetches it for an isolated build."""
    if importlib.util.find_spec("setuptools") is None:
        return False
    from importlib.metadata import version

    return int(version("setuptools").split(".")[0]) >= 77


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict]:
    """(the fresh environment's python, an environment for running it)."""
    base = tmp_path_factory.mktemp("wheel")
    wheels = base / "dist"
    isolation = ["--no-build-isolation"] if new_enough_setuptools() else []
    run([sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--quiet", *isolation,
         "-w", str(wheels)], cwd=ROOT)
    wheel = next(wheels.glob("reclaim2147-*.whl"))
    venv = base / "venv"
    run([sys.executable, "-m", "venv", str(venv)], cwd=base)
    py = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if os.environ.get("RECLAIM_WHEEL_DEPS") == "pypi":
        run([str(py), "-m", "pip", "install", "--quiet", str(wheel)], cwd=base)
    else:
        run([str(py), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
             str(wheel)], cwd=base)
        site = run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                   cwd=base).stdout.strip()
        # the running environment's packages (pygame, numpy, ...) after the wheel's own
        Path(site, "zz_borrowed_deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               RECLAIM_DATA_DIR=str(base / "data"))
    return py, env


@pytest.fixture
def elsewhere(tmp_path) -> Path:
    folder = tmp_path / "somewhere else"
    folder.mkdir()
    return folder


def test_the_installed_game_is_the_wheel_not_the_checkout(installed, elsewhere):
    py, env = installed
    where = run([str(py), "-c", "import game; print(game.__file__)"], elsewhere, env).stdout
    assert Path(py).parent.parent in Path(where.strip()).parents, where
    assert ROOT not in Path(where.strip()).parents


def test_plays_a_campaign_level_by_number(installed, elsewhere):
    py, env = installed
    out = run([str(py), "-m", "game", "play", "1", "--headless", "--ticks", "60",
               "--screenshot", "shot.png"], elsewhere, env)
    assert "ticks=60 outcome=playing" in out.stdout
    assert (elsewhere / "shot.png").stat().st_size > 1000
    script = Path(py).parent / ("reclaim2147.exe" if os.name == "nt" else "reclaim2147")
    out = run([str(script), "play", "scavengers_dawn", "--headless", "--ticks", "1",
               "--data-dir", str(elsewhere / "data")], elsewhere, env)
    assert "ticks=1" in out.stdout


def test_checks_a_copied_map(installed, elsewhere):
    """Level 1 copied the way a map maker would: its tileset, image and templates into
    the map's own folder, the references changed to match."""
    py, env = installed
    src, dst = ROOT / "game" / "maps", elsewhere / "mymap"
    shutil.copytree(src / "templates", dst / "templates")
    shutil.copytree(src / "tilesets", dst / "tilesets")
    shutil.copy(ROOT / "game" / "assets" / "tiles" / "city.png", dst / "tilesets")
    tsx = dst / "tilesets" / "city.tsx"
    tsx.write_text(tsx.read_text().replace("../../assets/tiles/city.png", "city.png"))
    tmx = (src / "campaign" / "01_scavengers_dawn.tmx").read_text()
    (dst / "level.tmx").write_text(tmx.replace('"../tilesets/', '"tilesets/')
                                   .replace('"../templates/', '"templates/'))
    out = run([str(py), "-m", "game", "check", "mymap/level.tmx"], elsewhere, env)
    assert "mymap/level.tmx: ok" in out.stdout.replace("\\", "/"), out.stdout


def test_verifies_a_copied_replay(installed, elsewhere):
    py, env = installed
    shutil.copy(ROOT / "tests" / "replays" / "01_scavengers_dawn.rpl", elsewhere / "run.rpl")
    out = run([str(py), "-m", "game", "verify", "run.rpl"], elsewhere, env)
    assert "run.rpl: valid outcome=won" in out.stdout
