"""The HUD of the civic levels: a strip under the top bar with support per district (a
bar each, the rally threshold and the city's target marked), the next smear, Dax's
Rally cooldown and the co-op's goals; and the line for the mural in reach. Reads the
simulation only."""

from __future__ import annotations

import pygame

from game.content.civic import PERCENT
from game.content.text import t
from game.render import palette
from game.render.font import BitmapFont
from game.render.widgets import bar, panel
from game.sim.civic import Civic, District
from game.sim.components import MURAL_STAGES
from game.sim.constants import TICK_RATE
from game.sim.objectives.coop import coop_goals
from game.sim.support import city_support
from game.sim.systems.painting import LAST_STAGE, mural_in_reach
from game.sim.world import Simulation
from game.speedrun.timefmt import format_ticks

ROW_H = 14  # one row of the civic strip, under the top bar
GAP = 10
BAR_W = 30
SMEAR = palette.PALETTE["alarm_1"]
WARN = palette.PALETTE["amber_2"]
SUPPORT = palette.PALETTE["bloom_2"]
RALLIED = palette.PALETTE["teal_3"]


def target_percent(sim: Simulation) -> int:
    obj = sim.level.objective
    if obj.kind == "support":
        return obj.amount
    return int(sim.level.properties.get("goal_support") or 0)


def civic_rows(sim: Simulation, font: BitmapFont, width: int) -> int:
    """How many rows the civic strip needs (0 without districts): fixed for a level, so
    the camera's view does not jump as numbers change."""
    slots = _slots(sim, font)
    if not slots:
        return 0
    rows, x = 1, 0
    for w in slots:
        if x and x + w > width:
            rows, x = rows + 1, 0
        x += w + GAP
    return rows


def civic_width(sim: Simulation, font: BitmapFont) -> int:
    """How far the strip's items reach when they fit one row (where the wave line of a
    wave level can start)."""
    slots = _slots(sim, font)
    return 4 + sum(slots) + GAP * len(slots) if slots else 0


def _slots(sim: Simulation, font: BitmapFont) -> list[int]:
    """The widest each item of the strip can be, in drawing order."""
    districts = [d for _, d in sim.query(District)]
    if not districts:
        return []
    out = []
    if _header(sim, districts):
        out.append(font.size(t("civic", "city", pct=100, goal=100))[0])
    out += [_name_w(font, d) + 4 + BAR_W + 4 + font.size("100%")[0] for d in districts]
    if _rally_shown(sim):
        lines = [t("civic", "rally_locked"), t("civic", "rally_ready"),
                 t("civic", "rally_wait", left="9:99")]
        civic = sim.query(Civic)
        if civic and civic[0][1].smear_first > 0:  # a level with smears
            lines.append(t("civic", "smear_soon", secs=99) + "  " + t("civic", "rally_cooling"))
        out.append(max(font.size(line)[0] for line in lines))
    out += [font.size(t("civic", f"goal_{name}", have=want, want=want))[0]
            for name, _have, want in _strip_goals(sim, districts)]
    return out


def _strip_goals(sim: Simulation, districts) -> list[tuple[str, int, int]]:
    """The co-op's goals but support, which the city header already shows."""
    header = _header(sim, districts)
    return [g for g in _goals(sim) if not (header and g[0] == "support")]


def _header(sim: Simulation, districts) -> bool:
    return len(districts) > 1 or target_percent(sim) > 0  # one district without a goal:
    # its row says it


def _rally_shown(sim: Simulation) -> bool:
    civic = sim.query(Civic)
    state = civic[0][1] if civic else None
    return state is not None and (state.smear_first > 0 or state.rally_unlocked)


def _name_w(font: BitmapFont, d: District) -> int:
    return font.size(_short(font, d.name))[0]


def _short(font: BitmapFont, name: str) -> str:
    return name if font.size(name)[0] <= 62 else name.split()[0]


def draw_civic_hud(target: pygame.Surface, font: BitmapFont, sim: Simulation,
                   time_ms: int, top: int) -> list[pygame.Rect]:
    """The civic strip: one row (or more) from `top`, the whole width of the screen:
    city support, each district's bar, the Rally, the co-op's goals. Returns its rect."""
    districts = [d for _, d in sim.query(District)]
    if not districts:
        return []
    w = target.get_width()
    slots = _slots(sim, font)
    rows = civic_rows(sim, font, w - 8)
    rect = pygame.Rect(0, top, w, rows * ROW_H)
    panel(target, rect, alpha=255)
    civic = sim.query(Civic)
    civic_state = civic[0][1] if civic else None
    goal = target_percent(sim)
    blink = (time_ms // 300) % 2 == 0
    draws = []
    if _header(sim, districts):
        city = city_support(districts) // PERCENT
        colour = palette.UI_GOOD if goal and city >= goal else palette.UI_TEXT
        label = (t("civic", "city", pct=city, goal=goal) if goal
                 else t("civic", "city_plain", pct=city))
        draws.append(lambda x, y, s=label, c=colour: font.draw(target, s, (x, y), c,
                                                                shadow=(0, 0, 0)))
    for d in districts:
        draws.append(lambda x, y, d=d: _district(target, font, d, civic_state, goal, x, y,
                                                 blink))
    if _rally_shown(sim):
        draws.append(lambda x, y: _rally_row(target, font, sim, civic_state, x, y))
    for name, have, want in _strip_goals(sim, districts):
        done = have >= want
        text = t("civic", f"goal_{name}", have=have, want=want)  # green once met
        draws.append(lambda x, y, s=text, c=(palette.UI_GOOD if done else palette.UI_TEXT):
                     font.draw(target, s, (x, y), c, shadow=(0, 0, 0)))
    x, y = 4, top + 2
    for width, draw in zip(slots, draws, strict=True):
        if x > 4 and x + width > w - 4:
            x, y = 4, y + ROW_H
        draw(x, y)
        x += width + GAP
    return [rect]


def _goals(sim: Simulation) -> list[tuple[str, int, int]]:
    if sim.level.objective.kind != "coop":
        return []
    return coop_goals(sim._context([], []))


def _district(target, font, d: District, civic: Civic | None, goal: int, x: int,
              y: int, blink: bool) -> None:
    warned = civic is not None and civic.smear_target == d.index
    colour = SMEAR if d.smear_left else (WARN if warned and blink else palette.UI_TEXT)
    bx = font.draw(target, _short(font, d.name), (x, y), colour, shadow=(0, 0, 0)).right + 4
    brect = pygame.Rect(bx, y + 2, BAR_W, 6)
    bar(target, brect, d.support / (100 * PERCENT),
        SMEAR if d.smear_left else (RALLIED if d.rallied else SUPPORT))
    for pct, mark in ((d.rally_threshold // PERCENT, RALLIED), (goal, palette.UI_ACCENT)):
        if 0 < pct < 100:
            mx = brect.x + 1 + (brect.width - 2) * pct // 100
            target.fill(mark, (mx, brect.y - 1, 1, brect.height + 2))
    font.draw(target, f"{d.support // PERCENT}%", (bx + BAR_W + 4, y), colour,
              shadow=(0, 0, 0))


def _rally_row(target, font, sim: Simulation, civic: Civic | None, x: int, y: int) -> None:
    if civic is None:
        return
    if civic.smear_target >= 0:
        secs = max(0, civic.next_smear - sim.tick) // TICK_RATE
        text, colour = t("civic", "smear_soon", secs=secs), WARN
    elif not civic.rally_unlocked:
        text, colour = t("civic", "rally_locked"), palette.UI_DIM
    elif sim.tick >= civic.rally_ready:
        text, colour = t("civic", "rally_ready"), palette.UI_GOOD
    else:
        left = format_ticks(civic.rally_ready - sim.tick).split(".")[0]
        text, colour = t("civic", "rally_wait", left=left), palette.UI_DIM
    if civic.rally_unlocked and civic.smear_target >= 0:
        ready = sim.tick >= civic.rally_ready
        text += "  " + t("civic", "rally_ready" if ready else "rally_cooling")
    end = font.draw(target, text, (x, y), colour, shadow=(0, 0, 0)).right
    if civic.rally_unlocked and sim.tick < civic.rally_ready:
        done = 1 - (civic.rally_ready - sim.tick) / sim.balance.civic.rally_cooldown
        bar(target, pygame.Rect(end + 4, y + 2, 22, 5), done, palette.UI_DIM)


def mural_prompt(sim: Simulation) -> tuple[str, tuple[int, int, int]] | None:
    """What painting the wall in reach would do (the next stage, its cost, its progress),
    with its colour; None when no wall is in reach. The HUD's hint row shows it."""
    hit = mural_in_reach(sim.player()[1])
    if hit is None:
        return None
    _, mural = hit
    if mural.stage >= LAST_STAGE:
        return t("civic", "mural_done"), palette.UI_GOOD
    stage = MURAL_STAGES[mural.stage + 1]
    cost = sim.balance.civic.paint_cost[mural.stage]
    if mural.paint_progress:
        pct = 100 * mural.paint_progress // sim.balance.civic.paint_ticks[mural.stage]
        return t("civic", "mural_painting", stage=stage, pct=pct), SUPPORT
    short = sim.state.stock.get("pigment", 0) < cost
    return (t("civic", "mural_paint", stage=stage, cost=cost),
            palette.UI_BAD if short else palette.UI_ACCENT)


# event kind -> good news? (bad news shows red: smears, no pigment)
MESSAGES = {"smear_warning": False, "smear_started": False, "smear_countered": True,
            "dax_joined": True, "district_rallied": True, "artisan_trained": True}


def event_message(event) -> tuple[str, bool] | None:
    """(line, good news) for the message strip when something civic happens."""
    if event.kind == "paint_refused" and event.data.get("reason") == "no_pigment":
        return t("civic", "no_pigment"), False
    if event.kind == "artisan_trained" and not event.data.get("workshop"):
        return None  # a volunteer: district_rallied says so
    if event.kind in MESSAGES:
        name = {k: v for k, v in event.data.items() if k == "name"}
        return t("civic", event.kind, **name), MESSAGES[event.kind]
    return None
