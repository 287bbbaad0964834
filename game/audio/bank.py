"""Every sound the game plays, with its level and limits (data; no pygame here).

`volume` balances the peak-normalised files against each other; `cap` is how many copies
may sound at once and `gap_ms` how soon the same sound may start again, so 2,000 drones
or a ×8 replay never pile up hundreds of voices; `urgent` sounds may take a channel from
a playing effect when all are busy.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.content.confront import DRONE_TYPES


@dataclass(frozen=True, slots=True)
class Spec:
    volume: float = 0.8
    cap: int = 2
    gap_ms: int = 40
    urgent: bool = False


SOUNDS: dict[str, Spec] = {
    "pickup_organic": Spec(0.55), "pickup_polymer": Spec(0.55), "pickup_alloy": Spec(0.5),
    "deposit": Spec(0.6), "node_built": Spec(0.75, urgent=True), "harvest": Spec(0.35, 2, 150),
    "refused": Spec(0.5, 1, 150), "stage_complete": Spec(0.75, 1, 200, urgent=True),
    "support_gained": Spec(0.5, 1, 200), "support_lost": Spec(0.55, 1, 200),
    "smear_warning": Spec(0.6, 1, 500, urgent=True), "rally": Spec(0.7, 1, 300, urgent=True),
    "zap": Spec(0.3, 3, 60), "drone_down": Spec(0.35, 3, 70), "barrier_hit": Spec(0.45, 2, 120),
    "mural_hit": Spec(0.5, 2, 150), "mural_falls": Spec(0.85, 1, 500, urgent=True),
    "aegis": Spec(0.65, 1, 150, urgent=True), "override": Spec(0.65, 1, 150, urgent=True),
    "wave_horn": Spec(0.7, 1, 1000, urgent=True), "win": Spec(0.8, 1, 1000, urgent=True),
    "loss": Spec(0.8, 1, 1000, urgent=True), "menu_move": Spec(0.35, 2, 30),
    "menu_select": Spec(0.45, 2, 40, urgent=True), "menu_back": Spec(0.45, 2, 40, urgent=True),
    **{f"voice_{who}_{i}": Spec(0.4, 2, 50) for who in ("elara", "kora", "dax", "talin")
       for i in (1, 2, 3)},
}
LOOPS: dict[str, float] = {"paint_loop": 0.35,
                           **{f"hum_{kind}": 0.22 for kind in DRONE_TYPES}}
MUSIC = ("title", "calm", "civic", "tense")
VOICES = ("elara", "kora", "dax", "talin")


def sound_file(name: str) -> str:
    return f"sound/{name}.wav"


def music_file(name: str) -> str:
    return f"music/{name}.ogg"
