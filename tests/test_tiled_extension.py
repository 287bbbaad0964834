"""The kit's Tiled extension, run by Node.js against a stand-in for Tiled's scripting API
(the calls Tiled 1.8 offers: assetSaved, Process, tiled.error/warn with an activation
callback, registerAction, extendMenu). Saving a map runs the real `check --json` through
the installed kit's Python; every problem becomes an issue; activating one selects the
object it names; "Play from here" starts `play MAP --at ID`. And `play --at` itself."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from mapkit import write_map

from game.level.kit_install import install_kit

NODE = shutil.which("node")
HARNESS = r"""
const fs = require("fs"), path = require("path"), cp = require("child_process");
const [script, mapFile, selectId] = process.argv.slice(2);
const issues = [], actions = {}, started = [], logs = [];
const saved = [];
global.FileInfo = {
  path: p => path.dirname(p), joinPaths: (...p) => path.join(...p),
  fileName: p => path.basename(p),
};
global.File = { exists: p => fs.existsSync(p) };
global.Process = class {
  constructor() { this.workingDirectory = ""; this.out = ""; this.err = ""; }
  exec(prog, args) {
    const r = cp.spawnSync(prog, args, { cwd: this.workingDirectory, encoding: "utf8" });
    this.out = r.stdout || ""; this.err = r.stderr || "";
    return r.status === null ? -1 : r.status;
  }
  start(prog, args) { started.push({ prog, args, cwd: this.workingDirectory }); return true; }
  readStdOut() { return this.out; } readStdErr() { return this.err; } close() {}
};
const objects = [{ id: 1 }, { id: 2 }, { id: 3 }];
const layer = { isObjectLayer: true, isGroupLayer: false, name: "objects", objects };
objects.forEach(o => o.layer = layer);
const map = { isTileMap: true, fileName: mapFile, modified: false,
              layers: [{ isGroupLayer: true, isObjectLayer: false, name: "g",
                         layers: [layer] }],
              selectedObjects: [], currentLayer: null };
global.tiled = {
  activeAsset: map,
  assetSaved: { connect: f => saved.push(f) },
  error: (text, cb) => issues.push({ severity: "error", text, cb }),
  warn: (text, cb) => issues.push({ severity: "warning", text, cb }),
  log: text => logs.push(text),
  alert: text => logs.push("alert: " + text),
  trigger: () => {},
  registerAction: (id, f) => (actions[id] = { f, text: "" }),
  extendMenu: (menu, items) => logs.push("menu " + menu + ": " +
                                         items.map(i => i.action || "-").join(",")),
};
eval(fs.readFileSync(script, "utf8"));
saved.forEach(f => f(map));
const activated = [];
issues.forEach(i => { map.selectedObjects = []; i.cb();
                      activated.push(map.selectedObjects.map(o => o.id)); });
map.selectedObjects = objects.filter(o => o.id === Number(selectId));
actions.ReclaimPlayHere.f();
console.log(JSON.stringify({ issues: issues.map(i => [i.severity, i.text]), activated,
                             started, logs, texts: Object.keys(actions).map(
                               k => [k, actions[k].text]) }));
"""


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed (needed to run the "
                    "Tiled extension outside Tiled)")
def test_extension_puts_check_problems_into_issues_and_selects_objects(tmp_path):
    maps = tmp_path / "maps"
    kit = install_kit(maps).folder
    path = write_map(maps, ["@.o.P", ".a.p."], amounts={"alloy": 2, "polymer": 1})
    text = path.read_text().replace('name="amount" type="int" value="3"',
                                    'name="amount" type="int" value="lots"')
    path.write_text(text)  # object #2, the organic pile: an error
    harness = tmp_path / "harness.js"
    harness.write_text(HARNESS)
    done = subprocess.run([NODE, str(harness), str(kit / "extensions" / "reclaim.js"),
                           str(path), "3"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    errors = [t for s, t in result["issues"] if s == "error"]
    assert any('[object #2 "organic"]' in t and "'amount'" in t for t in errors), result
    first = [t for _, t in result["issues"]].index(next(
        t for t in errors if "object #2" in t))
    assert result["activated"][first] == [2]  # activating the issue selects object #2
    assert result["texts"] == [["ReclaimCheck", "Check map (Reclaim)"],
                               ["ReclaimPlayHere", "Play from here (Reclaim)"]]
    assert "menu Map: -,ReclaimCheck,ReclaimPlayHere" in result["logs"]
    (start,) = result["started"]
    assert start["args"][-4:] == ["play", str(path), "--at", "3"]
    from game.paths import PACKAGE_DIR

    assert start["cwd"] == str(PACKAGE_DIR.parent)


def test_repository_extension_is_generated_and_finds_the_game():
    from game.level.tiled_ext import extension_js
    from game.paths import MAPS_DIR

    text = (MAPS_DIR / "extensions" / "reclaim.js").read_text()
    assert text == extension_js()
    assert 'var RECLAIM_GAME_DIR = "";' in text  # found above the map


def test_play_at_starts_elara_at_the_object(tmp_path, capsys):
    from game.cli.main import main
    from game.level import load_level
    from game.level.start_at import start_at

    path = write_map(tmp_path / "m", ["@.......", "..####..", "..#o..a.", "..####P.",
                                      "....p..."], amounts={"alloy": 2, "polymer": 1})
    level = load_level(path)
    pile = next(o for o in level.objects if o.cls == "Waste" and
                o.properties["kind"] == "organic")
    moved = start_at(level, pile.id)
    spawn = next(o for o in moved.objects if o.cls == "PlayerSpawn")
    assert (int(spawn.center[0] // 16), int(spawn.center[1] // 16)) == (3, 2)
    assert moved.title.endswith(f"(from object #{pile.id})")
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "play", str(path), "--at", str(pile.id),
                 "--headless", "--ticks", "3"]) == 0
    assert "ticks=3" in capsys.readouterr().out
    assert not (data / "splits.json").exists() and not (data / "replays").exists()
    assert main(["play", str(path), "--at", "99", "--headless", "--ticks", "1"]) == 2
    assert "the map has no object #99" in capsys.readouterr().err
