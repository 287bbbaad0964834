"""Event kinds of the confrontation (see game/sim/events.py for the others)."""

WAVE_STARTED = "wave_started"  # wave, makeup {type: count}, early (bool), bonus
DRONES_DOWN = "drones_down"  # count, at [(x_px, y_px), ...] (at most a few dozen)
MURAL_HIT = "mural_hit"  # wall_id, damage, health, x, y (px)
MURAL_DESTROYED = "mural_destroyed"  # wall_id, x, y
AEGIS_ABSORBED = "aegis_absorbed"  # wall_id, amount
BARRIER_HIT = "barrier_hit"  # tx, ty, hp
BARRIER_DESTROYED = "barrier_destroyed"  # tx, ty
ZAP = "zap"  # from (x0, y0) to (x1, y1) in px, kind of the drone hit
ABILITY_USED = "ability_used"  # ability, x, y (px), count (drones turned)
ABILITY_REFUSED = "ability_refused"  # ability, reason
OVERRIDE_ENDED = "override_ended"  # count of drones that turned back
EMITTER_CHANGED = "emitter_changed"  # tx, ty, mode, level
SOLD = "sold"  # kind, tx, ty, refund {resource: n}
