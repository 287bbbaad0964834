"""Drones move along the flow field, hit murals and barriers, turned drones fight the
others, and the dead are removed: all vectorised over the swarm arrays, once per tick."""

from __future__ import annotations

import esper
import numpy as np

from game.sim.components import Mural, Position, Structure
from game.sim.constants import SUBPX, TILE
from game.sim.query import ordered
from game.sim.state import TickContext
from game.sim.swarm import events as sev
from game.sim.swarm.components import Barrier
from game.sim.swarm.flowfield import DIR_DX, DIR_DY, UNREACHED
from game.sim.swarm.state import Confrontation

JITTER = 200  # sub-pixels: each drone aims a little off the tile centre (a swarm, not a line)
MAX_LISTED = 48  # positions listed per DRONES_DOWN event (for particles)


def jitter(serial: np.ndarray, span: int) -> tuple[np.ndarray, np.ndarray]:
    """A fixed per-drone offset in [-span/2, span/2) from an integer hash of its serial."""
    h = (serial.astype(np.int64) * 2654435761) & 0xFFFFFFFF
    return (h & 0xFFFF) % span - span // 2, (h >> 16) % span - span // 2


class DroneSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        conf: Confrontation | None = ctx.conf
        if conf is None or not conf.active:
            return
        s = conf.swarm  # fields: refreshed by FieldSystem after this tick's builds
        if not len(s):
            return
        for col in (s.stun, s.cool):
            np.subtract(col, 1, out=col, where=col > 0)
        ending = s.turned == 1
        np.subtract(s.turned, 1, out=s.turned, where=s.turned > 0)
        if ending.any():
            ctx.emit(sev.OVERRIDE_ENDED, count=int(ending.sum()))
        w = ctx.grid.width
        idx = (s.y // TILE) * w + s.x // TILE
        dist = conf.dist.ravel()[idx]
        cut_off = conf.breaker[s.kind] | (dist >= UNREACHED)
        dcode = conf.dir.ravel()[idx]
        here = dist
        if cut_off.any():
            dist_b, dir_b = conf.breaker_fields()
            dcode = np.where(cut_off, dir_b.ravel()[idx], dcode)
            here = np.where(cut_off, dist_b.ravel()[idx], dist)
            # Walled in for good (even through barriers): it powers down, so a wave can
            # always be cleared.
            s.hp[here >= UNREACHED] = 0
        free = (s.stun == 0) & (s.turned == 0)
        at_mural = free & (here == 0)
        nidx = idx + DIR_DY[dcode] * w + DIR_DX[dcode]
        into_barrier = free & ~at_mural & (dcode > 0) & conf.barrier_mask.ravel()[nidx]
        moving = free & ~at_mural & ~into_barrier & (dcode > 0)
        self._move(conf, moving, nidx, w)
        ready = s.cool == 0
        self._hit_murals(ctx, conf, at_mural & ready, idx)
        self._hit_barriers(ctx, conf, into_barrier & ready, nidx, w)
        self._turned_fight(ctx, conf, idx)
        gone = s.remove_dead()
        if len(gone):
            self._salvage(ctx, conf, len(gone))
            listed = [(int(x) // SUBPX, int(y) // SUBPX) for x, y in gone[:MAX_LISTED]]
            ctx.emit(sev.DRONES_DOWN, count=len(gone), at=listed)

    @staticmethod
    def _salvage(ctx: TickContext, conf: Confrontation, downed: int) -> None:
        """Every `salvage_drones` drones downed leave one spark of scrap: a big wave
        held pays for the upgrades the next one needs."""
        conf.salvage += downed
        gain, conf.salvage = divmod(conf.salvage, conf.rules.salvage_drones)
        if gain:
            res = conf.rules.early_bonus_resource
            ctx.state.stock[res] = ctx.state.stock.get(res, 0) + gain

    @staticmethod
    def _move(conf: Confrontation, moving: np.ndarray, nidx: np.ndarray, w: int) -> None:
        s = conf.swarm
        if not moving.any():
            return
        jx, jy = jitter(s.serial[moving], JITTER)
        n = nidx[moving]
        tx = (n % w) * TILE + TILE // 2 + jx
        ty = (n // w) * TILE + TILE // 2 + jy
        speed = conf.speed[s.kind[moving]]
        # Aiming at a point in the next 4-neighbour tile keeps the drone inside the two
        # tiles, so it never clips a corner of a wall.
        s.x[moving] += np.clip(tx - s.x[moving], -speed, speed).astype(np.int32)
        s.y[moving] += np.clip(ty - s.y[moving], -speed, speed).astype(np.int32)

    @staticmethod
    def _hit_murals(ctx: TickContext, conf: Confrontation, hitters: np.ndarray,
                    idx: np.ndarray) -> None:
        if not hitters.any():
            return
        s = conf.swarm
        which = conf.mural_of.ravel()[idx[hitters]].astype(np.int64)
        dmg = np.zeros(len(conf.mural_walls), dtype=np.int64)  # integer sums, no floats
        np.add.at(dmg, which, conf.mural_damage[s.kind[hitters]])
        s.cool[hitters] = conf.hit_ticks[s.kind[hitters]]
        for _, (mural, pos) in ordered(Mural, Position):
            i = conf.mural_walls.index(mural.wall_id)
            amount = int(dmg[i]) if i < len(dmg) else 0
            if amount <= 0 or mural.health <= 0:
                continue
            x, y = pos.x // SUBPX, pos.y // SUBPX
            if mural.shield_ticks > 0:
                ctx.emit(sev.AEGIS_ABSORBED, wall_id=mural.wall_id, amount=amount, x=x, y=y)
                continue
            mural.health = max(0, mural.health - amount)
            ctx.emit(sev.MURAL_HIT, wall_id=mural.wall_id, damage=amount,
                     health=mural.health, x=x, y=y)
            if mural.health == 0:
                ctx.emit(sev.MURAL_DESTROYED, wall_id=mural.wall_id, x=x, y=y)

    @staticmethod
    def _hit_barriers(ctx: TickContext, conf: Confrontation, hitters: np.ndarray,
                      nidx: np.ndarray, w: int) -> None:
        if not hitters.any():
            return
        s = conf.swarm
        tiles = nidx[hitters]
        dmg = conf.barrier_damage[s.kind[hitters]]
        s.cool[hitters] = conf.hit_ticks[s.kind[hitters]]
        order = np.unique(tiles)
        sums = np.zeros(order.size, dtype=np.int64)  # integer sums, no floats
        np.add.at(sums, np.searchsorted(order, tiles), dmg)
        damage = {int(t): int(d) for t, d in zip(order, sums, strict=True)}
        for eid, (st, barrier) in ordered(Structure, Barrier):
            amount = damage.get(st.ty * w + st.tx, 0)
            if not amount:
                continue
            barrier.hp = max(0, barrier.hp - amount)
            ctx.emit(sev.BARRIER_HIT, tx=st.tx, ty=st.ty, hp=barrier.hp)
            if barrier.hp == 0:
                esper.delete_entity(eid, immediate=True)
                ctx.grid.remove_structure(st.tx, st.ty)
                conf.barrier_mask[st.ty, st.tx] = False
                ctx.emit(sev.BARRIER_DESTROYED, tx=st.tx, ty=st.ty)

    @staticmethod
    def _turned_fight(ctx: TickContext, conf: Confrontation, idx: np.ndarray) -> None:
        """Each ready turned drone with a hostile drone in its tile or the 8 around hits
        every hostile drone there."""
        s = conf.swarm
        ready = (s.turned > 0) & (s.cool == 0) & (s.stun == 0)
        if not ready.any():
            return
        h, w = ctx.grid.height, ctx.grid.width
        hostile = s.turned == 0
        ready &= _box(idx[hostile], h, w)[idx] > 0
        if not ready.any():
            return
        hits = _box(idx[ready], h, w)[idx] * conf.rules.abilities["override"].turned_damage
        s.hp -= np.where(hostile, hits, 0).astype(np.int32)
        s.cool[ready] = conf.hit_ticks[s.kind[ready]]


def _box(tiles: np.ndarray, h: int, w: int) -> np.ndarray:
    """Per tile (flat), how many of `tiles` lie in it or the 8 around it."""
    pad = np.zeros((h + 2, w + 2), dtype=np.int64)
    pad[1:-1, 1:-1] = np.bincount(tiles, minlength=h * w).reshape(h, w)
    return sum(pad[1 + dy:h + 1 + dy, 1 + dx:w + 1 + dx]
               for dy in (-1, 0, 1) for dx in (-1, 0, 1)).ravel()
