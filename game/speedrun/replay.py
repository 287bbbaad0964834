"""Replay files: header + compressed per-tick command log + state hashes.

Layout (all integers big-endian):

    b"R2147RPL"                     8-byte signature
    u16 format version
    u32 n, header: n bytes of UTF-8 JSON (game/map/seed/category/player/date/final …)
    u32 n, commands: n bytes, zlib of JSON run-length list [[repeat, [cmd, …]], …]
    u32 n, checkpoints: n bytes, 32-byte SHA-256 state digests at ticks N, 2N, 3N …
    32 bytes: SHA-256 of everything above (catches corruption anywhere in the file)

The header also holds the SHA-256 of the uncompressed command data, the final state
hash and the IGT, so editing commands and fixing up every checksum still fails when the
verifier re-simulates the run (see verify.py).
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from dataclasses import dataclass, field

import game
from game.sim.commands import Command, decode, encode

MAGIC = b"R2147RPL"
FORMAT = 1
EXTENSION = ".rpl"
CHECKPOINT_INTERVAL = 60  # one state hash per second of play
MAX_CHECKPOINT_INTERVAL = 600  # a forged log is caught within 10 s of simulated play
# exact, lower case. campaign: a run's segment (carry-in from the previous one, checked by
# verify --run); story: one level from Campaign > Continue with the profile's carry-in;
# practice: a shipped level from a clean start; custom: any other map, clean.
CATEGORIES = ("campaign", "story", "practice", "custom")
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_COMMANDS_BYTES = 256 * 1024 * 1024  # decompressed; ~a day of dense input
MAX_TICKS = 60 * 60 * 60 * 24  # a day of play
DIGEST = 32


class ReplayError(Exception):
    """Why a file is not a usable replay. `kind` is short and stable (for --json)."""

    def __init__(self, kind: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.hint = hint

    def format(self) -> str:
        return f"{self.kind}: {self.message}" + (f" ({self.hint})" if self.hint else "")


def rules_sha256(balance=None) -> str:
    """Digest of every balance table as parsed (comments and layout do not count)."""
    from game.content.balance import DEFAULT_BALANCE

    return (balance or DEFAULT_BALANCE).sha256


def game_version() -> str:
    return game.__version__


@dataclass
class Replay:
    header: dict
    ticks: list[list[Command]] = field(repr=False)
    checkpoints: list[str] = field(default_factory=list, repr=False)  # hex digests

    @property
    def interval(self) -> int:
        return int(self.header.get("checkpoint_interval", CHECKPOINT_INTERVAL))

    @property
    def final(self) -> dict:
        return self.header["final"]


# -- command log ---------------------------------------------------------------------
def encode_commands(ticks: list[list[Command]]) -> bytes:
    runs: list[list] = []
    for commands in ticks:
        encoded = [encode(c) for c in commands]
        if runs and runs[-1][1] == encoded:
            runs[-1][0] += 1
        else:
            runs.append([1, encoded])
    return json.dumps(runs, separators=(",", ":")).encode()


def decode_commands(raw: bytes) -> list[list[Command]]:
    try:
        runs = json.loads(raw.decode("utf-8"))
        if not isinstance(runs, list):
            raise ValueError("not a list")
        ticks: list[list[Command]] = []
        for run in runs:
            if (not isinstance(run, list) or len(run) != 2 or type(run[0]) is not int
                    or run[0] < 1 or not isinstance(run[1], list)):
                raise ValueError(f"bad run {run!r:.60}")
            if len(ticks) + run[0] > MAX_TICKS:
                raise ValueError("more ticks than a day of play")
            commands = [decode(c) for c in run[1]]
            ticks.extend([commands] * run[0])
    except (UnicodeDecodeError, ValueError, TypeError, RecursionError) as exc:
        raise ReplayError("tampered", f"the command log cannot be read ({exc})",
                          "the command data was changed") from None
    return ticks


# -- whole file ----------------------------------------------------------------------
def to_bytes(replay: Replay) -> bytes:
    commands = encode_commands(replay.ticks)
    header = dict(replay.header)
    header["format"] = FORMAT
    header["commands"] = {"ticks": len(replay.ticks), "bytes": len(commands),
                          "sha256": hashlib.sha256(commands).hexdigest(),
                          "encoding": "json-rle+zlib"}
    header["checkpoint_interval"] = replay.interval
    head = json.dumps(header, sort_keys=True, ensure_ascii=False).encode()
    body = zlib.compress(commands, 9)
    checks = b"".join(bytes.fromhex(h) for h in replay.checkpoints)
    out = bytearray(MAGIC)
    out += struct.pack(">H", FORMAT)
    for section in (head, body, checks):
        out += struct.pack(">I", len(section)) + section
    out += hashlib.sha256(out).digest()
    return bytes(out)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, n: int, what: str) -> bytes:
        if self.pos + n > len(self.data):
            raise ReplayError(
                "truncated", f"the file ends at byte {len(self.data)} inside the {what} "
                f"(needs {self.pos + n} bytes)", "the file was cut short: copy it again "
                "from where it was saved")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def section(self, what: str) -> bytes:
        (n,) = struct.unpack(">I", self.take(4, f"{what} length"))
        return self.take(n, what)


def from_bytes(data: bytes) -> Replay:
    """Parse and check the file's structure; raises ReplayError. Does not simulate."""
    if not data.startswith(MAGIC):
        if MAGIC.startswith(data):
            raise ReplayError("truncated", "the file ends inside the signature",
                              "the file was cut short")
        raise ReplayError("not_a_replay", "no R2147RPL signature at the start",
                          f"pass a {EXTENSION} file saved by Reclaim 2147")
    reader = _Reader(data)
    reader.take(len(MAGIC), "signature")
    (version,) = struct.unpack(">H", reader.take(2, "format version"))
    if version > FORMAT:
        raise ReplayError("wrong_version", f"replay format v{version} is newer than this "
                          f"game reads (v{FORMAT})", "update the game")
    if version < 1:
        raise ReplayError("corrupt", f"format version {version} does not exist")
    head, body, checks = (reader.section(w) for w in ("header", "commands", "checkpoints"))
    digest = reader.take(DIGEST, "file checksum")
    if reader.pos != len(data):
        raise ReplayError("corrupt", f"{len(data) - reader.pos} unexpected bytes after "
                          "the end of the replay", "the file was changed or appended to")
    if hashlib.sha256(data[:-DIGEST]).digest() != digest:
        raise ReplayError("tampered", "the file checksum does not match its contents",
                          "the file was changed after it was saved")
    header = _header(head)
    raw = _inflate(body, header)
    if hashlib.sha256(raw).hexdigest() != header["commands"]["sha256"]:
        raise ReplayError("tampered", "the command log does not match its recorded hash",
                          "the command data was changed")
    ticks = decode_commands(raw)
    if len(ticks) != header["commands"]["ticks"]:
        raise ReplayError("tampered", f"the command log has {len(ticks)} ticks, the header "
                          f"says {header['commands']['ticks']}")
    if len(checks) % DIGEST:
        raise ReplayError("corrupt", "the checkpoint section is not whole state hashes")
    checkpoints = [checks[i:i + DIGEST].hex() for i in range(0, len(checks), DIGEST)]
    return Replay(header, ticks, checkpoints)


_REQUIRED = {"game_version": str, "rules_sha256": str, "map": dict, "seed": int,
             "tick_rate": int, "category": str, "player": str, "date": str,
             "commands": dict, "checkpoint_interval": int, "final": dict}


def _header(head: bytes) -> dict:
    try:
        header = json.loads(head.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ReplayError("corrupt", f"the header is not valid JSON ({exc})") from None
    if not isinstance(header, dict):
        raise ReplayError("corrupt", "the header is not a JSON object")
    for key, kind in _REQUIRED.items():
        if not isinstance(header.get(key), kind) or isinstance(header.get(key), bool):
            raise ReplayError("corrupt", f"header field {key!r} is missing or not a "
                              f"{kind.__name__}")
    checks = {("map", "sha256"): str, ("commands", "sha256"): str, ("commands", "ticks"): int,
              ("commands", "bytes"): int,
              ("final", "outcome"): str, ("final", "igt_ticks"): int,
              ("final", "state_sha256"): str}
    for (outer, inner), kind in checks.items():
        if not isinstance(header[outer].get(inner), kind):
            raise ReplayError("corrupt", f"header field {outer}.{inner} is missing")
    files = header["map"].get("files", [])
    if not isinstance(files, list) or not all(
            isinstance(f, list) and len(f) == 2 and all(isinstance(x, str) for x in f)
            for f in files):
        raise ReplayError("corrupt", "header field map.files is not a list of [name, sha256]")
    if not 1 <= header["checkpoint_interval"] <= MAX_CHECKPOINT_INTERVAL:
        raise ReplayError("corrupt", f"checkpoint_interval {header['checkpoint_interval']} "
                          f"is outside 1..{MAX_CHECKPOINT_INTERVAL}",
                          "the header was changed")
    if header["category"] not in CATEGORIES:
        raise ReplayError("corrupt", f"category {header['category'][:40]!r} is not one of "
                          f"{', '.join(CATEGORIES)} (exactly, in lower case)",
                          "the header was changed")
    return header


def _inflate(body: bytes, header: dict) -> bytes:
    limit = max(1, min(MAX_COMMANDS_BYTES, header["commands"]["bytes"] + 1))
    try:
        z = zlib.decompressobj()
        raw = z.decompress(body, limit)
        if z.unconsumed_tail or z.unused_data or not z.eof:
            raise zlib.error("size differs from the header or data is incomplete")
    except zlib.error as exc:
        raise ReplayError("tampered", f"the compressed command log is damaged ({exc})",
                          "the command data was changed") from None
    return raw
