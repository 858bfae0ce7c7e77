"""Operator review, part two (slow transitions): a stop or start interrupted by SIGINT or SIGTERM is left in the
journal, and `journal --resume` finishes it with the credentials it was made with (environment, an aliyun CLI
profile, or the sandbox). The tests run in order and share the module's journal."""

from __future__ import annotations

import json
import signal

import pytest

CREDS = ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET")


@pytest.fixture(scope="module")
def interrupted_stop(slow):
    r = slow.interrupted(signal.SIGINT, "--endpoint", slow.endpoint, "--region", slow.region, "stop",
                         "--instance-id", "i-e2erun05", "--instance-id", "i-e2erun06", "--yes", "--wait")
    return r, slow.last_operation()


def test_sigint_during_stop_wait_names_the_operation_and_resume(interrupted_stop):
    r, op = interrupted_stop
    assert r.rc == 130, r
    assert r.err == (f"ecsfleet: interrupted; operation {op} was sent and stays in the journal: run "
                     f"`ecsfleet journal --resume {op}` to finish it\n"), r


def test_journal_shows_the_interrupted_stop(slow, interrupted_stop):
    r = slow.run("journal", "--last", "1")
    assert f"INTERRUPTED (run `ecsfleet journal --resume {interrupted_stop[1]}`)" in r.out, r


def test_sandbox_resume_of_an_environment_operation_says_which_variables(slow, interrupted_stop):
    """--sandbox journal --resume of an operation made with ALIBABA_CLOUD_* credentials: exit 2, says to set
    those variables (not --profile environment), on stderr."""
    r = slow.raw("--sandbox", "journal", "--resume", unset=CREDS)
    assert r.rc == 2 and interrupted_stop[1] in r.err and "ALIBABA_CLOUD_ACCESS_KEY_ID" in r.err, r
    assert "--profile environment" not in r.err and not r.out, r


def test_resume_json_without_region_finishes_the_stop(slow, interrupted_stop):
    """No --region and no ALIBABA_CLOUD_REGION_ID: the region comes from the journal."""
    op = interrupted_stop[1]
    r = slow.raw("--endpoint", slow.endpoint, "journal", "--resume", "--output", "json")
    assert r.rc == 0 and f"Resumed stop {op}" in r.err, r
    d = r.json()
    assert sorted((x["InstanceId"], x["Outcome"], x["CurrentStatus"], x["Operation"]) for x in d) == [
        ("i-e2erun05", "stopped", "Stopped", op), ("i-e2erun06", "stopped", "Stopped", op)]
    assert all(set(x) >= {"InstanceId", "RegionId", "Outcome", "Code", "Message", "PreviousStatus", "CurrentStatus"}
               for x in d)


def test_resume_json_with_nothing_left_prints_an_empty_array(slow, interrupted_stop):
    r = slow.raw("--endpoint", slow.endpoint, "journal", "--resume", "--output", "json")
    assert r.rc == 0 and r.out.replace(" ", "").replace("\n", "") == "[]" and "nothing to resume" in r.err.lower(), r


@pytest.fixture(scope="module")
def terminated_start(slow, interrupted_stop):
    r = slow.interrupted(signal.SIGTERM, "--endpoint", slow.endpoint, "--region", slow.region, "start",
                         "--instance-id", "i-e2erun05", "--yes", "--wait")
    return r, slow.last_operation()


def test_sigterm_during_start_wait_exits_143_one_line(terminated_start):
    r, op = terminated_start
    assert r.rc == 143 and f"interrupted; operation {op} was sent" in r.err and r.err_lines() == 1, r


def test_resume_finishes_the_interrupted_start(slow, terminated_start):
    r = slow.run("journal", "--resume")
    assert r.rc == 0 and f"Resumed start {terminated_start[1]}" in r.out, r
    assert slow.status_of("i-e2erun05") == "Running"


@pytest.fixture(scope="module")
def profile_stop(slow, terminated_start):
    """A stop made with an aliyun CLI profile, interrupted."""
    config = slow.home / ".aliyun" / "config.json"
    config.parent.mkdir(exist_ok=True)
    config.write_text(json.dumps({"current": "", "profiles": [{
        "name": "e2e-prof", "mode": "AK", "access_key_id": slow.access_key_id,
        "access_key_secret": slow.access_key_secret, "region_id": slow.region}]}) + "\n")
    r = slow.interrupted(signal.SIGINT, "--endpoint", slow.endpoint, "--profile", "e2e-prof", "stop",
                         "--instance-id", "i-e2erun04", "--yes", "--wait")
    yield r, slow.last_operation()
    config.unlink()


def test_sigint_with_a_profile_names_the_profile_in_the_resume_command(profile_stop):
    r = profile_stop[0]
    assert r.rc == 130 and f"run `ecsfleet --profile e2e-prof journal --resume {profile_stop[1]}`" in r.err, r


def test_resume_with_other_credentials_says_to_use_the_profile(slow, profile_stop):
    r = slow.run("journal", "--resume")
    assert r.rc == 2 and profile_stop[1] in r.err and "ecsfleet --profile e2e-prof journal --resume" in r.err, r


def test_resume_with_the_profile_finishes_it(slow, profile_stop):
    r = slow.run("--profile", "e2e-prof", "journal", "--resume")
    assert r.rc == 0 and f"Resumed stop {profile_stop[1]}" in r.out, r


@pytest.fixture(scope="module")
def sandbox_stop(slow, profile_stop):
    """A sandbox stop, interrupted."""
    listed = slow.raw("--sandbox", "list", "--region", "cn-hangzhou", "--status", "Running", "--output", "json",
                      unset=CREDS)
    unlocked = [i["InstanceId"] for i in listed.json() if not i["OperationLocks"]["LockReason"]]
    assert unlocked, f"a running, unlocked sandbox instance to stop\n{listed!r}"
    r = slow.interrupted(signal.SIGINT, "--sandbox", "--region", "cn-hangzhou", "stop", "--instance-id", unlocked[0],
                         "--yes", "--wait", unset=CREDS)
    return r, slow.last_operation(), unlocked[0]


def test_sigint_during_a_sandbox_stop_says_resume_with_sandbox(sandbox_stop):
    r, op, _ = sandbox_stop
    assert r.rc == 130, r
    assert (f"operation {op} was sent and stays in the journal: run `ecsfleet --sandbox journal --resume {op}` to finish "
            "it" in r.err), r


def test_resume_of_a_sandbox_operation_without_sandbox_is_refused(slow, sandbox_stop):
    r = slow.run("journal", "--resume", "--output", "json")
    assert r.rc == 2 and sandbox_stop[1] in r.err and "`ecsfleet --sandbox journal --resume" in r.err, r
    assert r.out.replace(" ", "").replace("\n", "") == "[]", r


def test_sandbox_resume_finishes_the_sandbox_stop(slow, sandbox_stop):
    _, op, iid = sandbox_stop
    r = slow.raw("--sandbox", "journal", "--resume", "--output", "json", unset=CREDS)
    assert r.rc == 0, r
    assert [(x["InstanceId"], x["Outcome"], x["Operation"]) for x in r.json()] == [(iid, "stopped", op)]
