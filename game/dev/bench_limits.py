"""Speeds that unit tests used to assert with a stopwatch, measured here instead (a busy
machine made those tests flaky; the tests now check behaviour only).

- restart_ms_level1: R after 200 ticks of level 1 until the fresh state is ready.
- map_inspect_ms_256: `check` of a 256×256 map with two layers and 300 objects.
- walk_labels_ms_1024: the reachability labelling of a 1024×1024 map (30 % walls).
- class_bomb_refusal_ms: refusing a class property that would expand to 50^8 values.
- livesplit_unread_send_ms: 1,024 sends to a LiveSplit server that never reads.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from game.paths import CAMPAIGN_DIR

LEVEL1 = CAMPAIGN_DIR / "01_scavengers_dawn.tmx"


def _timed(fn, runs: int) -> float:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return round(statistics.median(samples) * 1000, 2)


def restart_ms(runs: int) -> float:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from game.app import App
    from game.dev.bot import Autopilot
    from game.level import load_level
    from game.scenes.play import PlayScene

    app = App(Path(tempfile.mkdtemp(prefix="reclaim-bench-")), headless=True)
    play = PlayScene(app, load_level(LEVEL1))
    app.push(play)

    def restart() -> None:
        pilot = Autopilot(play.sim)
        for _ in range(200):
            play.sim.step(pilot.decide())
        t = time.perf_counter()
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_r, mod=0,
                                             unicode="r", scancode=0))
        app.frame(fixed_ticks=0)
        samples.append(time.perf_counter() - t)

    samples: list[float] = []
    for _ in range(runs):
        restart()
    return round(statistics.median(samples) * 1000, 2)


def _big_map(folder: Path) -> Path:
    rng = np.random.default_rng(5)
    ground = ",".join("1" for _ in range(256 * 256))
    objects = ['<object id="1" type="PlayerSpawn" x="8" y="8"/>']
    for i in range(2, 302):
        x, y = int(rng.integers(0, 256)), int(rng.integers(0, 256))
        objects.append(f'<object id="{i}" type="Waste" x="{x * 16 + 4}" y="{y * 16 + 4}">'
                       '<properties><property name="kind" value="organic"/></properties>'
                       "</object>")
    tileset = Path(CAMPAIGN_DIR.parent, "tilesets", "city.tsx").read_text()
    (folder / "city.tsx").write_text(tileset.replace("../../assets/tiles/city.png", "city.png"))
    shutil.copy(CAMPAIGN_DIR.parent.parent / "assets" / "tiles" / "city.png", folder)
    path = folder / "big.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.8" orientation="orthogonal" '
        'renderorder="right-down" width="256" height="256" tilewidth="16" tileheight="16" '
        'infinite="0"><tileset firstgid="1" source="city.tsx"/>'
        '<layer id="1" name="ground" width="256" height="256"><data encoding="csv">'
        f'{ground}</data></layer><layer id="2" name="top" width="256" height="256">'
        f'<data encoding="csv">{",".join("0" for _ in range(256 * 256))}</data></layer>'
        f'<objectgroup id="3">{"".join(objects)}</objectgroup></map>')
    return path


def inspect_ms(runs: int) -> float:
    from game.level.loader import inspect_map

    with tempfile.TemporaryDirectory() as tmp:
        path = _big_map(Path(tmp))
        return _timed(lambda: inspect_map(path), runs)


def labels_ms(runs: int) -> float:
    from game.level.rules import components

    solid = np.random.default_rng(3).random((1024, 1024)) < 0.3
    return _timed(lambda: components(solid), runs)


def class_bomb_ms(runs: int) -> float:
    from game.level import MapError, load_level

    members = [{"name": f"m{i}", "type": "class", "propertyType": "Bomb", "value": {}}
               for i in range(50)]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "evil.tiled-project").write_text(json.dumps({"propertyTypes": [
            {"id": 1, "name": "Bomb", "type": "class", "members": members}]}))
        path = folder / "m.tmx"
        path.write_text(
            '<?xml version="1.0"?><map version="1.8" orientation="orthogonal" width="4" '
            'height="4" tilewidth="16" tileheight="16"><layer id="1" name="g" width="4" '
            'height="4"><data encoding="csv">0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0</data></layer>'
            '<objectgroup id="2"><object id="1" type="PlayerSpawn" x="4" y="4"><properties>'
            '<property name="b" type="class" propertytype="Bomb"/></properties></object>'
            "</objectgroup></map>")

        def load() -> None:
            with contextlib.suppress(MapError):
                load_level(path)

        return _timed(load, runs)


def livesplit_unread_ms(runs: int) -> float:
    from game.speedrun.livesplit import MAX_QUEUE, Client

    def send_all() -> None:
        server = socket.create_server(("127.0.0.1", 0))
        client = Client("127.0.0.1", server.getsockname()[1])
        client.poll()
        conn, _ = server.accept()
        for _ in range(MAX_QUEUE * 8):
            client.send("setgametime " + "9" * 1000)
        client.close()
        conn.close()
        server.close()

    return _timed(send_all, runs)


def limit_figures(quick: bool = False) -> dict:
    runs = 3 if quick else 7
    return {"restart_ms_level1": restart_ms(runs), "map_inspect_ms_256": inspect_ms(runs),
            "walk_labels_ms_1024": labels_ms(runs), "class_bomb_refusal_ms": class_bomb_ms(runs),
            "livesplit_unread_send_ms": livesplit_unread_ms(runs)}
