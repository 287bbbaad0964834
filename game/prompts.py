"""What on-screen prompts call each action: the player's keys, or the gamepad's buttons
once the pad was used last (`App.last_device`). Fills `game.content.text.PROMPTS`,
which every line of text.toml with an <action> in it reads."""

from __future__ import annotations

from game.content import text
from game.input import bindings_for, key_name
from game.pad import GLYPHS

KEYBOARD_WORDS = {"click": "click", "cancel": "right-click", "point": "mouse",
                  "next": "Enter", "skip": "Esc", "choose": "Enter", "back": "Esc",
                  "menu_x": "V", "menu_y": "Tab"}
PAD_WORDS = {"menu_x": "X", "menu_y": "Y"}


def key_label(key: int) -> str:
    name = key_name(key)
    return name.upper() if len(name) == 1 else name.capitalize()


def keyboard_table(bindings: dict[str, tuple[int, ...]]) -> dict[str, str]:
    table = {action: key_label(keys[0]) if keys else "(unbound)"
             for action, keys in bindings.items()}
    table["pause"] = "Esc"
    move = [table[d] for d in ("up", "left", "down", "right")]
    table["move"] = "".join(move) if all(len(m) == 1 for m in move) else "/".join(move)
    table.update(KEYBOARD_WORDS)
    return table


class Prompts:
    """Keeps PROMPTS in step with the device and the bindings (cheap when unchanged)."""

    def __init__(self) -> None:
        self._seen: tuple | None = None

    def refresh(self, app) -> None:
        s = app.settings
        seen = (app.last_device, repr(sorted(s.keys.items())), s.restart_key)
        if seen == self._seen:
            return
        self._seen = seen
        table = {**GLYPHS, **PAD_WORDS} if app.last_device == "pad" else \
            keyboard_table(bindings_for(s))
        text.PROMPTS.clear()
        text.PROMPTS.update(table)
