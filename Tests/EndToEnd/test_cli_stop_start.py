"""The main stop over a mix of instances (SuccessFirst, StopCharging), what status, list, the official SDK and
the journal then say, starting them again with IDs from stdin, and 101 IDs split into two calls. The tests run in
order on one simulator."""

from __future__ import annotations

import json
import os
import stat
from collections import Counter

import pytest

TARGETS = ["i-e2erun01", "i-e2erun02", "i-e2ecjk01", "i-e2eesc01", "i-e2eclassic01", "i-e2estop01", "i-e2esec01",
           "i-e2efin01", "i-e2enothere99", "i-bad_id!"]
WANT = {
    "i-e2erun01": ("stopped", None), "i-e2erun02": ("stopped", None), "i-e2ecjk01": ("stopped", None),
    "i-e2eesc01": ("stopped", None), "i-e2eclassic01": ("stopped", None),
    "i-e2estop01": ("skipped", "IncorrectInstanceStatus"),
    "i-e2esec01": ("skipped", "InstanceLockedForSecurity"),
    "i-e2efin01": ("skipped", "InstanceExpiredOrInArrears"),
    "i-e2enothere99": ("failed", "InvalidInstanceId.NotFound"),
    "i-bad_id!": ("failed", "Abs.InvalidInstanceIds.MalFormed"),
}


def ids_args(ids):
    return [a for i in ids for a in ("--instance-id", i)]


@pytest.fixture(scope="module")
def stop(ops):
    # The fleet as the safety checks leave it: i-e2erun03 stopped (KeepCharging) before the main stop.
    first = ops.run("stop", "--instance-id", "i-e2erun03", "--yes", "--wait")
    assert first.rc == 0, first
    return ops.run("stop", *ids_args(TARGETS), "--batch", "SuccessFirst", "--stopped-mode", "StopCharging", "--yes",
                   "--wait", "--output", "json")


@pytest.fixture(scope="module")
def operation(ops, stop):
    """The main stop's operation ID, from journal --output json."""
    r = ops.run("journal", "--output", "json", "--last", "50")
    for e in reversed(r.json()):
        ids = {x["InstanceId"] for x in e["Results"]}
        if "i-bad_id!" in ids and "i-e2eclassic01" in ids and e["Action"] == "stop":
            return e["Operation"], r
    pytest.fail(f"journal --output json does not list the stop operation: {r}")


def test_stop_success_first_over_a_mix_exits_1(stop):
    assert stop.rc == 1, stop


def test_stop_outcome_and_code_for_each_instance(stop):
    m = stop.by_id()
    assert set(m) == set(WANT)
    bad = []
    for iid, (outcome, code) in WANT.items():
        r = m[iid]
        if r["Outcome"] != outcome or (code and r["Code"] != code):
            bad.append((iid, r["Outcome"], r["Code"], r["Message"]))
        if outcome == "stopped" and r["CurrentStatus"] != "Stopped":
            bad.append((iid, "CurrentStatus", r["CurrentStatus"]))
    assert not bad
    assert [r["InstanceId"] for r in stop.json()] == TARGETS, "order"


def test_stop_table_has_no_escape_byte(ops, stop):
    r = ops.run("stop", "--instance-id", "i-e2erun01", "--instance-id", "i-e2eesc01", "--yes")
    assert b"\x1b" not in r.out_bytes, r


@pytest.fixture(scope="module")
def status(ops, stop):
    return ops.run("status", *ids_args(TARGETS[:8] + ["i-e2erun04"]), "--output", "json")


def test_status_exits_0(status):
    assert status.rc == 0, status


def test_status_sees_the_end_state(status):
    got = {r["InstanceId"]: r["Status"] for r in status.json()}
    want = dict.fromkeys(["i-e2erun01", "i-e2erun02", "i-e2ecjk01", "i-e2eesc01", "i-e2eclassic01", "i-e2estop01"],
                         "Stopped")
    want.update({"i-e2esec01": "Running", "i-e2efin01": "Running", "i-e2erun04": "Running"})
    assert got == want


def test_official_sdk_sees_the_same_end_state_and_stopped_mode(cli_sim, ops, stop):
    """alibabacloud-ecs20140526 (installed by scripts/pytest.sh) reads the same states and StoppedMode."""
    from alibabacloud_ecs20140526 import models
    from alibabacloud_ecs20140526.client import Client
    from alibabacloud_tea_openapi.models import Config

    client = Client(Config(access_key_id=ops.access_key_id, access_key_secret=ops.access_key_secret,
                           endpoint=cli_sim.netloc, protocol="http"))
    ids = TARGETS[:8]
    request = models.DescribeInstancesRequest(region_id="cn-hangzhou", instance_ids=json.dumps(ids),
                                              max_results=100)
    got = {i.instance_id: (i.status, i.stopped_mode) for i in client.describe_instances(request).body.instances.instance}
    want = {i: ("Stopped", "StopCharging") for i in ("i-e2erun01", "i-e2erun02", "i-e2ecjk01", "i-e2eesc01")}
    want.update({"i-e2eclassic01": ("Stopped", "Not-applicable"), "i-e2estop01": ("Stopped", "KeepCharging")})
    assert all(got.get(k) == v for k, v in want.items()), got
    assert got["i-e2esec01"][0] == "Running" and got["i-e2efin01"][0] == "Running", got


def test_status_of_an_unknown_id_is_not_found_exit_1(ops):
    r = ops.run("status", "--instance-id", "i-e2enothere99", "--output", "json")
    assert r.rc == 1 and r.json()[0]["Status"] == "NotFound", r


@pytest.fixture(scope="module")
def stopped_list(ops, stop):
    return ops.run("list", "--status", "Stopped", "--output", "json").by_id()


def test_list_status_stopped_sees_the_stopped_instances(stopped_list):
    want = ["i-e2erun01", "i-e2erun02", "i-e2erun03", "i-e2ecjk01", "i-e2eesc01", "i-e2eclassic01", "i-e2estop01"]
    assert sorted(stopped_list) == sorted(want)
    assert all(i["Status"] == "Stopped" for i in stopped_list.values())


def test_stopped_mode_stop_charging_on_eligible_not_applicable_on_classic(stopped_list):
    m = stopped_list
    assert [(k, m[k]["StoppedMode"]) for k in ("i-e2erun01", "i-e2erun02", "i-e2ecjk01", "i-e2eesc01")
            if m[k]["StoppedMode"] != "StopCharging"] == []
    assert m["i-e2eclassic01"]["StoppedMode"] == "Not-applicable"
    assert m["i-e2estop01"]["StoppedMode"] == "KeepCharging"


def test_journal_json_exits_0(operation):
    assert operation[1].rc == 0, operation[1]


def test_journal_json_lists_the_stop_operation(operation):
    assert operation[0]


def test_journal_json_has_the_final_per_instance_results(operation):
    op, r = operation
    e = [e for e in r.json() if e["Operation"] == op][0]
    assert e["Ended"], "no end"
    m = {x["InstanceId"]: (x["Outcome"], x["Code"]) for x in e["Results"]}
    assert m["i-e2erun01"][0] == "stopped", m
    assert m["i-e2esec01"] == ("skipped", "InstanceLockedForSecurity"), m
    assert m["i-e2enothere99"] == ("failed", "InvalidInstanceId.NotFound"), m


def test_journal_file_has_begin_send_answer_outcome_end(ops, operation):
    recs = [r for r in ops.records() if r["Operation"] == operation[0]]
    events = [r["Event"] for r in recs]
    for ev in ("begin", "send", "answer", "outcome", "end"):
        assert ev in events, (ev, events)
    assert events[0] == "begin" and events[-1] == "end", events
    assert events.index("send") < events.index("answer"), events
    p = [r for r in recs if r["Event"] == "send"][0]["Parameters"]
    assert p.get("BatchOptimization") == "SuccessFirst" and p.get("StoppedMode") == "StopCharging", p
    sent = sorted(v for k, v in p.items() if k.startswith("InstanceId."))
    assert sent == sorted(["i-e2erun01", "i-e2erun02", "i-e2ecjk01", "i-e2eesc01", "i-e2eclassic01"])


def test_no_state_file_holds_the_secret(ops, operation):
    secret = ops.access_key_secret.encode()
    holding = [p for p in ops.state.rglob("*") if p.is_file() and secret in p.read_bytes()]
    assert not holding


def test_journal_file_mode_is_0600(ops, operation):
    assert stat.S_IMODE(os.stat(ops.journal).st_mode) == 0o600


def test_journal_table_shows_the_operation_without_escape(ops, operation):
    r = ops.run("journal", "--last", "3")
    assert r.rc == 0 and operation[0] in r.out and "\x1b" not in r.out, r


@pytest.fixture(scope="module")
def start(ops, operation):
    ids = b"i-e2erun01\ni-e2erun02, i-e2erun03  # comment\ni-e2ecjk01 i-e2eesc01\ni-e2eclassic01\n"
    return ops.run("start", "--ids-from", "-", "--yes", "--wait", "--output", "json", stdin=ids)


def test_start_ids_from_stdin_exits_0(start):
    assert start.rc == 0, start


def test_start_starts_every_instance_read_from_stdin(start):
    got = {r["InstanceId"]: (r["Outcome"], r["CurrentStatus"]) for r in start.json()}
    assert got == {k: ("started", "Running") for k in ["i-e2erun01", "i-e2erun02", "i-e2erun03", "i-e2ecjk01",
                                                       "i-e2eesc01", "i-e2eclassic01"]}


def test_after_the_start_all_but_the_stopped_one_run(ops, start):
    assert Counter(i["Status"] for i in ops.run("list", "--output", "json").json()) == {"Running": 116, "Stopped": 1}


@pytest.fixture(scope="module")
def bulk(ops, start, tmp_path_factory):
    path = tmp_path_factory.mktemp("ids") / "bulk_ids.txt"
    path.write_text("".join(f"i-e2ebulk{n:03d}\n" for n in range(1, 102)))
    return ops.run("stop", "--ids-from", str(path), "--yes", "--output", "json")


def test_stop_of_101_ids_from_a_file_accepts_all(bulk):
    assert bulk.rc == 0, bulk
    assert len(bulk.json()) == 101
    assert Counter(r["Outcome"] for r in bulk.json()) == {"accepted": 101}


def test_101_ids_are_split_into_calls_of_100_and_1(ops, bulk):
    d = ops.records()
    ops_ = [r["Operation"] for r in d if r["Event"] == "begin"
            and any(x["InstanceId"] == "i-e2ebulk101" for x in r.get("Results", []))]
    assert ops_, "no operation with i-e2ebulk101"
    sends = [r for r in d if r["Operation"] == ops_[-1] and r["Event"] == "send"]
    assert sorted(len([k for k in r["Parameters"] if k.startswith("InstanceId.")]) for r in sends) == [1, 100]
    assert all(r["Action"] == "StopInstances" for r in sends)


def test_journal_resume_with_nothing_to_resume_exits_0(ops, bulk):
    r = ops.run("journal", "--resume")
    assert r.rc == 0 and "nothing to resume" in r.out.lower(), r


def test_the_secret_appears_in_no_output_and_no_state_file(ops, bulk):
    secret = ops.access_key_secret
    assert not [r.argv for r in ops.runs if secret in r.out or secret in r.err]
    assert not [p for p in ops.state.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def test_simulator_still_running_at_the_end(cli_sim):
    assert cli_sim.alive(), cli_sim.log()
