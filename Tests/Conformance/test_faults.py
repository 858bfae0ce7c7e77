"""Fault injection (--faults SPEC) and rate limiting (--rate-limit N): throttling answers are HTTP 400
`Throttling*` with `x-acs-retry-after: <ms>` (docs/ECS-SEMANTICS.md#errors-and-throttling), which the current SDK raises as ThrottlingException."""

from __future__ import annotations

import http.client
import time

import pytest
from alibabacloud_tea_openapi.exceptions import ThrottlingException

import fleet as fleets
from helpers import expect_error, statuses

# The one place the --faults syntax appears. Expected form: comma-separated key=value, probabilities 0..1,
# latency as MIN-MAX seconds.
FAULT_SPEC = "throttle=0.5,error500=0,error503=0,drop=0,latency=0-0"
# Single-fault specs in the same syntax (see Sources/ECSSimulator/Configuration/FaultSpec.swift; latency in ms).
SPEC_500 = "error500=1"
SPEC_503 = "error503=1"
SPEC_DROP = "drop=1"
SPEC_DROP_LATE = "droplate=1"
SPEC_LATENCY = "latency=300-300"

HZ = fleets.HANGZHOU
BURST = 30


def spec_values(spec: str) -> dict:
    out = {}
    for part in spec.split(","):
        key, _, value = part.partition("=")
        out[key.strip()] = value.strip()
    return out


def is_throttle(reply) -> bool:
    return reply.status == 400 and (reply.code or "").startswith("Throttling")


def assert_throttle_shape(reply):
    assert reply.status == 400, reply
    assert reply.code in ("Throttling", "Throttling.User", "Throttling.Api"), reply
    retry_after = reply.headers.get("x-acs-retry-after")
    assert retry_after is not None and retry_after.isdigit() and int(retry_after) > 0, (
        f"x-acs-retry-after must be a positive integer of milliseconds, got {retry_after!r}")
    body = reply.json()
    assert body["RequestId"] == reply.headers.get("x-acs-request-id") and body["Message"]


@pytest.fixture
def limited(start_sim):
    return start_sim("--rate-limit", "2", "--seed", "7", fleet=fleets.standard_fleet())


def test_rate_limit_burst(limited):
    raw = limited.raw()
    replies = [raw.v3("DescribeInstances", {"RegionId": HZ}) for _ in range(BURST)]
    throttled = [r for r in replies if r.status != 200]
    assert any(r.status == 200 for r in replies), "the first requests of a burst get through"
    assert throttled, f"{BURST} back-to-back calls with --rate-limit 2 were never throttled"
    for r in throttled:
        assert is_throttle(r), r
        assert_throttle_shape(r)
        assert r.code == "Throttling.User"


def test_rate_limit_recovers_after_retry_after(limited):
    raw = limited.raw()
    reply = None
    for _ in range(BURST):
        reply = raw.v1("DescribeInstances", {})
        if reply.status != 200:
            break
    assert reply is not None and is_throttle(reply), reply
    wait = int(reply.headers["x-acs-retry-after"]) / 1000.0
    assert wait <= 5.0, f"retry-after of {wait}s is too long for --rate-limit 2"
    time.sleep(wait + 0.05)
    assert raw.v1("DescribeInstances", {}).status == 200


def test_rate_limit_is_per_api(limited):
    raw = limited.raw()
    for _ in range(BURST):
        if is_throttle(raw.v3("DescribeInstances", {"RegionId": HZ})):
            break
    else:
        pytest.fail("never throttled")
    assert raw.v3("DescribeInstanceStatus", {"RegionId": HZ}).status == 200, "another API has its own budget"


def test_rate_limit_v3_sdk_throttling_exception(limited):
    api = limited.api("v3")
    for _ in range(BURST):
        try:
            api.call("DescribeInstances", {"RegionId": HZ})
        except Exception as e:  # ApiError wrapping the SDK's exception
            inner = getattr(e, "exc", None)
            assert isinstance(inner, ThrottlingException), f"{type(inner)}: {e}"
            assert inner.code == "Throttling.User" and inner.status_code == 400
            assert inner.retry_after and inner.retry_after > 0
            return
    raise AssertionError("never throttled")


def test_rate_limit_v1_sdk(limited):
    api = limited.api("v1")
    for _ in range(BURST):
        try:
            api.call("DescribeInstanceStatus", {"RegionId": HZ})
        except Exception as e:
            assert (getattr(e, "code", None), getattr(e, "status", None)) == ("Throttling.User", 400), e
            return
    raise AssertionError("never throttled")


def test_rate_limit_stop_is_refused_not_applied(limited):
    """A throttled stop did nothing (safe to retry)."""
    raw = limited.raw()
    for _ in range(BURST):
        reply = raw.v1("StopInstances", {"InstanceId.1": "i-run1", "DryRun": "true"})
        if is_throttle(reply):
            break
    else:
        pytest.fail("never throttled")
    time.sleep(int(reply.headers["x-acs-retry-after"]) / 1000.0 + 0.05)
    status = raw.v1("DescribeInstanceStatus", {"InstanceId.1": "i-run1"})
    assert status.status == 200
    assert status.json()["InstanceStatuses"]["InstanceStatus"][0]["Status"] == "Running"


def test_fault_spec(start_sim):
    sim = start_sim("--faults", FAULT_SPEC, "--seed", "11", fleet=fleets.standard_fleet())
    spec = spec_values(FAULT_SPEC)
    raw = sim.raw()
    replies = []
    for _ in range(40):
        try:
            replies.append(raw.v3("DescribeInstances", {"RegionId": HZ}))
        except (ConnectionError, OSError) as e:  # 'drop' may cut connections
            assert float(spec.get("drop", "0")) > 0, f"connection dropped with drop=0: {e}"
    codes = {(r.status, r.code) for r in replies}
    for r in replies:
        if r.status == 200:
            continue
        if is_throttle(r):
            assert_throttle_shape(r)
        elif r.status == 500:
            assert float(spec.get("error500", "0")) > 0 and r.code == "InternalError", r
        elif r.status == 503:
            assert float(spec.get("error503", "0")) > 0 and r.code in ("ServiceUnavailable",), r
        else:
            raise AssertionError(f"unexpected answer under faults: {r}")
    if float(spec.get("throttle", "0")) >= 0.2:
        assert any(is_throttle(r) for r in replies), codes
    if float(spec.get("throttle", "0")) <= 0.8:
        assert any(r.status == 200 for r in replies), codes


def test_fault_spec_v3_sdk(start_sim):
    sim = start_sim("--faults", FAULT_SPEC, "--seed", "3", fleet=fleets.standard_fleet())
    api = sim.api("v3")
    outcomes = []
    for _ in range(20):
        try:
            api.call("DescribeInstanceStatus", {"RegionId": HZ})
            outcomes.append("ok")
        except Exception as e:
            inner = getattr(e, "exc", None)
            if isinstance(inner, ThrottlingException):
                outcomes.append("throttled")
            else:
                outcomes.append(f"{type(e).__name__}:{getattr(e, 'code', '')}")
    if float(spec_values(FAULT_SPEC).get("throttle", "0")) >= 0.2:
        assert "throttled" in outcomes, outcomes


def test_no_faults_by_default(sim):
    raw = sim.raw()
    assert all(raw.v3("DescribeInstanceStatus", {"RegionId": HZ}).status == 200 for _ in range(30))


def test_v1_sdk_with_auto_retry_surfaces_throttling_user(limited):
    """The old SDK retries Describe* only on the exact code `Throttling` (and 5xx), not on `Throttling.User`:
    with auto_retry on, a Throttling.User still surfaces at once (documents the SDK's behaviour)."""
    api = limited.api("v1", auto_retry=True)
    t0 = time.monotonic()
    for _ in range(BURST):
        try:
            api.call("DescribeInstances", {"RegionId": HZ})
        except Exception as e:
            assert getattr(e, "code", None) == "Throttling.User", e
            break
    else:
        pytest.fail("never throttled")
    assert time.monotonic() - t0 < 10


# ---------------------------------------------------------------- single faults


def test_error500(start_sim, sdk):
    sim = start_sim("--faults", SPEC_500, fleet=fleets.standard_fleet())
    reply = sim.raw().v3("DescribeInstanceStatus", {"RegionId": HZ})
    assert (reply.status, reply.code) == (500, "InternalError"), reply
    assert reply.json()["RequestId"] == reply.headers["x-acs-request-id"]
    e = expect_error(sim.api(sdk).call, "DescribeInstanceStatus", {"RegionId": HZ})
    assert (e.code, e.status) == ("InternalError", 500)


def test_error503(start_sim, sdk):
    sim = start_sim("--faults", SPEC_503, fleet=fleets.standard_fleet())
    reply = sim.raw().v1("DescribeInstanceStatus", {})
    assert (reply.status, reply.code) == (503, "ServiceUnavailable"), reply
    e = expect_error(sim.api(sdk).call, "DescribeInstanceStatus", {"RegionId": HZ})
    assert (e.code, e.status) == ("ServiceUnavailable", 503)


def test_error500_v1_sdk_retries_describe(start_sim):
    """The old SDK (auto_retry on) retries Describe* on 500 three times, each signed afresh: 4 attempts."""
    sim = start_sim("--faults", SPEC_500, fleet=fleets.standard_fleet())
    api = sim.api("v1", auto_retry=True)
    e = expect_error(api.call, "DescribeInstanceStatus", {"RegionId": HZ})
    assert (e.code, e.status) == ("InternalError", 500)


def test_drop_closes_without_answer_and_does_not_apply(start_sim, tmp_path):
    """`drop` closes the connection before the call is applied: the stop did not happen."""
    state_file = tmp_path / "state.json"
    sim = start_sim("--faults", SPEC_DROP, "--state", str(state_file), fleet=fleets.standard_fleet())
    with pytest.raises((ConnectionError, OSError, http.client.HTTPException)):
        sim.raw().v3("StopInstances", {"RegionId": HZ, "InstanceId.1": "i-run1"})
    with pytest.raises(Exception):
        sim.api("v3").call("DescribeInstanceStatus", {"RegionId": HZ})
    assert sim.alive()
    assert sim.stop() == 0
    again = start_sim("--state", str(state_file), fleet=fleets.standard_fleet())
    assert statuses(again.api("v3"), ["i-run1"])["i-run1"] == "Running"


def test_drop_late_applies_the_stop(start_sim, tmp_path):
    """`droplate` applies the call, then closes the connection: a timed-out stop may have happened."""
    state_file = tmp_path / "state.json"
    sim = start_sim("--faults", SPEC_DROP_LATE, "--state", str(state_file), fleet=fleets.standard_fleet())
    with pytest.raises((ConnectionError, OSError, http.client.HTTPException)):
        sim.raw().v3("StopInstances", {"RegionId": HZ, "InstanceId.1": "i-run1"})
    assert sim.stop() == 0
    again = start_sim("--state", str(state_file), fleet=fleets.standard_fleet())
    assert statuses(again.api("v3"), ["i-run1"])["i-run1"] in ("Stopping", "Stopped")


def test_latency(start_sim):
    sim = start_sim("--faults", SPEC_LATENCY, fleet=fleets.standard_fleet())
    raw = sim.raw()
    t0 = time.monotonic()
    assert raw.v3("DescribeInstanceStatus", {"RegionId": HZ}).status == 200
    took = time.monotonic() - t0
    assert 0.28 <= took < 3, f"latency=300-300 took {took:.3f}s"
