"""The kit's Tiled extension (`kit/extensions/reclaim.js`, run by Tiled 1.8 and newer).

On every save of a map it runs `python -m game check --json` and puts each problem into
Tiled's Issues panel; activating an issue (double-click) selects the object or layer it
names. Map > "Play from here" starts the game at the selected object
(`play MAP --at OBJECT_ID`), Map > "Check map (Reclaim)" checks without saving.

The installed kit bakes in the Python and the folder of the game that installed it
(`extension_js`); the repository's own copy finds the game above the map instead.
"""

from __future__ import annotations

import json

TEMPLATE = r"""// Reclaim 2147 map maker's extension for Tiled 1.8 and newer.
// Installed with the kit by the game (python -m game kit DIR). Every problem `check`
// finds goes into Tiled's Issues panel on save; double-click one to select its object.
// Map > Play from here starts the game at the selected object.

var RECLAIM_PYTHON = __PYTHON__;
var RECLAIM_GAME_DIR = __GAME_DIR__;  // "" = the folder above the map holding game/
var reclaimRunning = [];  // games started with Play from here (kept from the collector)

function reclaimGameDir(mapFile) {
    if (RECLAIM_GAME_DIR)
        return RECLAIM_GAME_DIR;
    var dir = FileInfo.path(mapFile);
    for (var i = 0; i < 8; i++) {
        if (File.exists(FileInfo.joinPaths(dir, "game", "__main__.py")))
            return dir;
        var up = FileInfo.path(dir);
        if (up === dir)
            break;
        dir = up;
    }
    return FileInfo.path(mapFile);
}

function reclaimIsMap(asset) {
    if (!asset || !asset.isTileMap || !asset.fileName)
        return false;
    var name = asset.fileName.toLowerCase();
    return name.endsWith(".tmx") || name.endsWith(".tmj");
}

function reclaimFindObject(layers, id) {
    for (var i = 0; i < layers.length; i++) {
        var layer = layers[i];
        if (layer.isObjectLayer) {
            var objects = layer.objects;
            for (var j = 0; j < objects.length; j++)
                if (objects[j].id === id)
                    return objects[j];
        } else if (layer.isGroupLayer) {
            var found = reclaimFindObject(layer.layers, id);
            if (found)
                return found;
        }
    }
    return null;
}

function reclaimFindLayer(layers, name) {
    for (var i = 0; i < layers.length; i++) {
        if (layers[i].name === name)
            return layers[i];
        if (layers[i].isGroupLayer) {
            var found = reclaimFindLayer(layers[i].layers, name);
            if (found)
                return found;
        }
    }
    return null;
}

// Activating an issue: bring the map forward and select what the problem names.
function reclaimSelect(map, element) {
    return function () {
        tiled.activeAsset = map;
        var obj = /object #(\d+)/.exec(element || "");
        if (obj) {
            var found = reclaimFindObject(map.layers, parseInt(obj[1], 10));
            if (found) {
                if (found.layer)
                    map.currentLayer = found.layer;
                map.selectedObjects = [found];
            }
            return;
        }
        var layer = /layer "(.*)"/.exec(element || "");
        if (layer) {
            var l = reclaimFindLayer(map.layers, layer[1]);
            if (l)
                map.currentLayer = l;
        }
    };
}

function reclaimRun(map, args) {
    var process = new Process();
    process.workingDirectory = reclaimGameDir(map.fileName);
    var code = process.exec(RECLAIM_PYTHON, ["-m", "game"].concat(args), false);
    var out = process.readStdOut();
    var err = process.readStdErr();
    process.close();
    return { code: code, out: out, err: err };
}

function reclaimCheck(map) {
    var run = reclaimRun(map, ["check", "--json", map.fileName]);
    if (run.code < 0) {
        tiled.error("Reclaim 2147: could not start " + RECLAIM_PYTHON +
                    " (install the kit again with: python -m game kit DIR)", function () {});
        return null;
    }
    var report;
    try {
        report = JSON.parse(run.out);
    } catch (e) {
        tiled.error("Reclaim 2147: check printed no report: " + (run.err || run.out).slice(0, 300),
                    function () {});
        return null;
    }
    var count = 0;
    report.maps.forEach(function (m) {
        m.problems.forEach(function (p) {
            var where = p.element ? "[" + p.element + "] " : "";
            var text = "Reclaim: " + where + p.message + (p.hint ? " \u2014 " + p.hint : "");
            if (p.severity === "error")
                tiled.error(text, reclaimSelect(map, p.element));
            else
                tiled.warn(text, reclaimSelect(map, p.element));
            count += 1;
        });
        if (m.ok)
            tiled.log("Reclaim: " + FileInfo.fileName(map.fileName) + " is ok" +
                      (count ? " (" + count + " warnings)" : "") + " in " + m.ms + " ms");
    });
    return report;
}

tiled.assetSaved.connect(function (asset) {
    if (reclaimIsMap(asset))
        reclaimCheck(asset);
});

var reclaimCheckAction = tiled.registerAction("ReclaimCheck", function () {
    var map = tiled.activeAsset;
    if (!reclaimIsMap(map)) {
        tiled.alert("Open a saved map (.tmx or .tmj) first.", "Reclaim 2147");
        return;
    }
    reclaimCheck(map);
});
reclaimCheckAction.text = "Check map (Reclaim)";

var reclaimPlayAction = tiled.registerAction("ReclaimPlayHere", function () {
    var map = tiled.activeAsset;
    if (!reclaimIsMap(map)) {
        tiled.alert("Open a saved map (.tmx or .tmj) first.", "Reclaim 2147");
        return;
    }
    var selected = map.selectedObjects;
    if (!selected || selected.length === 0) {
        tiled.alert("Select the object to start at (Elara starts on it).", "Reclaim 2147");
        return;
    }
    if (map.modified)
        tiled.trigger("Save");
    var process = new Process();
    process.workingDirectory = reclaimGameDir(map.fileName);
    var args = ["-m", "game", "play", map.fileName, "--at", String(selected[0].id)];
    if (!process.start(RECLAIM_PYTHON, args))
        tiled.error("Reclaim 2147: could not start " + RECLAIM_PYTHON, function () {});
    else
        reclaimRunning.push(process);
});
reclaimPlayAction.text = "Play from here (Reclaim)";

tiled.extendMenu("Map", [
    { separator: true },
    { action: "ReclaimCheck" },
    { action: "ReclaimPlayHere" },
]);
"""


def extension_js(python: str = "python3", game_dir: str = "") -> str:
    return TEMPLATE.replace("__PYTHON__", json.dumps(python)).replace(
        "__GAME_DIR__", json.dumps(game_dir))
