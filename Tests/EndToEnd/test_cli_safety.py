"""What must not stop anything: dry runs, and stops refused for want of --yes or by the safety policy (exit 3).
The tests run in order on one simulator: the last checks that the refused stops sent nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections import Counter

import pytest


@pytest.fixture(scope="module")
def dry_run(ops):
    return ops.run("stop", "--instance-id", "i-e2erun01", "--instance-id", "i-e2erun02", "--instance-id",
                   "i-e2eclassic01", "--stopped-mode", "StopCharging", "--dry-run", "--output", "json")


def test_stop_dry_run_exits_0(dry_run):
    assert dry_run.rc == 0, dry_run


def test_stop_dry_run_passes_each_and_leaves_them_running(dry_run):
    m = dry_run.by_id()
    assert set(m) == {"i-e2erun01", "i-e2erun02", "i-e2eclassic01"}, set(m)
    for result in m.values():
        assert result["Outcome"] == "dry-run-passed" and result["CurrentStatus"] == "Running", result


def test_stop_dry_run_success_first_passes_running_not_locked(ops):
    """--batch SuccessFirst dry run: the running one passes, the security-locked one is skipped with the lock named;
    both found and answered, so the dry run exits 0."""
    r = ops.run("stop", "--instance-id", "i-e2erun01", "--instance-id", "i-e2esec01", "--batch", "SuccessFirst",
                "--dry-run", "--output", "json")
    m = r.by_id()
    assert m["i-e2erun01"]["Outcome"] == "dry-run-passed", m
    assert m["i-e2esec01"]["Outcome"] == "skipped", m
    assert m["i-e2esec01"]["Code"] == "InstanceLockedForSecurity", m
    assert r.rc == 0, r


def test_after_the_dry_runs_nothing_changed(ops):
    time.sleep(0.8)  # a stop the dry run wrongly sent would have finished by now
    d = ops.run("list", "--output", "json").json()
    assert Counter(i["Status"] for i in d) == {"Running": 116, "Stopped": 1}
    assert {i["InstanceId"]: i for i in d}["i-e2erun01"]["StoppedMode"] == "KeepCharging"


@pytest.fixture(scope="module")
def no_terminal(ops):
    """stop without --yes in a new session (no controlling terminal), stdin closed."""
    setsid = shutil.which("setsid")
    assert setsid, "setsid is available (util-linux)"
    p = subprocess.run([setsid, "-w", str(ops.binary), "--endpoint", ops.endpoint, "--region", ops.region, "stop",
                        "--instance-id", "i-e2erun01"], stdin=subprocess.DEVNULL, capture_output=True,
                       env=ops.env(), timeout=60)
    return p


def test_stop_without_yes_and_no_terminal_exits_3(no_terminal):
    assert no_terminal.returncode == 3, no_terminal


def test_the_refusal_says_to_pass_yes(no_terminal):
    assert "--yes" in no_terminal.stderr.decode().lower(), no_terminal


def test_policy_rule_deny_refuses_naming_the_rule(ops):
    r = ops.run("stop", "--instance-id", "i-e2erun01", "--yes",
                env={"ALIBABA_CLOUD_SAFETY_POLICY_RULES": "ecs:Stop*=deny"})
    assert r.rc == 3 and "ecs:Stop*" in r.err, r


def test_policy_denying_only_start_lets_a_stop_dry_run_through(ops):
    r = ops.run("stop", "--instance-id", "i-e2erun01", "--dry-run",
                env={"ALIBABA_CLOUD_SAFETY_POLICY_RULES": "ecs:Start*=deny,ecs:Stop*=allow"})
    assert r.rc == 0, r


@pytest.fixture(scope="module")
def confirm_policy(ops):
    """~/.aliyun/safety-policy.json asking to confirm every stop, for the tests that use it."""
    path = ops.home / ".aliyun" / "safety-policy.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({"enabled": True, "rules": [{"pattern": "ecs:Stop*", "action": "confirm"}]}) + "\n")
    yield path
    path.unlink()


@pytest.fixture(scope="module")
def confirm_refused(ops, confirm_policy):
    return ops.run("stop", "--instance-id", "i-e2erun03")


def test_policy_file_confirm_without_terminal_or_yes_exits_3(confirm_refused):
    assert confirm_refused.rc == 3, confirm_refused


def test_policy_confirm_refusal_names_the_rule_and_yes(confirm_refused):
    """The refusal names the rule ('ecs:Stop*' in safety-policy.json) and says --yes would proceed."""
    err = confirm_refused.err
    assert "'ecs:Stop*'" in err and "safety-policy.json" in err and "--yes" in err, confirm_refused


def test_policy_enabled_false_overrides_the_file(ops, confirm_policy):
    r = ops.run("stop", "--instance-id", "i-e2erun03", "--dry-run", env={"ALIBABA_CLOUD_SAFETY_POLICY_ENABLED": "false"})
    assert r.rc == 0, r


def test_policy_confirm_with_yes_stops(ops, confirm_policy):
    r = ops.run("stop", "--instance-id", "i-e2erun03", "--yes", "--wait", "--output", "json")
    assert r.rc == 0, r
    assert [(x["InstanceId"], x["Outcome"], x["CurrentStatus"]) for x in r.json()] == [("i-e2erun03", "stopped", "Stopped")]


def test_refused_stops_sent_nothing(ops):
    m = ops.run("list", "--output", "json").by_id()
    assert m["i-e2erun01"]["Status"] == "Running"
    assert (m["i-e2erun03"]["Status"], m["i-e2erun03"]["StoppedMode"]) == ("Stopped", "KeepCharging")
