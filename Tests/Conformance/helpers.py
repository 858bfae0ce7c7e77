"""Helpers shared by the test modules: error capture, status polling, describe shortcuts."""

from __future__ import annotations

import json
import time

from clients import ApiError


def expect_error(fn, *args, **kw) -> ApiError:
    try:
        result = fn(*args, **kw)
    except ApiError as e:
        return e
    raise AssertionError(f"expected an error answer, got success: {result!r}")


def statuses(api, ids, region="cn-hangzhou") -> dict:
    """InstanceId -> Status via DescribeInstanceStatus (pages of 50)."""
    out = {}
    ids = list(ids)
    for start in range(0, len(ids), 50):
        chunk = ids[start:start + 50]
        body = api.call("DescribeInstanceStatus", {"RegionId": region, "InstanceId": chunk, "PageSize": 50})
        for s in body["InstanceStatuses"]["InstanceStatus"]:
            out[s["InstanceId"]] = s["Status"]
    return out


def wait_for_status(api, ids, want: str, region="cn-hangzhou", timeout=10.0, interval=0.05) -> list[dict]:
    """Polls DescribeInstanceStatus until every ID reads `want`; returns the history of observations."""
    history = []
    deadline = time.monotonic() + timeout
    while True:
        now = statuses(api, ids, region)
        history.append(now)
        if all(now.get(i) == want for i in ids):
            return history
        if time.monotonic() > deadline:
            raise AssertionError(f"not all {want} within {timeout}s: last {now}")
        time.sleep(interval)


def describe(api, ids, region="cn-hangzhou") -> dict:
    """InstanceId -> full instance dict via DescribeInstances InstanceIds filter."""
    body = api.call("DescribeInstances", {"RegionId": region, "InstanceIds": json.dumps(list(ids)), "MaxResults": 100})
    return {i["InstanceId"]: i for i in body["Instances"]["Instance"]}


def instance_responses(body: dict) -> list[dict]:
    return body["InstanceResponses"]["InstanceResponse"]
