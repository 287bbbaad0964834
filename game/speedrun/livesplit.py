"""LiveSplit: what to tell it during a run (`Driver`) and a TCP client that never blocks.

LiveSplit's built-in server (Control > Start TCP Server, port 16834) reads one command
per line (LiveSplit.Core/Server/CommandServer.cs). At a run's start we send
`starttimer`, `alwayspausegametime` (LiveSplit's game time then moves only when we set
it from our IGT), `switchto gametime` and `setgametime 0`; while ticking, `setgametime
<IGT>` 20 times a second of IGT (so LiveSplit's timer runs smoothly instead of stepping
once a second); `setgametime <IGT>` + `split` at each level end; `reset` when the run is
reset, when the game quits or its window closes (also before a new run if the previous
one was started, since LiveSplit only starts from a reset timer).

On every (re)connection the commands queued while LiveSplit was unreachable are dropped
(replayed late, they would be phantom attempts) and LiveSplit is resynced to the run as
it is now: `reset`, then the run's start, its splits so far and its current game time.

The client uses a non-blocking socket: connecting, sending and reading happen in small
steps from `poll()`/`send()`, which never wait. If LiveSplit is absent the commands are
kept in a bounded queue and the client retries every few seconds, quietly.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import select
import socket
import threading
import time
from collections import deque
from collections.abc import Callable

from game.sim.constants import TICK_RATE
from game.speedrun.timer import livesplit_time

RECONNECT_SECONDS = 3.0
MAX_QUEUE = 256  # commands kept while LiveSplit is unreachable; the oldest go first
UPDATE_TICKS = TICK_RATE // 20  # game time sent 20 times per second of IGT


class Driver:
    """Turns run events into LiveSplit commands for `sink` (a client's `send`)."""

    def __init__(self, sink: Callable[[str], None]) -> None:
        self.sink = sink
        self.active = False  # LiveSplit has a run we started and did not reset
        self.sent = 0  # the game time last sent, in ticks
        self.now = 0  # the run's game time, in ticks
        self.splits: list[int] = []  # game time at each split of the current run

    @staticmethod
    def start_commands() -> list[str]:
        return ["starttimer", "alwayspausegametime", "switchto gametime",
                f"setgametime {livesplit_time(0)}"]

    def run_started(self) -> None:
        if self.active:
            self.sink("reset")
        for command in self.start_commands():
            self.sink(command)
        self.active = True
        self.sent = self.now = 0
        self.splits = []

    def tick(self, total_ticks: int) -> None:
        """Call after every simulated tick with the run's IGT so far."""
        self.now = total_ticks
        if self.active and total_ticks - self.sent >= UPDATE_TICKS:
            self.sync(total_ticks)

    def sync(self, total_ticks: int) -> None:
        """Set the game time now (e.g. a level restarted inside a campaign run)."""
        self.now = total_ticks
        if self.active:
            self.sent = total_ticks
            self.sink(f"setgametime {livesplit_time(total_ticks)}")

    def level_finished(self, total_ticks: int) -> None:
        if self.active:
            self.sync(total_ticks)
            self.sink("split")
            self.splits.append(total_ticks)

    def unsplit(self, total_ticks: int) -> None:
        """A finished level is played again: take its split back."""
        if self.active:
            self.sink("unsplit")
            if self.splits:  # a resync after this must not repeat the taken-back split
                self.splits.pop()
            self.sync(total_ticks)

    def reset(self) -> None:
        if self.active:
            self.sink("reset")
            self.active = False

    def resync(self) -> list[str]:
        """What brings a freshly (re)connected LiveSplit to this run as it is now."""
        if not self.active:
            return []
        out = ["reset", *self.start_commands()]
        for at in self.splits:
            out += [f"setgametime {livesplit_time(at)}", "split"]
        out.append(f"setgametime {livesplit_time(self.now)}")
        self.sent = self.now
        return out


def _literal_address(host: str) -> str | None:
    if host.lower() == "localhost":
        return "127.0.0.1"
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return None


class Client:
    """Non-blocking line client for LiveSplit Server. Every method returns at once."""

    def __init__(self, host: str, port: int, clock: Callable[[], float] = time.monotonic,
                 reconnect_seconds: float = RECONNECT_SECONDS,
                 on_connect: Callable[[], list[str]] | None = None) -> None:
        self.host, self.port = host, port
        # on each (re)connection: the queue is dropped and these commands sent instead
        self.on_connect = on_connect
        self.clock = clock
        self.reconnect_seconds = reconnect_seconds
        self.queue: deque[bytes] = deque(maxlen=MAX_QUEUE)
        self.out = b""  # bytes of the command being sent not sent yet
        self.whole = b""  # that command, whole
        self.sock: socket.socket | None = None
        self.connected = False
        self.next_try = 0.0
        self.address = _literal_address(host)
        self._resolving = False
        self.status = f"not connected yet ({host}:{port})"

    # -- public ------------------------------------------------------------------------
    def send(self, command: str) -> None:
        self.queue.append(command.encode("ascii") + b"\r\n")
        self.poll()

    def poll(self) -> None:
        try:
            self._step()
        except (OSError, ValueError) as exc:  # reset, refused, or a socket select refuses
            self._fail(f"connection lost ({getattr(exc, 'strerror', None) or exc}), "
                       "retrying")

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
        self.sock, self.connected = None, False

    def flush_and_close(self, seconds: float = 0.3) -> None:
        """At quit: give queued commands (a final `reset`) a moment to leave, then close.
        Bounded: an absent or stalled LiveSplit costs at most `seconds`."""
        deadline = time.monotonic() + seconds
        while self.connected and (self.queue or self.out) and time.monotonic() < deadline:
            self.poll()
            if self.queue or self.out:
                time.sleep(0.005)
        self.close()

    # -- internals ---------------------------------------------------------------------
    def _step(self) -> None:
        if self.sock is None:
            if self.clock() < self.next_try or not self._ready_address():
                return
            self._connect()
        if self.sock is not None and not self.connected:
            _, writable, failed = select.select([], [self.sock], [self.sock], 0)
            if failed or writable:
                err = self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if err:
                    self._fail(f"not reachable at {self.host}:{self.port} "
                               f"({os.strerror(err)}), retrying")
                    return
                self.connected, self.status = True, f"connected to {self.host}:{self.port}"
                if self.on_connect is not None:  # stale commands would be phantom runs
                    self.queue.clear()
                    self.out = b""
                    for command in self.on_connect():
                        self.queue.append(command.encode("ascii") + b"\r\n")
        if self.connected:
            self._drain()
        if self.connected:  # _drain may have seen LiveSplit close the connection
            self._flush()

    def _ready_address(self) -> bool:
        """Host names are resolved in a thread so a slow DNS never stalls a frame."""
        if self.address is not None:
            return True
        if not self._resolving:
            self._resolving = True
            threading.Thread(target=self._resolve, daemon=True).start()
        return False

    def _resolve(self) -> None:
        try:
            info = socket.getaddrinfo(self.host, self.port, type=socket.SOCK_STREAM)
            self.address = info[0][4][0]
        except OSError:
            self.status = f"cannot find host {self.host!r}, retrying"
            self.next_try = self.clock() + self.reconnect_seconds
        self._resolving = False

    def _connect(self) -> None:
        family = socket.AF_INET6 if ":" in (self.address or "") else socket.AF_INET
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.setblocking(False)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.status = f"connecting to {self.host}:{self.port}"
        err = self.sock.connect_ex((self.address, self.port))
        if err not in (0, *_IN_PROGRESS):
            self._fail(f"not reachable at {self.host}:{self.port} ({os.strerror(err)}), "
                       "retrying")

    def _drain(self) -> None:
        """LiveSplit only answers get* commands; read and drop anything, notice a close."""
        for _ in range(8):
            try:
                data = self.sock.recv(4096)
            except (BlockingIOError, InterruptedError):
                return
            if not data:
                self._fail("LiveSplit closed the connection, retrying")
                return

    def _flush(self) -> None:
        for _ in range(MAX_QUEUE):
            if self.sock is None:
                return
            if not self.out:
                if not self.queue:
                    return
                self.out = self.whole = self.queue.popleft()
            try:
                sent = self.sock.send(self.out)
            except (BlockingIOError, InterruptedError):
                return
            self.out = self.out[sent:]

    def _fail(self, why: str) -> None:
        self.close()
        if self.out:  # resend a half-sent command whole after reconnecting
            self.queue.appendleft(self.whole)
            self.out = b""
        self.status = why
        self.next_try = self.clock() + self.reconnect_seconds


# connect_ex answers for "started, not finished yet" (10035: Windows' WSAEWOULDBLOCK)
_IN_PROGRESS = (errno.EINPROGRESS, errno.EALREADY, errno.EWOULDBLOCK, 10035)
