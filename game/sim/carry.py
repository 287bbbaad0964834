"""The campaign carry-in as the simulation takes it: a plain dict, cleaned to known keys
and bounded integers, so a hand-edited profile or replay header can never inject
anything else. Made by game/campaign/carry.py; applied by civic_setup."""

from __future__ import annotations

MAX_STOCK = 10_000


def clean_carry(carry: object) -> dict:
    """Known keys with sane integers only; {} for nothing (or anything broken)."""
    if not isinstance(carry, dict):
        return {}
    out: dict = {}
    stock = carry.get("stock", {})
    if isinstance(stock, dict):
        kept = {str(k): v for k, v in sorted(stock.items())
                if type(v) is int and 0 < v <= MAX_STOCK}
        if kept:
            out["stock"] = kept
    murals = carry.get("murals", [])
    if isinstance(murals, list):
        kept_murals = [m for m in murals if type(m) is int and 0 < m <= 3][:64]
        if kept_murals:
            out["murals"] = kept_murals
    vol = carry.get("volunteers", 0)
    if type(vol) is int and 0 < vol <= 100:
        out["volunteers"] = vol
    return out
