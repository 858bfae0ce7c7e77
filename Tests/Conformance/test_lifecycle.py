"""Lifecycle on the simulator's clock: Running -> Stopping -> Stopped, Stopped -> Starting -> Running,
ForceStop takes half the delay, fleet-loaded transitional instances stay stuck."""

from __future__ import annotations

import time

import pytest

import fleet as fleets
from helpers import describe, statuses, wait_for_status

HZ = fleets.HANGZHOU


def observed_sequence(history: list[dict], iid: str) -> list[str]:
    seq = []
    for snap in history:
        s = snap.get(iid)
        if not seq or seq[-1] != s:
            seq.append(s)
    return seq


def test_stop_then_start_transitions(api):
    api.call("StopInstances", {"RegionId": HZ, "InstanceId": ["i-run5"]})
    history = wait_for_status(api, ["i-run5"], "Stopped")
    assert observed_sequence(history, "i-run5") == ["Stopping", "Stopped"]
    api.call("StartInstances", {"RegionId": HZ, "InstanceId": ["i-run5"]})
    history = wait_for_status(api, ["i-run5"], "Running")
    assert observed_sequence(history, "i-run5") == ["Starting", "Running"]


def test_describe_instances_follows_lifecycle(api):
    api.call("StopInstance", {"InstanceId": "i-run6"})
    assert describe(api, ["i-run6"])["i-run6"]["Status"] == "Stopping"
    wait_for_status(api, ["i-run6"], "Stopped")
    assert describe(api, ["i-run6"])["i-run6"]["Status"] == "Stopped"


def test_stuck_instances_stay(sim):
    """Pending/Starting/Stopping loaded from a fleet file model stuck instances: they never move."""
    api = sim.api("v3")
    api.call("StopInstances", {"RegionId": HZ, "InstanceId": ["i-run1"]})
    wait_for_status(api, ["i-run1"], "Stopped")  # at least one full stop delay has passed
    time.sleep(0.3)
    assert statuses(api, ["i-stopping1", "i-starting1", "i-pending1"]) == {
        "i-stopping1": "Stopping", "i-starting1": "Starting", "i-pending1": "Pending"}


def time_to(api, iid, want, timeout=10.0) -> float:
    t0 = time.monotonic()
    wait_for_status(api, [iid], want, timeout=timeout, interval=0.02)
    return time.monotonic() - t0


@pytest.fixture
def slow_sim(start_sim, std_fleet):
    return start_sim("--stop-delay", "1.2-1.2", "--start-delay", "1.2-1.2", fleet=std_fleet)


def test_delays_and_force_stop_is_faster(slow_sim, sdk):
    api = slow_sim.api(sdk)
    api.call("StopInstances", {"RegionId": HZ, "InstanceId": ["i-run1"]})
    normal = time_to(api, "i-run1", "Stopped")
    api.call("StopInstances", {"RegionId": HZ, "InstanceId": ["i-run2"], "ForceStop": True})
    forced = time_to(api, "i-run2", "Stopped")
    assert 1.0 <= normal <= 3.0, f"normal stop took {normal:.2f}s with --stop-delay 1.2-1.2"
    assert 0.4 <= forced <= 1.0, f"ForceStop took {forced:.2f}s, expected about half of 1.2s"


def test_start_delay(slow_sim, sdk):
    api = slow_sim.api(sdk)
    api.call("StartInstances", {"RegionId": HZ, "InstanceId": ["i-stopped1"]})
    took = time_to(api, "i-stopped1", "Running")
    assert 1.0 <= took <= 3.0, f"start took {took:.2f}s with --start-delay 1.2-1.2"


def test_many_stops_in_parallel_all_finish(sim):
    api = sim.api("v1")
    ids = ["i-run1", "i-run2", "i-run3", "i-run4", "i-run5", "i-run6", "i-cjk1", "i-classic1"]
    api.call("StopInstances", {"RegionId": HZ, "InstanceId": ids, "ForceStop": True})
    wait_for_status(api, ids, "Stopped")
    api.call("StartInstances", {"RegionId": HZ, "InstanceId": ids})
    wait_for_status(api, ids, "Running")


def test_state_file_survives_restart(start_sim, std_fleet, tmp_path, sdk):
    """--state FILE: changes persist across a SIGTERM and restart (the fleet file is only the starting point)."""
    state = tmp_path / "state.json"
    first = start_sim("--state", str(state), fleet=std_fleet)
    api = first.api(sdk)
    api.call("StopInstances", {"RegionId": HZ, "InstanceId": ["i-run1"], "StoppedMode": "StopCharging"})
    wait_for_status(api, ["i-run1"], "Stopped")
    api.call("StartInstances", {"RegionId": HZ, "InstanceId": ["i-stopped1"]})
    wait_for_status(api, ["i-stopped1"], "Running")
    assert first.stop() == 0
    assert state.is_file()
    second = start_sim("--state", str(state), fleet=std_fleet)
    api = second.api(sdk)
    assert statuses(api, ["i-run1", "i-stopped1", "i-run2"]) == {
        "i-run1": "Stopped", "i-stopped1": "Running", "i-run2": "Running"}
    assert describe(api, ["i-run1"])["i-run1"]["StoppedMode"] == "StopCharging"


def test_state_file_in_flight_transition_completes_after_restart(start_sim, std_fleet, tmp_path):
    state = tmp_path / "state.json"
    first = start_sim("--state", str(state), fleet=std_fleet)
    api = first.api("v3")
    api.call("StopInstances", {"RegionId": HZ, "InstanceId": ["i-run3"]})
    assert first.stop() == 0
    second = start_sim("--state", str(state), fleet=std_fleet)
    wait_for_status(second.api("v3"), ["i-run3"], "Stopped")
