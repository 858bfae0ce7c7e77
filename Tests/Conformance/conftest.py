"""Fixtures: the ecs-sim subprocess, fleet files, SDK clients for both signature versions, polling helpers.

The simulator binary comes from $ECS_SIM_BIN (set by scripts/conformance.sh) or `--ecs-sim PATH`.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

import fleet as fleets
from clients import make_api
from rawhttp import Raw

# Both SDKs honour proxy variables even for 127.0.0.1: the suite must only ever talk to loopback.
for _var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
    os.environ.pop(_var, None)
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"

DELAYS = ("--stop-delay", "0.3-0.5", "--start-delay", "0.3-0.5")
STARTUP_TIMEOUT = 30.0
SHUTDOWN_TIMEOUT = 10.0


def pytest_addoption(parser):
    parser.addoption("--ecs-sim", action="store", default=None, help="path to the ecs-sim binary")


@pytest.fixture(scope="session")
def sim_binary(pytestconfig) -> str:
    path = pytestconfig.getoption("--ecs-sim") or os.environ.get("ECS_SIM_BIN")
    if not path:
        pytest.fail("no simulator: set ECS_SIM_BIN or pass --ecs-sim PATH")
    if not os.access(path, os.X_OK):
        pytest.fail(f"ecs-sim binary not executable: {path}")
    return path


class Sim:
    """One running ecs-sim. The first stdout line is its endpoint URL; logs go to a file."""

    def __init__(self, binary: str, args: list[str], log_path: Path):
        self.args = [binary, "--port", "0", *args]
        self.log_path = log_path
        self._log = open(log_path, "wb")
        self.proc = subprocess.Popen(
            self.args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self._log, close_fds=True
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

    # ------------------------------------------------ clients for this simulator

    def api(self, kind: str, **kw):
        return make_api(kind, self.netloc, **kw)

    def raw(self, **kw) -> Raw:
        return Raw(self.host, self.port, **kw)


class SimFactory:
    def __init__(self, binary: str, tmp: Path):
        self.binary, self.tmp, self.sims = binary, tmp, []

    def __call__(self, *args: str, fleet: fleets.Fleet | None = None, delays: bool = True) -> Sim:
        argv = list(args)
        if fleet is not None:
            path = fleet.write(self.tmp / f"fleet-{len(self.sims)}.json")
            argv = ["--fleet", str(path), *argv]
        if delays and not any(a in ("--stop-delay", "--start-delay") for a in argv):
            argv += DELAYS
        sim = Sim(self.binary, argv, self.tmp / f"ecs-sim-{len(self.sims)}.log")
        self.sims.append(sim)
        return sim

    def close(self):
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


@pytest.fixture
def start_sim(sim_binary, tmp_path):
    """Starts simulators for one test; each is SIGTERMed afterwards and must exit 0."""
    factory = SimFactory(sim_binary, tmp_path)
    yield factory
    bad = factory.close()
    if bad:
        pytest.fail("\n".join(bad), pytrace=False)


@pytest.fixture(scope="module")
def start_module_sim(sim_binary, tmp_path_factory):
    factory = SimFactory(sim_binary, tmp_path_factory.mktemp("sim"))
    yield factory
    bad = factory.close()
    if bad:
        pytest.fail("\n".join(bad), pytrace=False)


@pytest.fixture
def std_fleet() -> fleets.Fleet:
    return fleets.standard_fleet()


@pytest.fixture
def sim(start_sim, std_fleet) -> Sim:
    """A fresh simulator on the standard fleet with short delays (for tests that change state)."""
    return start_sim(fleet=std_fleet)


@pytest.fixture(params=["v3", "v1", "v3rpc"])
def sdk(request) -> str:
    """Runs a test once with each official SDK: the current one (V3 signature), the older one (V1), and the
    current one in its V1-signature mode (signature_algorithm="v2", see clients.make_api)."""
    return request.param


@pytest.fixture
def api(sim, sdk):
    return sim.api(sdk)
