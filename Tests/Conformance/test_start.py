"""StartInstances and StartInstance: the stop rules with "not Stopped" in place of "not Running"."""

from __future__ import annotations

import json

import pytest

import fleet as fleets
from helpers import describe, expect_error, instance_responses, statuses, wait_for_status

HZ = fleets.HANGZHOU

START_FAILURES = {
    "i-run1": ("IncorrectInstanceStatus", 403),
    "i-stopping1": ("IncorrectInstanceStatus", 403),
    "i-starting1": ("IncorrectInstanceStatus", 403),
    "i-pending1": ("InstanceNotReady", 403),
    "i-stoppedsec1": ("InstanceLockedForSecurity", 403),
    "i-stoppedfin1": ("InstanceExpiredOrInArrears", 403),
    "i-stoppedexp1": ("InstanceExpiredOrInArrears", 403),
    "i-seclock1": ("InstanceLockedForSecurity", 403),  # Running and locked: the lock row comes first
    "i-finlock1": ("InstanceExpiredOrInArrears", 403),
    "i-recycling1": ("IncorrectInstanceStatus", 403),
    "i-pendingfin1": ("InstanceExpiredOrInArrears", 403),
    "i-nothere1": ("InvalidInstanceId.NotFound", 404),
    "i-shstopped1": ("InvalidInstanceId.NotFound", 404),  # Stopped, but in cn-shanghai
    "i-bad_id": ("Abs.InvalidInstanceIds.MalFormed", 403),
    "I-STOPPED1": ("Abs.InvalidInstanceIds.MalFormed", 403),
}


def start(api, ids, **opts):
    return api.call("StartInstances", {"RegionId": HZ, "InstanceId": list(ids), **opts})


def test_start_instances_success(api):
    body = start(api, ["i-stopped1", "i-stopped2"])
    rs = instance_responses(body)
    assert [r["InstanceId"] for r in rs] == ["i-stopped1", "i-stopped2"]
    for r in rs:
        assert r["Code"] == "200" and r["Message"].lower() == "success"
        assert (r["PreviousStatus"], r["CurrentStatus"]) == ("Stopped", "Starting")
    assert statuses(api, ["i-stopped1", "i-stopped2"]) == {"i-stopped1": "Starting", "i-stopped2": "Starting"}
    wait_for_status(api, ["i-stopped1", "i-stopped2"], "Running")


def test_start_instance_single(api):
    body = api.call("StartInstance", {"InstanceId": "i-stopped3"})
    assert body["RequestId"]
    wait_for_status(api, ["i-stopped3"], "Running")


def test_start_instance_classic(api):
    api.call("StartInstance", {"InstanceId": "i-stoppedclassic1"})
    wait_for_status(api, ["i-stoppedclassic1"], "Running")


def test_start_instance_wrong_region_v1(sim):
    v1 = sim.api("v1", region=fleets.SHANGHAI)
    e = expect_error(v1.call, "StartInstance", {"InstanceId": "i-stopped1"})
    assert (e.code, e.status) == ("InvalidInstanceId.NotFound", 404)


def test_start_instance_other_region_v3(sim):
    v3 = sim.api("v3")
    v3.call("StartInstance", {"InstanceId": "i-shstopped1"})
    wait_for_status(v3, ["i-shstopped1"], "Running", region=fleets.SHANGHAI)


# ---------------------------------------------------------------- dry runs


def test_start_dry_run_passing(api):
    e = expect_error(start, api, ["i-stopped1"], DryRun=True)
    assert (e.code, e.status) == ("DRYRUN.SUCCESS", 400)
    assert statuses(api, ["i-stopped1"]) == {"i-stopped1": "Stopped"}


def test_start_dry_run_failing(api):
    e = expect_error(start, api, ["i-stopped1", "i-run1"], DryRun=True)
    assert (e.code, e.status) == ("IncorrectInstanceStatus", 403)


def test_start_dry_run_success_first(api):
    e = expect_error(start, api, ["i-stopped1", "i-run1", "i-nothere1"], DryRun=True, BatchOptimization="SuccessFirst")
    assert (e.code, e.status) == ("DRYRUN.SUCCESS", 400)
    assert statuses(api, ["i-stopped1"]) == {"i-stopped1": "Stopped"}


def test_start_dry_run_success_first_101(api):
    e = expect_error(start, api, [f"i-s{n}" for n in range(101)], DryRun=True, BatchOptimization="SuccessFirst")
    assert (e.code, e.status) == ("InvalidParameter", 400)


def test_start_instance_dry_run(api):
    e = expect_error(api.call, "StartInstance", {"InstanceId": "i-stopped1", "DryRun": True})
    assert (e.code, e.status) == ("DryRunOperation", 400)
    assert statuses(api, ["i-stopped1"]) == {"i-stopped1": "Stopped"}


# ---------------------------------------------------------------- rows, atomicity, SuccessFirst


@pytest.mark.parametrize("bad", sorted(START_FAILURES))
def test_start_all_together_rows(api, bad):
    e = expect_error(start, api, ["i-stopped1", bad, "i-stopped2"])
    assert (e.code, e.status) == START_FAILURES[bad]
    assert statuses(api, ["i-stopped1", "i-stopped2"]) == {"i-stopped1": "Stopped", "i-stopped2": "Stopped"}


@pytest.mark.parametrize("bad", sorted(set(START_FAILURES) - {"i-shstopped1"}))
def test_start_instance_rows(api, bad):
    e = expect_error(api.call, "StartInstance", {"InstanceId": bad})
    assert (e.code, e.status) == START_FAILURES[bad]


def test_start_first_failure_in_request_order(api):
    e = expect_error(start, api, ["i-stopped1", "i-pending1", "i-run1"])
    assert e.code == "InstanceNotReady"
    e = expect_error(start, api, ["i-stopped1", "i-run1", "i-pending1"])
    assert e.code == "IncorrectInstanceStatus"


def test_start_success_first(api):
    body = start(api, ["i-stopped1", "i-run1", "i-nothere1", "i-stoppedsec1", "i-stopped1", "i-bad_id"],
                 BatchOptimization="SuccessFirst")
    rs = instance_responses(body)
    assert [r["InstanceId"] for r in rs] == ["i-stopped1", "i-run1", "i-nothere1", "i-stoppedsec1", "i-bad_id"]
    by = {r["InstanceId"]: r for r in rs}
    assert by["i-stopped1"]["Code"] == "200"
    assert (by["i-stopped1"]["PreviousStatus"], by["i-stopped1"]["CurrentStatus"]) == ("Stopped", "Starting")
    assert by["i-run1"]["Code"] == "IncorrectInstanceStatus"
    assert by["i-nothere1"]["Code"] == "InvalidInstanceId.NotFound"
    assert (by["i-nothere1"]["PreviousStatus"], by["i-nothere1"]["CurrentStatus"]) == ("", "")
    assert by["i-stoppedsec1"]["Code"] == "InstanceLockedForSecurity"
    assert by["i-bad_id"]["Code"] == "Abs.InvalidInstanceIds.MalFormed"
    wait_for_status(api, ["i-stopped1"], "Running")


# ---------------------------------------------------------------- parameters


def test_start_bad_batch_optimization(api):
    e = expect_error(start, api, ["i-stopped1"], BatchOptimization="Sometimes")
    assert (e.code, e.status) == ("InvalidParameter", 400)


def test_start_no_ids(api):
    e = expect_error(start, api, [])
    assert (e.code, e.status) == ("InvalidParameter", 400)


def test_start_101_ids(api):
    e = expect_error(start, api, ["i-stopped1"] + [f"i-s{n}" for n in range(100)])
    assert (e.code, e.status) == ("InvalidParameter", 400)
    assert statuses(api, ["i-stopped1"]) == {"i-stopped1": "Stopped"}


def test_start_instance_id_101(sim):
    v1 = sim.api("v1")
    req = v1.request("StartInstances", {"RegionId": HZ})
    req.add_query_param("InstanceId.101", "i-stopped1")
    e = expect_error(lambda: v1.send(req))
    assert (e.code, e.status) == ("InvalidParameter", 400)


def test_start_gaps(sim):
    v1 = sim.api("v1")
    req = v1.request("StartInstances", {"RegionId": HZ})
    req.add_query_param("InstanceId.7", "i-stopped2")
    req.add_query_param("InstanceId.3", "i-stopped1")
    body = json.loads(v1.send(req))
    assert [r["InstanceId"] for r in instance_responses(body)] == ["i-stopped1", "i-stopped2"]


def test_start_after_stop_round_trip(api):
    api.call("StopInstances", {"RegionId": HZ, "InstanceId": ["i-run1"], "StoppedMode": "StopCharging"})
    wait_for_status(api, ["i-run1"], "Stopped")
    start(api, ["i-run1"])
    wait_for_status(api, ["i-run1"], "Running")
    api.call("StopInstance", {"InstanceId": "i-run1"})
    wait_for_status(api, ["i-run1"], "Stopped")


def test_stopped_mode_after_restart_follows_running_decision(api):
    """Once Running again, StoppedMode reads as for any Running instance (KeepCharging / Not-applicable)."""
    api.call("StopInstances", {"RegionId": HZ, "InstanceId": ["i-run2", "i-classic1"], "StoppedMode": "StopCharging"})
    wait_for_status(api, ["i-run2", "i-classic1"], "Stopped")
    d = describe(api, ["i-run2", "i-classic1"])
    assert (d["i-run2"]["StoppedMode"], d["i-classic1"]["StoppedMode"]) == ("StopCharging", "Not-applicable")
    start(api, ["i-run2", "i-classic1"])
    wait_for_status(api, ["i-run2", "i-classic1"], "Running")
    d = describe(api, ["i-run2", "i-classic1"])
    assert (d["i-run2"]["StoppedMode"], d["i-classic1"]["StoppedMode"]) == ("KeepCharging", "Not-applicable")
