"""StopInstances and StopInstance: success, dry runs, AllTogether atomicity, SuccessFirst per-instance codes,
the checks table of docs/ECS-SEMANTICS.md#stop-and-start-checks with its precedence order, parameter validation, StoppedMode."""

from __future__ import annotations

import json

import pytest

import fleet as fleets
from helpers import describe, expect_error, instance_responses, statuses, wait_for_status

HZ = fleets.HANGZHOU

# Decisions table rows: instance -> (code, HTTP status) for a stop.
STOP_FAILURES = {
    "i-stopped1": ("IncorrectInstanceStatus", 403),
    "i-stopping1": ("IncorrectInstanceStatus", 403),
    "i-starting1": ("IncorrectInstanceStatus", 403),
    "i-pending1": ("InstanceNotReady", 403),
    "i-seclock1": ("InstanceLockedForSecurity", 403),
    "i-finlock1": ("InstanceExpiredOrInArrears", 403),
    "i-expired1": ("InstanceExpiredOrInArrears", 403),
    "i-expired2": ("InstanceExpiredOrInArrears", 403),  # ExpiredTime written without seconds
    "i-dhfin1": ("InstanceExpiredOrInArrears", 403),
    "i-refunded1": ("InstanceExpiredOrInArrears", 403),
    "i-recycling1": ("IncorrectInstanceStatus", 403),
    "i-nothere1": ("InvalidInstanceId.NotFound", 404),
    "i-sh1": ("InvalidInstanceId.NotFound", 404),  # exists, but in cn-shanghai
    "i-TestID": ("InvalidInstanceId.NotFound", 404),  # well-formed (letters and digits), not found
    "i-bad_id": ("Abs.InvalidInstanceIds.MalFormed", 403),
    "x-run1": ("Abs.InvalidInstanceIds.MalFormed", 403),
    "i-": ("Abs.InvalidInstanceIds.MalFormed", 403),
    # precedence: several rows apply, the first in docs/ECS-SEMANTICS.md#precedence wins
    "i-secfin1": ("InstanceLockedForSecurity", 403),  # security before other locks
    "i-stoppedsec1": ("InstanceLockedForSecurity", 403),  # security before wrong status
    "i-stoppedfin1": ("InstanceExpiredOrInArrears", 403),  # locks before wrong status
    "i-stoppedexp1": ("InstanceExpiredOrInArrears", 403),  # expiry before wrong status
    "i-pendingfin1": ("InstanceExpiredOrInArrears", 403),  # locks before Pending
}


def stop(api, ids, **opts):
    return api.call("StopInstances", {"RegionId": HZ, "InstanceId": list(ids), **opts})


# ---------------------------------------------------------------- success


def test_stop_instances_all_together_success(api):
    body = stop(api, ["i-run1", "i-run2"])
    assert body["RequestId"]
    rs = instance_responses(body)
    assert [r["InstanceId"] for r in rs] == ["i-run1", "i-run2"]
    for r in rs:
        assert r["Code"] == "200" and isinstance(r["Code"], str)
        assert r["Message"].lower() == "success"
        assert (r["PreviousStatus"], r["CurrentStatus"]) == ("Running", "Stopping")
    assert statuses(api, ["i-run1", "i-run2"]) == {"i-run1": "Stopping", "i-run2": "Stopping"}
    wait_for_status(api, ["i-run1", "i-run2"], "Stopped")
    assert statuses(api, ["i-run3"]) == {"i-run3": "Running"}


def test_stop_instance_single(api):
    body = api.call("StopInstance", {"InstanceId": "i-run1"})
    assert set(body) >= {"RequestId"}
    assert statuses(api, ["i-run1"])["i-run1"] == "Stopping"
    wait_for_status(api, ["i-run1"], "Stopped")


def test_stop_instance_without_region_id(sim):
    """The current SDK sends no RegionId for StopInstance: raw V3 request without it works."""
    reply = sim.raw().v3("StopInstance", {"InstanceId": "i-run2"})
    assert reply.status == 200, reply
    assert "RegionId" not in reply.sent_query
    wait_for_status(sim.api("v3"), ["i-run2"], "Stopped")


def test_stop_instance_in_other_region_with_matching_region_id(sim):
    v1 = sim.api("v1", region=fleets.SHANGHAI)
    v1.call("StopInstance", {"InstanceId": "i-sh1"})
    wait_for_status(v1, ["i-sh1"], "Stopped", region=fleets.SHANGHAI)


def test_stop_instance_wrong_region_id(sim):
    """The older SDK adds the client's region; a region that is not the instance's: 404 NotFound."""
    v1 = sim.api("v1", region=fleets.SHANGHAI)
    e = expect_error(v1.call, "StopInstance", {"InstanceId": "i-run1"})
    assert (e.code, e.status) == ("InvalidInstanceId.NotFound", 404)
    assert statuses(sim.api("v3"), ["i-run1"]) == {"i-run1": "Running"}


def test_stop_instance_region_id_explicit_wrong(sim):
    reply = sim.raw().v3("StopInstance", {"InstanceId": "i-run1", "RegionId": fleets.SHANGHAI})
    assert (reply.status, reply.code) == (404, "InvalidInstanceId.NotFound"), reply


def test_stop_instances_other_region_not_found(api):
    e = expect_error(stop, api, ["i-sh1"])
    assert (e.code, e.status) == ("InvalidInstanceId.NotFound", 404)


def test_force_stop_accepted(api):
    body = stop(api, ["i-run1"], ForceStop=True)
    assert instance_responses(body)[0]["Code"] == "200"
    wait_for_status(api, ["i-run1"], "Stopped")


def test_stop_instance_confirm_stop_ignored(api):
    """ConfirmStop is deprecated: accepted and ignored, also on a local-disk instance."""
    api.call("StopInstance", {"InstanceId": "i-localdisk1", "ConfirmStop": False})
    api.call("StopInstance", {"InstanceId": "i-run1", "ConfirmStop": True})
    wait_for_status(api, ["i-localdisk1", "i-run1"], "Stopped")


# ---------------------------------------------------------------- dry runs


def test_dry_run_all_together_passing(api):
    e = expect_error(stop, api, ["i-run1", "i-run2"], DryRun=True)
    assert (e.code, e.status) == ("DRYRUN.SUCCESS", 400)
    assert e.request_id
    assert statuses(api, ["i-run1", "i-run2"]) == {"i-run1": "Running", "i-run2": "Running"}


def test_dry_run_messages(sim):
    """The seed's text for DRYRUN.SUCCESS, the vendor's text for DryRunOperation."""
    raw = sim.raw()
    batch = raw.v3("StopInstances", {"RegionId": HZ, "InstanceId.1": "i-run1", "DryRun": "true"})
    assert (batch.status, batch.code) == (400, "DRYRUN.SUCCESS"), batch
    assert batch.json()["Message"] == "This request is a dryrun request with successful result."
    single = raw.v3("StopInstance", {"InstanceId": "i-run1", "DryRun": "true"})
    assert (single.status, single.code) == (400, "DryRunOperation"), single
    assert single.json()["Message"] == "Request validation has been passed with DryRun flag set."


def test_prepaid_not_expired_stops(api):
    stop(api, ["i-prepaid1"])
    wait_for_status(api, ["i-prepaid1"], "Stopped")


def test_concurrent_stops_of_one_instance(sim):
    """Twenty simultaneous AllTogether stops of the same instance: exactly one is accepted."""
    import concurrent.futures as cf

    raw = sim.raw()

    def one(_):
        return raw.v3("StopInstances", {"RegionId": HZ, "InstanceId.1": "i-run1"})

    with cf.ThreadPoolExecutor(max_workers=20) as pool:
        replies = list(pool.map(one, range(20), timeout=60))
    ok = [r for r in replies if r.status == 200]
    assert len(ok) == 1, [(r.status, r.code) for r in replies]
    assert all((r.status, r.code) == (403, "IncorrectInstanceStatus") for r in replies if r.status != 200)


def test_dry_run_all_together_failing_instance(api):
    e = expect_error(stop, api, ["i-run1", "i-stopped1"], DryRun=True)
    assert (e.code, e.status) == ("IncorrectInstanceStatus", 403)
    assert statuses(api, ["i-run1"]) == {"i-run1": "Running"}


def test_dry_run_all_together_not_found(api):
    e = expect_error(stop, api, ["i-nothere1", "i-run1"], DryRun=True)
    assert (e.code, e.status) == ("InvalidInstanceId.NotFound", 404)


def test_dry_run_success_first_always_dryrun_success(api):
    e = expect_error(stop, api, ["i-run1", "i-stopped1", "i-nothere1", "i-bad_id"], DryRun=True,
                     BatchOptimization="SuccessFirst")
    assert (e.code, e.status) == ("DRYRUN.SUCCESS", 400)
    assert statuses(api, ["i-run1"]) == {"i-run1": "Running"}


def test_dry_run_success_first_101_ids_is_invalid_parameter(api):
    ids = [f"i-dry{n}" for n in range(101)]
    e = expect_error(stop, api, ids, DryRun=True, BatchOptimization="SuccessFirst")
    assert (e.code, e.status) == ("InvalidParameter", 400)


def test_stop_instance_dry_run(api):
    e = expect_error(api.call, "StopInstance", {"InstanceId": "i-run1", "DryRun": True})
    assert (e.code, e.status) == ("DryRunOperation", 400)
    assert statuses(api, ["i-run1"]) == {"i-run1": "Running"}


def test_stop_instance_dry_run_failing(api):
    e = expect_error(api.call, "StopInstance", {"InstanceId": "i-seclock1", "DryRun": True})
    assert (e.code, e.status) == ("InstanceLockedForSecurity", 403)


def test_dry_run_false_stops(api):
    body = stop(api, ["i-run1"], DryRun=False)
    assert instance_responses(body)[0]["Code"] == "200"


# ---------------------------------------------------------------- AllTogether atomicity and the Decisions table


@pytest.mark.parametrize("bad", sorted(STOP_FAILURES))
def test_all_together_decision_rows(api, bad):
    """One failing instance among Running ones: that instance's code, and nothing is stopped."""
    e = expect_error(stop, api, ["i-run1", bad, "i-run2"])
    assert (e.code, e.status) == STOP_FAILURES[bad]
    assert statuses(api, ["i-run1", "i-run2"]) == {"i-run1": "Running", "i-run2": "Running"}


@pytest.mark.parametrize("bad", sorted(set(STOP_FAILURES) - {"i-sh1"}))
def test_stop_instance_decision_rows(api, bad):
    e = expect_error(api.call, "StopInstance", {"InstanceId": bad})
    assert (e.code, e.status) == STOP_FAILURES[bad]


def test_stop_instance_v3_finds_any_region(sim):
    """No RegionId (current SDK): the instance is found in whichever region it lives."""
    v3 = sim.api("v3")
    v3.call("StopInstance", {"InstanceId": "i-sh1"})
    wait_for_status(v3, ["i-sh1"], "Stopped", region=fleets.SHANGHAI)


def test_all_together_first_failure_in_request_order(api):
    e = expect_error(stop, api, ["i-run1", "i-stopped1", "i-seclock1", "i-nothere1"])
    assert e.code == "IncorrectInstanceStatus"
    e = expect_error(stop, api, ["i-nothere1", "i-stopped1", "i-run2"])
    assert e.code == "InvalidInstanceId.NotFound"
    e = expect_error(stop, api, ["i-run2", "i-pending1", "i-bad_id"])
    assert e.code == "InstanceNotReady"
    assert statuses(api, ["i-run1", "i-run2"]) == {"i-run1": "Running", "i-run2": "Running"}


def test_all_together_atomic_then_retry_without_bad_one(api):
    expect_error(stop, api, ["i-run1", "i-run2", "i-run3", "i-finlock1"])
    assert set(statuses(api, ["i-run1", "i-run2", "i-run3"]).values()) == {"Running"}
    body = stop(api, ["i-run1", "i-run2", "i-run3"])
    assert [r["Code"] for r in instance_responses(body)] == ["200"] * 3


# ---------------------------------------------------------------- SuccessFirst


def test_success_first_per_instance_codes(api):
    ids = ["i-run1", "i-nothere1", "i-stopped1", "i-seclock1", "i-finlock1", "i-expired1", "i-pending1",
           "i-bad_id", "i-run1", "i-run2"]
    body = stop(api, ids, BatchOptimization="SuccessFirst")
    rs = instance_responses(body)
    assert [r["InstanceId"] for r in rs] == ["i-run1", "i-nothere1", "i-stopped1", "i-seclock1", "i-finlock1",
                                             "i-expired1", "i-pending1", "i-bad_id", "i-run2"], "one answer per ID"
    by = {r["InstanceId"]: r for r in rs}
    for ok in ("i-run1", "i-run2"):
        assert by[ok]["Code"] == "200" and by[ok]["Message"].lower() == "success"
        assert (by[ok]["PreviousStatus"], by[ok]["CurrentStatus"]) == ("Running", "Stopping")
    assert by["i-nothere1"]["Code"] == "InvalidInstanceId.NotFound"
    assert by["i-nothere1"]["PreviousStatus"] == "" and by["i-nothere1"]["CurrentStatus"] == ""
    assert by["i-stopped1"]["Code"] == "IncorrectInstanceStatus"
    assert by["i-seclock1"]["Code"] == "InstanceLockedForSecurity"
    assert by["i-finlock1"]["Code"] == "InstanceExpiredOrInArrears"
    assert by["i-expired1"]["Code"] == "InstanceExpiredOrInArrears"
    assert by["i-pending1"]["Code"] == "InstanceNotReady"
    assert by["i-bad_id"]["Code"] == "Abs.InvalidInstanceIds.MalFormed"
    for r in rs:
        assert r["Message"], f"per-instance Message missing: {r}"
    wait_for_status(api, ["i-run1", "i-run2"], "Stopped")
    assert statuses(api, ["i-stopped1", "i-pending1"]) == {"i-stopped1": "Stopped", "i-pending1": "Pending"}


@pytest.mark.parametrize("bad", sorted(STOP_FAILURES))
def test_success_first_decision_rows(api, bad):
    body = stop(api, [bad, "i-run1"], BatchOptimization="SuccessFirst")
    by = {r["InstanceId"]: r for r in instance_responses(body)}
    assert by[bad]["Code"] == STOP_FAILURES[bad][0]
    assert by["i-run1"]["Code"] == "200"


def test_success_first_all_failing_is_still_200(api):
    body = stop(api, ["i-nothere1", "i-stopped1"], BatchOptimization="SuccessFirst")
    assert [r["Code"] for r in instance_responses(body)] == ["InvalidInstanceId.NotFound", "IncorrectInstanceStatus"]
    assert api.last_status == 200


def test_all_together_repeated_id_answered_once(api):
    body = stop(api, ["i-run1", "i-run1", "i-run2", "i-run1"])
    assert [r["InstanceId"] for r in instance_responses(body)] == ["i-run1", "i-run2"]


# ---------------------------------------------------------------- Hibernate


def test_hibernate_not_configured(api):
    e = expect_error(api.call, "StopInstance", {"InstanceId": "i-run1", "Hibernate": True})
    assert (e.code, e.status) == ("HibernationConfigured.NotEnabled", 403)
    assert statuses(api, ["i-run1"]) == {"i-run1": "Running"}


def test_hibernate_configured(api):
    api.call("StopInstance", {"InstanceId": "i-hib1", "Hibernate": True})
    wait_for_status(api, ["i-hib1"], "Stopped")


def test_hibernate_false_on_unconfigured(api):
    api.call("StopInstance", {"InstanceId": "i-run1", "Hibernate": False})
    wait_for_status(api, ["i-run1"], "Stopped")


@pytest.mark.parametrize("iid,code", [("i-stopped1", "IncorrectInstanceStatus"), ("i-pending1", "InstanceNotReady"),
                                      ("i-seclock1", "InstanceLockedForSecurity")])
def test_hibernate_is_last_in_precedence(api, iid, code):
    e = expect_error(api.call, "StopInstance", {"InstanceId": iid, "Hibernate": True})
    assert e.code == code


# ---------------------------------------------------------------- parameter validation


@pytest.mark.parametrize("params", [
    {"StoppedMode": "Bogus"},
    {"BatchOptimization": "Bogus"},
    {"ForceStop": "perhaps"},
])
def test_bad_enum_values(api, params):
    e = expect_error(stop, api, ["i-run1"], **params)
    assert (e.code, e.status) == ("InvalidParameter", 400)
    assert statuses(api, ["i-run1"]) == {"i-run1": "Running"}


def test_stop_instance_bad_stopped_mode(api):
    e = expect_error(api.call, "StopInstance", {"InstanceId": "i-run1", "StoppedMode": "Bogus"})
    assert (e.code, e.status) == ("InvalidParameter", 400)


def test_no_instance_ids(api):
    e = expect_error(stop, api, [])
    assert (e.code, e.status) == ("InvalidParameter", 400)


def test_101_instance_ids(api):
    e = expect_error(stop, api, ["i-run1"] + [f"i-x{n}" for n in range(100)])
    assert (e.code, e.status) == ("InvalidParameter", 400)
    assert statuses(api, ["i-run1"]) == {"i-run1": "Running"}


def test_100_instance_ids_is_fine(api):
    body = stop(api, ["i-run1"] + [f"i-x{n}" for n in range(99)], BatchOptimization="SuccessFirst")
    assert len(instance_responses(body)) == 100


def test_instance_id_index_above_100(sim):
    v1 = sim.api("v1")
    req = v1.request("StopInstances", {"RegionId": HZ})
    req.add_query_param("InstanceId.101", "i-run1")
    e = expect_error(lambda: v1.send(req))
    assert (e.code, e.status) == ("InvalidParameter", 400)


def test_instance_id_gaps_allowed_and_ordered_by_n(sim):
    v1 = sim.api("v1")
    req = v1.request("StopInstances", {"RegionId": HZ})
    req.add_query_param("InstanceId.10", "i-run3")
    req.add_query_param("InstanceId.2", "i-run2")
    req.add_query_param("InstanceId.57", "i-run1")
    body = json.loads(v1.send(req))
    assert [r["InstanceId"] for r in instance_responses(body)] == ["i-run2", "i-run3", "i-run1"]


def test_instance_id_gaps_raw_v3(sim):
    reply = sim.raw().v3("StopInstances", {"RegionId": HZ, "InstanceId.3": "i-run1", "InstanceId.1": "i-run2"})
    assert reply.status == 200, reply
    assert [r["InstanceId"] for r in instance_responses(reply.json())] == ["i-run2", "i-run1"]


def test_missing_region_id(sim):
    reply = sim.raw().v3("StopInstances", {"InstanceId.1": "i-run1"})
    assert reply.status == 400 and reply.code in ("MissingParameter", "MissingRegionId", "InvalidParameter"), reply


# ---------------------------------------------------------------- StoppedMode outcomes


def stopped_mode_after(api, iid, **opts):
    stop(api, [iid], **opts)
    while_stopping = describe(api, [iid])[iid]
    wait_for_status(api, [iid], "Stopped")
    after = describe(api, [iid])[iid]
    return while_stopping, after


@pytest.mark.parametrize("iid,mode,expected", [
    ("i-run1", "StopCharging", "StopCharging"),
    ("i-run1", "KeepCharging", "KeepCharging"),
    ("i-run1", None, "KeepCharging"),
    ("i-classic1", "StopCharging", "Not-applicable"),
    ("i-prepaid1", "StopCharging", "Not-applicable"),
    ("i-localdisk1", "StopCharging", "Not-applicable"),
    ("i-classic1", "KeepCharging", "Not-applicable"),
    ("i-localdisk1", None, "Not-applicable"),
])
def test_stopped_mode_outcome(api, iid, mode, expected):
    opts = {"StoppedMode": mode} if mode else {}
    while_stopping, after = stopped_mode_after(api, iid, **opts)
    assert while_stopping["Status"] == "Stopping"
    assert while_stopping["StoppedMode"] == expected, "StoppedMode is set when the stop is accepted"
    assert after["Status"] == "Stopped"
    assert after["StoppedMode"] == expected


def test_stopped_mode_stop_instance(api):
    api.call("StopInstance", {"InstanceId": "i-run2", "StoppedMode": "StopCharging"})
    assert describe(api, ["i-run2"])["i-run2"]["StoppedMode"] == "StopCharging"


def test_stopped_mode_success_first_mixed(api):
    stop(api, ["i-run1", "i-classic1"], StoppedMode="StopCharging", BatchOptimization="SuccessFirst")
    d = describe(api, ["i-run1", "i-classic1"])
    assert (d["i-run1"]["StoppedMode"], d["i-classic1"]["StoppedMode"]) == ("StopCharging", "Not-applicable")


@pytest.fixture
def economical_sim(start_sim, std_fleet):
    return start_sim("--economical-default", fleet=std_fleet)


@pytest.mark.parametrize("iid,mode,expected", [
    ("i-run1", None, "StopCharging"),
    ("i-run1", "KeepCharging", "KeepCharging"),
    ("i-run1", "StopCharging", "StopCharging"),
    ("i-classic1", None, "Not-applicable"),
    ("i-prepaid1", None, "Not-applicable"),
    ("i-localdisk1", None, "Not-applicable"),
])
def test_economical_default(economical_sim, sdk, iid, mode, expected):
    api = economical_sim.api(sdk)
    opts = {"StoppedMode": mode} if mode else {}
    while_stopping, after = stopped_mode_after(api, iid, **opts)
    assert while_stopping["StoppedMode"] == expected
    assert after["StoppedMode"] == expected


def test_economical_default_stop_instance(economical_sim, sdk):
    api = economical_sim.api(sdk)
    api.call("StopInstance", {"InstanceId": "i-run3"})
    assert describe(api, ["i-run3"])["i-run3"]["StoppedMode"] == "StopCharging"
