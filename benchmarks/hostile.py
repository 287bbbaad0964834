"""Time and memory the hostile cases of issue 14 cost now (each in a fresh process).

Run: python benchmarks/hostile.py [--maps N]
Prints one JSON object. Targets (2-core machine): every `check` < 2 s; the largest
legal map starts (load + first frame) within 2 s and 500 MB; the Custom maps screen over
N largest maps shows its first frame at once and peaks at one map's memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile.build import SCENES, _write, png  # noqa: E402

CHILD = r"""
import json, os, resource, sys, time
sys.path.insert(0, sys.argv[1])
os.environ["SDL_VIDEODRIVER"] = "dummy"
from pathlib import Path
what, target, data = sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
cpu0, t0 = time.process_time(), time.perf_counter()
out = {}
if what == "check":
    from game.level.loader import inspect_map
    inspect_map(target)
elif what == "start":
    from game.app import App
    app = App(data, headless=True)
    cpu0, t0 = time.process_time(), time.perf_counter()
    from game.level import load_level
    from game.scenes.play import PlayScene
    app.push(PlayScene(app, load_level(target)))
    app.frame(fixed_ticks=1)
elif what == "custom":
    from game.app import App
    from game.scenes.custom_maps import CustomMapsScene
    app = App(data, headless=True)
    cpu0, t0 = time.process_time(), time.perf_counter()
    scene = CustomMapsScene(app)
    app.push(scene)
    app.frame(fixed_ticks=0)
    out["first_frame_s"] = round(time.perf_counter() - t0, 3)
    frames = 0
    while not scene.scanner.done:
        app.frame(fixed_ticks=0)
        frames += 1
    out["frames_while_scanning"] = frames
    out["rows"] = len(scene.rows)
out["cpu_s"] = round(time.process_time() - cpu0, 3)
out["wall_s"] = round(time.perf_counter() - t0, 3)
out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
print(json.dumps(out))
"""


def child(what: str, target: Path, data: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), what, str(target),
                           str(data)], capture_output=True, text=True, timeout=3600)
    if done.returncode:
        return {"error": done.stderr[-500:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--maps", type=int, default=200)
    args = parser.parse_args()
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in ("many_wave_groups", "huge_objective_text", "largest_legal_map",
                     "png_bomb_declared_small", "fifo_tsx"):
            folder = root / name
            folder.mkdir()
            out[f"check_{name}"] = child("check", SCENES[name][0](folder), root / "d")
        big = SCENES["largest_legal_map"][0](root / "largest_legal_map")
        out["start_largest_legal_map"] = child("start", big, root / "d")
        maps = root / "d2" / "maps"
        maps.mkdir(parents=True)
        _write(maps, "t.png", png(32, 32))
        text = big.read_text(encoding="utf-8")
        for i in range(args.maps):
            (maps / f"big{i:03}.tmx").write_text(text, encoding="utf-8")
        out[f"custom_maps_{args.maps}_largest"] = child("custom", maps, root / "d2")
    out["parent_peak_rss_mb"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    out["when"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
