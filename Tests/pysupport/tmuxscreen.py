"""The interactive screen under test: ecsfleet running in a detached tmux session on a tmux server of its own.

Keys go in with send-keys, the screen comes back with capture-pane (-e for colours), and every expectation is
polled with a deadline (`Screen.wait`), never a fixed sleep. The pane runs `ecsfleet ...; echo EXIT=$?; stty -a;
sleep`, so the exit status and the terminal modes after the exit stay readable. No client ever attaches:
resize-window sizes the window (and makes its size manual by itself).
"""

from __future__ import annotations

import itertools
import os
import re
import shlex
import subprocess
import time
from pathlib import Path
from typing import Callable

from textwidth import dcol, width

_servers = itertools.count()


def terminal_name() -> str:
    for name in ("tmux-256color", "screen-256color"):
        if subprocess.run(["infocmp", name], capture_output=True).returncode == 0:
            return name
    return "screen"


class Snapshot:
    """One capture of the pane. `text`, `lines` (right-stripped), `cols`, `rows`; `esc`/`esc_lines` (with colour
    escapes) and `title` are captured on first use."""

    def __init__(self, screen: "Screen"):
        self._screen = screen
        self.text = screen.tmux("capture-pane", "-p", "-t", screen.name)
        lines = [line.rstrip() for line in self.text.split("\n")]
        if lines and lines[-1] == "" and self.text.endswith("\n"):
            lines = lines[:-1]
        self.lines = lines
        size = screen.tmux("display-message", "-p", "-t", screen.name, "#{pane_width} #{pane_height}").split()
        self.cols, self.rows = int(size[0]), int(size[1])
        self._esc: str | None = None
        self._title: str | None = None

    @property
    def esc(self) -> str:
        if self._esc is None:
            self._esc = self._screen.tmux("capture-pane", "-p", "-e", "-t", self._screen.name)
        return self._esc

    @property
    def esc_lines(self) -> list[str]:
        return self.esc.split("\n")

    @property
    def title(self) -> str:
        if self._title is None:
            self._title = self._screen.tmux("display-message", "-p", "-t", self._screen.name,
                                            "#{pane_title}").rstrip("\n")
        return self._title

    def row(self, sub: str) -> str:
        """The first line containing SUB ('' if none)."""
        return next((line for line in self.lines if sub in line), "")

    def row_index(self, sub: str) -> int:
        return next((i for i, line in enumerate(self.lines) if sub in line), -1)

    def ids(self) -> list[str]:
        """Instance IDs at the start of list rows, in screen order."""
        found = (re.match(r"^[ ✓*>│|]*\s*(i-[a-z0-9]+)\s", line) for line in self.lines)
        return [m.group(1) for m in found if m]

    def hints(self) -> bool:
        """The list's hint bar is the last line."""
        return bool(self.lines) and self.lines[-1].startswith(" j/k move")

    width = staticmethod(width)
    dcol = staticmethod(dcol)


class Screen:
    """ecsfleet ARGV in a COLS x ROWS tmux window, with the environment ENV."""

    def __init__(self, workdir: Path, name: str, argv: list[str], env: dict[str, str], cols: int = 120,
                 rows: int = 40):
        self.workdir, self.name = workdir, name
        self.socket = f"ecsfleet-e2e-{os.getpid()}-{next(_servers)}"
        self.config = workdir / f"tmux-{name}.conf"
        self.config.write_text(f'set -g default-terminal "{terminal_name()}"\nset -g history-limit 2000\n'
                               "set -g escape-time 0\n", encoding="utf-8")
        script = workdir / f"pane-{name}.sh"
        script.write_text("\n".join([
            "#!/usr/bin/env bash",
            f"cd {shlex.quote(str(workdir))} || exit 1",
            " ".join(shlex.quote(a) for a in argv),
            "echo EXIT=$?",
            "stty -a",
            "exec sleep 600",
        ]) + "\n", encoding="utf-8")
        self.env = {k: v for k, v in env.items() if k not in ("TMUX", "TMUX_PANE")}
        self.socket_path = ""
        self.tmux("new-session", "-d", "-s", name, "-x", str(cols), "-y", str(rows), f"bash {shlex.quote(str(script))}")
        self.socket_path = self.tmux("display-message", "-p", "#{socket_path}").strip()
        self.last: Snapshot | None = None

    def tmux(self, *args: str) -> str:
        r = subprocess.run(["tmux", "-u", "-f", str(self.config), "-L", self.socket, *args], capture_output=True,
                           timeout=10, env=self.env, stdin=subprocess.DEVNULL)
        if r.returncode != 0:
            raise RuntimeError("tmux " + " ".join(args) + ": " + r.stderr.decode("utf-8", "replace").strip())
        return r.stdout.decode("utf-8", "replace")

    def keys(self, *names: str) -> None:
        """Presses keys by tmux's names (Space, Enter, Escape, C-c, PgDn, or a character)."""
        self.tmux("send-keys", "-t", self.name, *names)

    def type(self, text: str) -> None:
        """Types TEXT literally."""
        self.tmux("send-keys", "-t", self.name, "-l", text)

    def resize(self, cols: int, rows: int) -> None:
        self.tmux("resize-window", "-t", self.name, "-x", str(cols), "-y", str(rows))

    def alternate_on(self) -> str:
        return self.tmux("display-message", "-p", "-t", self.name, "#{alternate_on}").strip()

    def wait(self, condition: Callable[[Snapshot], bool], what: str, timeout: float = 10,
             exits: bool = False) -> Snapshot:
        """Captures the pane every 0.1 s until CONDITION holds, and returns that capture. Gives up at the deadline,
        at once when the pane is gone, or when ecsfleet exited (the pane shows EXIT=N) unless EXITS says that is
        expected; the failure names WHAT and shows the last pane."""
        deadline = time.monotonic() + timeout
        error, snap, why = None, None, f"{timeout} s"
        while True:
            try:
                snap = Snapshot(self)
                self.last = snap
                if condition(snap):
                    return snap
                error = None
            except RuntimeError as e:  # tmux: the server or the pane is gone; no point in waiting
                error, why = str(e), "the pane is gone"
                break
            except Exception as e:  # noqa: BLE001 - the condition may not hold yet (an index out of range)
                error = f"{type(e).__name__}: {e}"
            if time.monotonic() >= deadline:
                break
            if not exits and snap is not None and re.search(r"^EXIT=\d+$", snap.text, re.M):
                why = "ecsfleet exited"
                break
            time.sleep(0.1)
        pane = "\n".join(line.rstrip() for line in (snap.text if snap else "").rstrip("\n").split("\n"))
        raise AssertionError(f"gave up ({why}) waiting for: {what}" + (f"\nlast error: {error}" if error else "")
                             + f"\n--- pane\n{pane}")

    def close(self) -> None:
        try:
            self.tmux("kill-server")
        except (RuntimeError, subprocess.SubprocessError):
            pass
        if self.socket_path:  # kill-server leaves the socket file behind
            Path(self.socket_path).unlink(missing_ok=True)
