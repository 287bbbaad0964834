"""Reclaim 2147: a deterministic 2D top-down strategy game."""

__version__ = "0.5.2"

import os as _os

# pytmx imports pygame when it is installed; keep its banner out of CLI output.
_os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
