"""Elara walks: held direction → velocity, axis-separated collision against the tile grid."""

from __future__ import annotations

import esper

from game.sim.commands import Move
from game.sim.components import Player, Position
from game.sim.constants import FACING, SUBPX, TILE
from game.sim.grid import Grid
from game.sim.query import ordered
from game.sim.state import TickContext

# 181/256 ≈ 1/√2: diagonal steps keep the same speed, in integer arithmetic.
DIAGONAL_NUM, DIAGONAL_DEN = 181, 256


def last_move(ctx: TickContext) -> Move | None:
    move = None
    for cmd in ctx.commands:
        if isinstance(cmd, Move):
            move = cmd
    return move


class MovementSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        move = last_move(ctx)
        dx, dy = (move.dx, move.dy) if move else (0, 0)
        speed = ctx.rules.player_speed
        if dx and dy:
            speed = speed * DIAGONAL_NUM // DIAGONAL_DEN
        hw = ctx.rules.hitbox_px[0] * SUBPX // 2
        hh = ctx.rules.hitbox_px[1] * SUBPX // 2
        for _, (player, pos) in ordered(Player, Position):
            player.moving = bool(dx or dy)
            if dx or dy:
                player.facing = FACING.get((dx, 0) if dx else (0, dy), player.facing)
            if dx:
                pos.x = _slide_x(ctx.grid, pos.x, pos.y, dx * speed, hw, hh)
            if dy:
                pos.y = _slide_y(ctx.grid, pos.x, pos.y, dy * speed, hw, hh)


def _slide_x(grid: Grid, x: int, y: int, delta: int, hw: int, hh: int) -> int:
    nx = x + delta
    top, bottom = (y - hh) // TILE, (y + hh - 1) // TILE
    if delta > 0:
        col = (nx + hw - 1) // TILE
        if any(grid.is_blocked(col, row) for row in range(top, bottom + 1)):
            return col * TILE - hw
    else:
        col = (nx - hw) // TILE
        if any(grid.is_blocked(col, row) for row in range(top, bottom + 1)):
            return (col + 1) * TILE + hw
    return nx


def _slide_y(grid: Grid, x: int, y: int, delta: int, hw: int, hh: int) -> int:
    ny = y + delta
    left, right = (x - hw) // TILE, (x + hw - 1) // TILE
    if delta > 0:
        row = (ny + hh - 1) // TILE
        if any(grid.is_blocked(col, row) for col in range(left, right + 1)):
            return row * TILE - hh
    else:
        row = (ny - hh) // TILE
        if any(grid.is_blocked(col, row) for col in range(left, right + 1)):
            return (row + 1) * TILE + hh
    return ny
