"""Fixtures of the conformance suite: the standard fleet on a fresh simulator, and SDK clients for both signature
versions. The simulator itself (`start_sim`, `start_module_sim`, `sim_binary`) comes from Tests/pysupport, shared
with the end-to-end suite; ecs-sim is $ECS_SIM_BIN, `--ecs-sim PATH`, or the one in $ECSFLEET_BIN_DIR.
"""

from __future__ import annotations

import pytest

import fleet as fleets
from simulator import Sim


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
