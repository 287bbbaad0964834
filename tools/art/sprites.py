"""Waste piles, the Waste-to-Life node, HUD icons, the glow and the tile cursor."""

from __future__ import annotations

import numpy as np

from .canvas import Canvas, ellipse_mask, shade, sphere_light

# ---------------------------------------------------------------------------------------
# waste: 16x16, columns organic / polymer / alloy, two variants (rows)
# ---------------------------------------------------------------------------------------
WASTE_LEGEND = {
    # organic
    "m": "moss_3", "M": "moss_4", "g": "moss_2", "G": "moss_1", "d": "soil_2", "D": "soil_1",
    "L": "soil_3", "a": "amber_1", "A": "amber_2", "x": "soil_0",
    # polymer
    "v": "bloom_1", "V": "bloom_0", "p": "bloom_2", "P": "bloom_3", "u": "steel_1",
    "U": "steel_2", "w": "steel_3", "t": "teal_2", "T": "teal_3",
    # alloy
    "s": "stone_2", "S": "stone_1", "z": "stone_3", "Z": "stone_4", "k": "steel_2",
    "K": "steel_1", "q": "stone_0", "r": "amber_0",
}

WASTE = [
    [  # organic A: a compost heap with leaves and peel
        "................",
        "................",
        "................",
        "................",
        "......mM........",
        ".....mMmg.......",
        ".....gmmg..aA...",
        "....Lggmd.aAa...",
        "...LdLgddddaa...",
        "...dLdddDdgdd...",
        "..LdddDdLddmgd..",
        "..dddDddddLdMd..",
        "..dDdxdDddddDD..",
        "...DDddDxdDDD...",
        "....DDDDDDDx....",
        "................",
    ],
    [  # polymer A: two bottles and a crumpled film
        "................",
        "................",
        "................",
        "................",
        "................",
        ".........UU.....",
        "...PPpp..Uwu....",
        "..Ppppppvuwu....",
        "..pPPppppvUu.t..",
        "..VppppppVuu.tT.",
        "...VVVVVvVuutTt.",
        "....TtvvvpPvttt.",
        "...tTtvPppvVvt..",
        "....ttVvvvvVt...",
        ".....t.VVVV.....",
        "................",
    ],
    [  # alloy A: plates, a pipe and a bolt
        "................",
        "................",
        "................",
        "................",
        "................",
        "......ZZzzs.....",
        ".....Zzzzzss....",
        "...kk.zSzzsS....",
        "..kwkKSsssSS....",
        "..Kkkzzzsqss.Zz.",
        "...KzZzzzzzSszzs",
        "..SzzzsszzSssszs",
        "..sssssSssssSSs.",
        "...rsSSSSqSrSS..",
        "....qqqqqqqqq...",
        "................",
    ],
    [  # organic B: leaf litter and a core
        "................",
        "................",
        "................",
        "................",
        "................",
        "........A.......",
        "..mM...aAa......",
        ".mMmG..aAa..gm..",
        "..gmGddLad.gmMg.",
        "...GdLddddDgmg..",
        "..dLdmdddmdddD..",
        "..LddMgdddgMddD.",
        "..dddmgdDdDgdD..",
        "...DDdDDxdDDD...",
        ".....DDDDDD.....",
        "................",
    ],
    [  # polymer B: a crushed canister and a bag
        "................",
        "................",
        "................",
        "................",
        "........PPp.....",
        ".......Pppppp...",
        "......Pppvppv...",
        "..UUw.ppvvpppV..",
        ".Uwwuuvpppvpv...",
        ".uUUuuVvvpvvV...",
        "..uuuuVVVvVV....",
        "..Vvvp..tTTt....",
        "..vPPpv.tttTt...",
        "..VvvvV..ttt....",
        "...VVV..........",
        "................",
    ],
    [  # alloy B: a cog and a bent rod
        "................",
        "................",
        "................",
        "................",
        "......z.z.......",
        ".....zZZZZz.....",
        "...zzZzzzzSs....",
        "....zZzqqzsS....",
        "...zzzqSSqsSs...",
        "....zzsqqssS.kw.",
        "...sSsssssSSkwK.",
        "....sSsSSsSkwK..",
        ".....S.S.SkwK...",
        "..........KK....",
        "................",
        "................",
    ],
]


def waste_frames() -> list[list[Canvas]]:
    """[variant][kind] with kind 0 organic, 1 polymer, 2 alloy."""
    out: list[list[Canvas]] = [[], []]
    for i, rows in enumerate(WASTE):
        c = Canvas(16, 16)
        c.paste(rows, WASTE_LEGEND)
        c.outline("ink")
        c.drop_shadow(8.5, 14.5, 6.0, 1.5, alpha=90)
        if i % 3 == 2:  # glints on metal
            gx, gy = (4, 8) if i < 3 else (6, 5)
            c.set(gx, gy, "steel_3")
        out[i // 3].append(c)
    return out


# ---------------------------------------------------------------------------------------
# the Waste-to-Life node: 16x24, 4 pulse frames, row 0 idle, row 1 working
# ---------------------------------------------------------------------------------------
def node(working: bool, f: int) -> Canvas:
    c = Canvas(16, 24)
    yy, xx = np.mgrid[0:24, 0:16]
    pulse = [0.0, 0.5, 1.0, 0.5][f]
    # copper base: a squat cylinder
    base = (xx >= 2) & (xx <= 13) & (yy >= 17) & (yy <= 21)
    base |= ellipse_mask(16, 24, 7.5, 21.0, 6.0, 1.6)
    shade(c, base, ["soil_1", "amber_0", "amber_1", "amber_2"],
          np.clip(1.1 - (xx - 2) / 11.0, 0, 1))
    c.fill_mask(ellipse_mask(16, 24, 7.5, 17.0, 6.0, 1.6), "amber_2")
    c.fill_mask(ellipse_mask(16, 24, 7.5, 17.0, 4.6, 1.0), "soil_1")
    for x in (4, 8, 11):
        c.set(x, 19, "amber_3")
    c.hline(3, 12, 21, "soil_0")
    # glass bulb with culture
    bulb = ellipse_mask(16, 24, 7.5, 10.0, 5.6, 7.0)
    liquid = bulb & (yy >= 7 - (1 if working else 0))
    glass = bulb & ~liquid
    c.fill_mask(glass, "teal_0")
    if working:
        core = sphere_light(16, 24, 7.5, 12.0, 5.2, 5.6, light=(0.0, 0.0, 1.0))
        ramp = ["moss_1", "moss_2", "teal_2", "teal_3", "teal_4"]
        shade(c, liquid, ramp, core * (0.75 + 0.3 * pulse) + 0.05)
    else:
        core = sphere_light(16, 24, 7.5, 12.0, 5.2, 5.6, light=(0.0, 0.0, 1.0))
        shade(c, liquid, ["moss_0", "moss_1", "moss_2"], core * (0.55 + 0.15 * pulse))
    # meniscus
    top = 7 - (1 if working else 0)
    for x in range(16):
        if liquid[top, x]:
            c.set(x, top, "teal_3" if working else "moss_2")
    # bubbles rising
    bubbles = [(5, 0), (9, 3), (7, 6), (10, 8)] if working else [(6, 2), (9, 6)]
    for bx, off in bubbles:
        by = 16 - ((f * 2 + off) % 9)
        if by > top and liquid[by, bx]:
            c.set(bx, by, "teal_4" if working else "moss_3")
    # glass shine, top-left
    for x, y in [(4, 5), (3, 7), (3, 8), (5, 4)]:
        c.set(x, y, "steel_3")
    c.set(11, 14, "teal_2")
    # cap and sprout
    c.rect(6, 2, 4, 2, "amber_1")
    c.hline(6, 9, 2, "amber_2")
    c.set(9, 3, "amber_0")
    c.set(7, 1, "moss_2")
    c.set(8, 0, "moss_3")
    c.set(6, 0, "moss_3")
    c.set(9, 1, "moss_4" if working else "moss_3")
    # vines around the base and up the glass
    for x, y in [(2, 18), (3, 17), (2, 16), (1, 15), (2, 14), (13, 18), (13, 16), (14, 15),
                 (12, 20), (5, 20), (6, 19)]:
        c.set(x, y, "moss_2")
    for x, y in [(1, 14), (14, 14), (6, 20)]:
        c.set(x, y, "moss_3")
    if working:
        c.set(1, 13, "bloom_3" if f % 2 else "bloom_2")
        c.set(14, 14, "teal_4")
    c.outline("ink")
    c.drop_shadow(8.5, 22.5, 6.5, 1.4, alpha=90)
    return c


def node_frames() -> list[list[Canvas]]:
    return [[node(False, f) for f in range(4)], [node(True, f) for f in range(4)]]


# ---------------------------------------------------------------------------------------
# icons: 8x8, one row
# ---------------------------------------------------------------------------------------
ICON_LEGEND = {
    "o": "ink", "d": "soil_2", "D": "soil_1", "L": "soil_3", "m": "moss_3", "M": "moss_4",
    "g": "moss_2", "v": "bloom_1", "V": "bloom_0", "p": "bloom_2", "P": "bloom_3",
    "s": "steel_2", "S": "steel_1", "w": "steel_3", "a": "amber_2", "A": "amber_3",
    "r": "amber_1", "R": "amber_0", "z": "stone_3", "Z": "stone_4", "x": "stone_2",
    "e": "alarm_1", "E": "alarm_0", "t": "teal_3", "T": "teal_2",
}
ICONS = {
    "organic": ["....om..", "...omMo.", "..oLddo.", ".oLdddDo", ".odDddDo", "oddDdDDo",
                ".oDDDDo.", "..oooo.."],
    "polymer": ["...oo...", "..oPpo..", "..opVo..", ".oPppvo.", ".oPppvo.", ".opppvo.",
                ".oVvvVo.", "..oooo.."],
    "alloy": ["..oooo..", ".owsssSo", "oss..sSo", "os.oo.So", "os.oo.So", "oSs..SSo",
              ".oSSSSo.", "..oooo.."],
    "biomass": ["....ooo.", "..ooMmo.", ".oMmmgo.", ".oMmgmgo", "oMmgmgo.", "omgmgo..",
                "ogoo....", "oo......"],
    "pigment": ["...oo...", "...oPo..", "..oPpo..", ".oPpppo.", ".oPppvo.", ".oppppvo",
                "..ovvvo.", "...ooo.."],
    "spark": ["...oooo.", "..oAao..", ".oAao...", "oAaaaao.", ".ooaRo..", "..oaro..",
              ".oaro...", ".ooo...."],
    "clock": ["..oooo..", ".oZZzzo.", "oZZozzxo", "oZzozzxo", "oZzoooxo", "ozzzzxxo",
              ".oxxxxo.", "..oooo.."],
    "flag": ["oooooo..", "otttTTo.", "otTTTTo.", "otTTToo.", "oooooo..", "oz......",
             "oz......", "oo......"],
    "bag": ["..oooo..", ".oo..oo.", "oLLddddo", "oLdtTddo", "oLdTTddo", "oddddDDo",
            "oDDDDDDo", ".oooooo."],
    "heart": [".oo.oo..", "oPpopvo.", "oPppppvo", "opppppvo", ".oppvvo.", "..opvo..",
              "...oo...", "........"],
    "hammer": ["oooooo..", "ozZzzxo.", "oxxzxxo.", "oooLoo..", "...oLo..", "...odo..",
               "...odo..", "...ooo.."],
    "coin": ["..oooo..", ".oAAaao.", "oAaoorao", "oAaorrao", "oAaoorao", "oaarrrRo",
             ".oRRRRo.", "..oooo.."],
}
ICON_ORDER = ["organic", "polymer", "alloy", "biomass", "pigment", "spark", "clock", "flag",
              "bag", "heart", "hammer", "coin"]


def icons_sheet() -> Canvas:
    c = Canvas(8 * len(ICON_ORDER), 8)
    for i, name in enumerate(ICON_ORDER):
        c.paste(ICONS[name], ICON_LEGEND, i * 8, 0)
    return c


# ---------------------------------------------------------------------------------------
def glow(size: int = 48) -> Canvas:
    """White centre fading to black; use with BLEND_RGB_ADD."""
    c = Canvas(size, size)
    yy, xx = np.mgrid[0:size, 0:size].astype(float)
    r = np.hypot(xx + 0.5 - size / 2, yy + 0.5 - size / 2) / (size / 2)
    v = np.clip(1 - r, 0, 1) ** 2.2
    c.a[..., :3] = (v * 255).round().astype(np.uint8)[..., None]
    c.a[..., 3] = 255
    return c


def cursor() -> Canvas:
    c = Canvas(16, 16)
    for flip_x in (False, True):
        for flip_y in (False, True):
            pts = [(0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (0, 1), (0, 2), (0, 3), (0, 4)]
            for x, y in pts:
                px = 15 - x if flip_x else x
                py = 15 - y if flip_y else y
                c.set(px, py, "steel_3")
    inner = Canvas(16, 16)
    inner.a = c.a.copy()
    c.outline("ink")
    c.blit(inner, 0, 0)
    return c
