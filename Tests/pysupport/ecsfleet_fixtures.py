"""Fixtures shared by the conformance and end-to-end suites (loaded by Tests/conftest.py).

    bin_dir           $ECSFLEET_BIN_DIR, or `swift build --show-bin-path`
    binaries          private copies of ecsfleet and ecs-sim, in one directory (session)
    sim_binary        the ecs-sim to run: --ecs-sim PATH, $ECS_SIM_BIN, or a private copy from bin_dir (session)
    start_sim         starts simulators for one test; each must exit 0 on SIGTERM afterwards
    start_module_sim  the same for a module
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from binaries import bin_dir as find_bin_dir
from binaries import private_copy
from simulator import SimFactory

# The SDKs and ecsfleet honour proxy variables even for 127.0.0.1: the suites only ever talk to loopback.
for _var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
    os.environ.pop(_var, None)
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"


def pytest_addoption(parser):
    parser.addoption("--ecs-sim", action="store", default=None, help="path to the ecs-sim binary")


@dataclass(frozen=True)
class Binaries:
    ecsfleet: Path
    ecs_sim: Path


@pytest.fixture(scope="session")
def bin_dir() -> Path:
    try:
        return find_bin_dir()
    except RuntimeError as e:
        pytest.fail(str(e), pytrace=False)


@pytest.fixture(scope="session")
def binaries(bin_dir, tmp_path_factory) -> Binaries:
    dest = tmp_path_factory.mktemp("bin")
    try:
        return Binaries(private_copy(bin_dir, "ecsfleet", dest), private_copy(bin_dir, "ecs-sim", dest))
    except RuntimeError as e:
        pytest.fail(str(e), pytrace=False)


@pytest.fixture(scope="session")
def sim_binary(pytestconfig, tmp_path_factory) -> str:
    path = pytestconfig.getoption("--ecs-sim") or os.environ.get("ECS_SIM_BIN")
    if path:
        if not os.access(path, os.X_OK):
            pytest.fail(f"ecs-sim binary not executable: {path}", pytrace=False)
        return path
    try:
        return str(private_copy(find_bin_dir(), "ecs-sim", tmp_path_factory.mktemp("sim-bin")))
    except RuntimeError as e:
        pytest.fail(str(e), pytrace=False)


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
