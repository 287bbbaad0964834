"""Corporate enforcer drones: 16x16, columns scout / sprayer / heavy / jammer, rows = 2 hover
frames. Cold white shells, steel-blue shading, warning-red lights; a ground shadow that stays
put while the body bobs."""

from __future__ import annotations

from .canvas import Canvas

LEGEND = {
    "W": "steel_3", "w": "steel_2", "s": "steel_1", "S": "steel_0", "e": "alarm_1",
    "E": "alarm_0", "z": "stone_3", "Z": "stone_4", "x": "stone_2", "o": "stone_1",
}

SCOUT = [
    "................",
    "................",
    "................",
    ".......WW.......",
    "......WWws......",
    "......WeEs......",
    ".....WWwwss.....",
    "....WWwwwwss....",
    "...WWwwsswwss...",
    "..WWws....swss..",
    "..ws........ss..",
    "................",
]
SPRAYER = [
    "................",
    "..oo........oo..",
    ".oxxo.WWWw.oxxo.",
    "..oo.WWwwws.oo..",
    "....WWwwwwws....",
    "...WWwwEewwws...",
    "...WwwwwwwwSs...",
    "....swwwwwss....",
    ".....sSSSss.....",
    ".......zZ.......",
    ".......zx.......",
    "......zxxo......",
]
HEAVY = [
    "................",
    "................",
    ".oxo........oxo.",
    ".xWWWWWWWWWWWwx.",
    ".oWwwwwwwwwwwso.",
    "..WwSSSSSSSSws..",
    "..WwSeEeEeESws..",
    "..WwSSSSSSSSws..",
    ".oWwwwwwwwwwwso.",
    ".xwsssssssssssx.",
    ".oxo.SS..SS.oxo.",
    "................",
]
JAMMER = [
    ".......e........",
    ".......s........",
    "...e...s...e....",
    "..s....s....s...",
    "..s...WWw...s...",
    "...s.WWwws.s....",
    ".....WwEwws.....",
    "....WWwwwwss....",
    "....Wwwwwwss....",
    ".....swwwss.....",
    "......sSSs......",
    "................",
]
TYPES = [SCOUT, SPRAYER, HEAVY, JAMMER]


def drone(kind: int, frame: int) -> Canvas:
    c = Canvas(16, 16)
    rows = TYPES[kind]
    if frame == 1:  # lights blink, rotors turn
        rows = [r.replace("E", "#").replace("e", "E").replace("#", "e") for r in rows]
        rows = [r.replace("oxxo", "oxox").replace("oxo", "xox") for r in rows]
    body = Canvas(16, 16)
    body.paste(rows, LEGEND, 0, 1 - frame)
    body.outline("ink")
    c.drop_shadow(8.0, 14.0, 4.5 if kind != 2 else 6.5, 1.3, alpha=80)
    c.blit(body, 0, 0)
    return c


def drone_frames() -> list[list[Canvas]]:
    return [[drone(k, f) for k in range(4)] for f in range(2)]
