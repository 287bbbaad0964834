"""The simulation's own random number generator (PCG32).

Implemented in plain integer arithmetic so results are identical on every platform and
Python version, and its whole state is one integer pair that the state hash includes.
"""

from __future__ import annotations

_MASK64 = (1 << 64) - 1
_MULT = 6364136223846793005


class Pcg32:
    __slots__ = ("state", "inc")

    def __init__(self, seed: int, stream: int = 54) -> None:
        self.inc = ((stream << 1) | 1) & _MASK64
        self.state = 0
        self.next_u32()
        self.state = (self.state + (seed & _MASK64)) & _MASK64
        self.next_u32()

    def next_u32(self) -> int:
        old = self.state
        self.state = (old * _MULT + self.inc) & _MASK64
        xorshifted = (((old >> 18) ^ old) >> 27) & 0xFFFFFFFF
        rot = old >> 59
        return ((xorshifted >> rot) | (xorshifted << ((-rot) & 31))) & 0xFFFFFFFF

    def below(self, bound: int) -> int:
        """Uniform integer in [0, bound) without modulo bias."""
        if bound <= 0:
            raise ValueError("bound must be positive")
        threshold = (-bound & 0xFFFFFFFF) % bound
        while True:
            r = self.next_u32()
            if r >= threshold:
                return r % bound

    def chance(self, numerator: int, denominator: int) -> bool:
        return self.below(denominator) < numerator

    def snapshot(self) -> tuple[int, int]:
        return (self.state, self.inc)
