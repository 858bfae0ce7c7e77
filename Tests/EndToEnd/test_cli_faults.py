"""The service failing (ecs-sim --faults): after the retries, exit 1 (the service's fault, not the operator's),
nothing on stdout, and one line on stderr that says what failed."""

from __future__ import annotations

import pytest

REGION = "cn-hangzhou"


@pytest.fixture(scope="module")
def failing(operator, e2e_sims):
    """Every call answers 503."""
    return operator.at(e2e_sims("--generate", "5", "--regions", REGION, "--seed", "3", "--faults", "error503=1").url)


@pytest.fixture(scope="module")
def throttling(operator, e2e_sims):
    """Every call is throttled."""
    return operator.at(e2e_sims("--generate", "5", "--regions", REGION, "--seed", "3", "--faults", "throttle=1").url)


def one_line_failure(r, *patterns):
    assert r.rc == 1 and not r.out and r.err_lines() == 1, r
    missing = [p for p in patterns if p not in r.err]
    assert not missing, r


def test_simulators_with_faults_started(failing, throttling):
    assert failing.endpoint.startswith("http://") and throttling.endpoint.startswith("http://")


def test_list_while_every_call_answers_503(failing):
    one_line_failure(failing.run("list", "--output", "json"), f"DescribeInstances in {REGION} failed after 4 attempts",
                     "ServiceUnavailable", "try again later")


def test_stop_whose_preflight_keeps_failing_sends_nothing(failing):
    one_line_failure(failing.run("stop", "--instance-id", "i-abc123", "--yes"),
                     f"DescribeInstances in {REGION} failed", "Nothing was sent")


def test_status_while_every_call_answers_503(failing):
    one_line_failure(failing.run("status", "--instance-id", "i-abc123"), f"DescribeInstances in {REGION} failed",
                     "ServiceUnavailable")


def test_list_while_every_call_is_throttled(throttling):
    """Exit 1 once the throttled answers are spent (each waits as x-acs-retry-after says, so this takes ~17 s)."""
    one_line_failure(throttling.run("list"), "failed after 17 throttled attempts", "Throttling.User")
