"""The drone swarm as a structure of integer numpy arrays, one row per drone.

Rows are kept in spawn order (serial): spawning appends, deaths compress with a boolean
mask, both once per tick, so the order — and every result — is the same on every run.
"""

from __future__ import annotations

import hashlib

import numpy as np

# name -> dtype. Positions are sub-pixels (int32 holds maps up to 8 million px).
COLUMNS: dict[str, type] = {
    "x": np.int32,
    "y": np.int32,
    "hp": np.int32,
    "max_hp": np.int32,
    "kind": np.int8,
    "stun": np.int16,  # ticks left disabled by an emitter's zap
    "turned": np.int16,  # ticks left fighting for Kora (Override)
    "cool": np.int16,  # ticks until its next hit
    "serial": np.int32,  # spawn number: stable identity and tie-breaker
}


class Swarm:
    def __init__(self) -> None:
        for name, dtype in COLUMNS.items():
            setattr(self, name, np.zeros(0, dtype=dtype))
        self.next_serial = 0

    x: np.ndarray
    y: np.ndarray
    hp: np.ndarray
    max_hp: np.ndarray
    kind: np.ndarray
    stun: np.ndarray
    turned: np.ndarray
    cool: np.ndarray
    serial: np.ndarray

    def __len__(self) -> int:
        return int(self.x.size)

    def spawn(self, x: np.ndarray, y: np.ndarray, kind: np.ndarray, hp: np.ndarray) -> None:
        """Append a batch of drones (the tick's whole batch at once)."""
        n = int(np.asarray(x).size)
        if not n:
            return
        serial = np.arange(self.next_serial, self.next_serial + n, dtype=np.int32)
        self.next_serial += n
        new = {"x": x, "y": y, "hp": hp, "max_hp": hp, "kind": kind, "serial": serial}
        for name, dtype in COLUMNS.items():
            col = np.asarray(new[name], dtype=dtype) if name in new else np.zeros(n, dtype)
            setattr(self, name, np.concatenate([getattr(self, name), col]))

    def remove_dead(self) -> np.ndarray:
        """Drop every drone with hp <= 0 in one pass; returns the dead rows' (x, y)."""
        dead = self.hp <= 0
        if not dead.any():
            return np.zeros((0, 2), dtype=np.int32)
        gone = np.stack([self.x[dead], self.y[dead]], axis=1)
        keep = ~dead
        for name in COLUMNS:
            setattr(self, name, getattr(self, name)[keep])
        return gone

    def hostile(self) -> np.ndarray:
        return self.turned == 0

    def digest(self) -> str:
        """SHA-256 of every column's bytes (little-endian fixed dtypes), for the state hash."""
        h = hashlib.sha256(str(self.next_serial).encode())
        for name in COLUMNS:
            h.update(name.encode())
            h.update(np.ascontiguousarray(getattr(self, name)).astype(
                np.dtype(COLUMNS[name]).newbyteorder("<")).tobytes())
        return h.hexdigest()
