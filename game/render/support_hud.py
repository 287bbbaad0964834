"""The HUD of the civic levels: support per district (a bar each, the rally threshold
and the city's target marked), the next smear, Dax's Rally cooldown, the mural in
reach and the co-op's goals. Reads the simulation only."""

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

LEFT, TOP, WIDTH = 4, 34, 150
BAR_W = 56
SMEAR = palette.PALETTE["alarm_1"]
WARN = palette.PALETTE["amber_2"]
SUPPORT = palette.PALETTE["bloom_2"]
RALLIED = palette.PALETTE["teal_3"]


def target_percent(sim: Simulation) -> int:
    obj = sim.level.objective
    if obj.kind == "support":
        return obj.amount
    return int(sim.level.properties.get("goal_support") or 0)


def draw_civic_hud(target: pygame.Surface, font: BitmapFont, sim: Simulation,
                   time_ms: int) -> None:
    districts = [d for _, d in sim.query(District)]
    if not districts:
        return
    civic = sim.query(Civic)
    civic_state = civic[0][1] if civic else None
    lh = font.line_height
    goals = _goals(sim)
    goal = target_percent(sim)
    header = len(districts) > 1 or goal > 0  # one district without a target: its row says it
    rally = civic_state is not None and (civic_state.smear_first > 0
                                         or civic_state.rally_unlocked)
    rows = len(districts) + header + rally + len(goals)
    rect = pygame.Rect(LEFT, TOP, WIDTH, 6 + rows * (lh + 2))
    panel(target, rect)
    x, y = rect.x + 4, rect.y + 3
    if header:
        city = city_support(districts) // PERCENT
        colour = palette.UI_GOOD if goal and city >= goal else palette.UI_TEXT
        label = (t("civic", "city", pct=city, goal=goal) if goal
                 else t("civic", "city_plain", pct=city))
        font.draw(target, label, (x, y), colour, shadow=(0, 0, 0))
        y += lh + 2
    blink = (time_ms // 300) % 2 == 0
    for d in districts:
        y = _district_row(target, font, d, civic_state, goal, x, y, blink)
    if rally:  # levels with smears, or Dax carried in from an earlier level
        _rally_row(target, font, sim, civic_state, x, y)
        y += lh + 2
    for name, have, want in goals:
        done = have >= want
        text = t("civic", f"goal_{name}", have=have, want=want)
        font.draw(target, ("+ " if done else "- ") + text, (x, y),
                  palette.UI_GOOD if done else palette.UI_TEXT, shadow=(0, 0, 0))
        y += lh + 2
    _mural_prompt(target, font, sim)


def _goals(sim: Simulation) -> list[tuple[str, int, int]]:
    if sim.level.objective.kind != "coop":
        return []
    return coop_goals(sim._context([], []))


def _district_row(target, font, d: District, civic: Civic | None, goal: int, x: int,
                  y: int, blink: bool) -> int:
    name = d.name if font.size(d.name)[0] <= 62 else d.name.split()[0]
    warned = civic is not None and civic.smear_target == d.index
    colour = SMEAR if d.smear_left else (WARN if warned and blink else palette.UI_TEXT)
    font.draw(target, name, (x, y), colour, shadow=(0, 0, 0))
    bx = x + 64
    brect = pygame.Rect(bx, y + 2, BAR_W, 6)
    bar(target, brect, d.support / (100 * PERCENT),
        SMEAR if d.smear_left else (RALLIED if d.rallied else SUPPORT))
    for pct, mark in ((d.rally_threshold // PERCENT, RALLIED), (goal, palette.UI_ACCENT)):
        if 0 < pct < 100:
            mx = brect.x + 1 + (brect.width - 2) * pct // 100
            target.fill(mark, (mx, brect.y - 1, 1, brect.height + 2))
    font.draw(target, f"{d.support // PERCENT}%", (bx + BAR_W + 4, y), colour,
              shadow=(0, 0, 0))
    return y + font.line_height + 2


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
    font.draw(target, text, (x, y), colour, shadow=(0, 0, 0))
    if civic.rally_unlocked and sim.tick < civic.rally_ready:
        done = 1 - (civic.rally_ready - sim.tick) / sim.balance.civic.rally_cooldown
        bar(target, pygame.Rect(x + WIDTH - 30, y + 2, 22, 5), done, palette.UI_DIM)


def _mural_prompt(target, font, sim: Simulation) -> None:
    """What painting the wall in reach would do: the next stage, its cost, its progress."""
    hit = mural_in_reach(sim.player()[1])
    if hit is None:
        return
    _, mural = hit
    if mural.stage >= LAST_STAGE:
        text, colour = t("civic", "mural_done"), palette.UI_GOOD
    else:
        stage = MURAL_STAGES[mural.stage + 1]
        cost = sim.balance.civic.paint_cost[mural.stage]
        if mural.paint_progress:
            pct = 100 * mural.paint_progress // sim.balance.civic.paint_ticks[mural.stage]
            text, colour = t("civic", "mural_painting", stage=stage, pct=pct), SUPPORT
        else:
            short = sim.state.stock.get("pigment", 0) < cost
            text = t("civic", "mural_paint", stage=stage, cost=cost)
            colour = palette.UI_BAD if short else palette.UI_ACCENT
    w, h = target.get_size()
    rect = pygame.Rect(0, 0, font.size(text)[0] + 12, font.line_height + 4)
    rect.midbottom = (w // 2, h - 4 - 18 - 2 * (font.line_height + 4) - 4)
    panel(target, rect, border=colour)
    font.draw(target, text, (rect.centerx, rect.y + 2), colour, shadow=(0, 0, 0),
              align="center")


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
