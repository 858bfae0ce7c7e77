"""The one way every Python suite runs ecs-sim: start it with arguments, read its endpoint from the first line
it prints on stdout, talk to it, and stop it with SIGTERM (which must end it with status 0)."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import fleet as fleets

# Short lifecycle delays for simulators whose test gives none, so stops and starts finish quickly.
DELAYS = ("--stop-delay", "0.3-0.5", "--start-delay", "0.3-0.5")
STARTUP_TIMEOUT = 30.0
SHUTDOWN_TIMEOUT = 10.0


class Sim:
    """One running ecs-sim. The first stdout line is its endpoint URL; its log goes to a file."""

    def __init__(self, binary: str, args: list[str], log_path: Path, env: dict[str, str] | None = None):
        self.args = [binary, "--port", "0", *args]
        self.log_path = log_path
        self._log = open(log_path, "wb")
        self.proc = subprocess.Popen(
            self.args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self._log, close_fds=True,
            env=env,
        )
        self.url = self._read_endpoint()
        parsed = urlparse(self.url)
        self.host, self.port = parsed.hostname, parsed.port
        self.netloc = f"{self.host}:{self.port}"
        # Drain anything else printed on stdout so the simulator never blocks on a full pipe.
        self._drain = threading.Thread(target=self._drain_stdout, daemon=True)
        self._drain.start()
        self.exit_code: int | None = None

    def _read_endpoint(self) -> str:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        buf = b""
        fd = self.proc.stdout.fileno()
        while b"\n" not in buf:
            left = deadline - time.monotonic()
            if left <= 0:
                self.kill()
                raise RuntimeError(f"ecs-sim printed no endpoint within {STARTUP_TIMEOUT}s: {self.args}\n{self.log()}")
            ready, _, _ = select.select([fd], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(fd, 4096)
                if not chunk:
                    code = self.proc.wait(timeout=5)
                    raise RuntimeError(f"ecs-sim exited ({code}) before printing its endpoint: {self.args}\n{self.log()}")
                buf += chunk
        line = buf.split(b"\n", 1)[0].decode("utf-8").strip()
        if not line.startswith("http://127.0.0.1:"):
            self.kill()
            raise RuntimeError(f"first stdout line is not http://127.0.0.1:PORT: {line!r}\n{self.log()}")
        return line

    def _drain_stdout(self):
        try:
            while self.proc.stdout.read(4096):
                pass
        except (OSError, ValueError):
            pass

    def log(self, limit: int = 4000) -> str:
        try:
            if not self._log.closed:
                self._log.flush()
            return self.log_path.read_bytes()[-limit:].decode("utf-8", "replace")
        except OSError:
            return ""

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> int:
        """SIGTERM, wait, return the exit status (killing it if it does not stop)."""
        if self.exit_code is not None:
            return self.exit_code
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=SHUTDOWN_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.kill()
                self.exit_code = -999
                return self.exit_code
        self.exit_code = self.proc.returncode
        self._log.close()
        return self.exit_code

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=5)

    # ------------------------------------------------ clients for this simulator (the conformance suite's)

    def api(self, kind: str, **kw):
        from clients import make_api

        return make_api(kind, self.netloc, **kw)

    def raw(self, **kw):
        from rawhttp import Raw

        return Raw(self.host, self.port, **kw)


class SimFactory:
    """Starts simulators into one directory (fleet files, logs) and stops them all at the end."""

    def __init__(self, binary: str, tmp: Path, env: dict[str, str] | None = None):
        self.binary, self.tmp, self.env, self.sims = binary, tmp, env, []

    def __call__(self, *args: str, fleet: fleets.Fleet | None = None, delays: bool = True) -> Sim:
        argv = list(args)
        if fleet is not None:
            path = fleet.write(self.tmp / f"fleet-{len(self.sims)}.json")
            argv = ["--fleet", str(path), *argv]
        if delays and not any(a in ("--stop-delay", "--start-delay") for a in argv):
            argv += DELAYS
        sim = Sim(self.binary, argv, self.tmp / f"ecs-sim-{len(self.sims)}.log", env=self.env)
        self.sims.append(sim)
        return sim

    def close(self) -> list[str]:
        """Stops every simulator; reports any that did not exit 0 on SIGTERM."""
        bad = []
        for sim in self.sims:
            if sim.exit_code is None and not sim.alive():
                code = sim.stop()
                bad.append(f"{sim.args}: exited by itself with {code} before the test ended\n{sim.log()}")
                continue
            code = sim.stop()  # returns the recorded status if the test already stopped it
            if code != 0:
                bad.append(f"{sim.args}: exit status {code} after SIGTERM (expected 0)\n{sim.log()}")
        return bad
