"""Smoke test on a generated fleet (--generate 500): paging sees every instance once, shapes are right."""

from __future__ import annotations

import pytest

from helpers import wait_for_status

STATES = {"Pending", "Starting", "Running", "Stopping", "Stopped"}


@pytest.fixture(scope="module")
def gen_sim(start_module_sim):
    return start_module_sim("--generate", "500", "--seed", "42", "--regions", "cn-hangzhou,cn-shanghai")


def walk(api, region):
    out, token = [], None
    for _ in range(20):
        params = {"RegionId": region, "MaxResults": 100}
        if token:
            params["NextToken"] = token
        body = api.call("DescribeInstances", params)
        out += body["Instances"]["Instance"]
        token = body.get("NextToken")
        if not token:
            return out
    raise AssertionError("paging did not end")


@pytest.fixture(scope="module")
def generated(gen_sim):
    api = gen_sim.api("v3")
    return {r: walk(api, r) for r in ("cn-hangzhou", "cn-shanghai")}


def test_generated_fleet_has_500_unique_instances(generated):
    ids = [i["InstanceId"] for insts in generated.values() for i in insts]
    assert len(ids) == len(set(ids)) == 500
    assert all(generated.values()), "both regions used"


def test_generated_instances_are_well_formed(generated):
    for region, insts in generated.items():
        for i in insts:
            assert i["RegionId"] == region and i["ZoneId"].startswith(region)
            assert i["InstanceId"].startswith("i-") and i["InstanceId"][2:].isalnum()
            assert i["Status"] in STATES
            assert i["InstanceChargeType"] in ("PostPaid", "PrePaid")
            assert i["InstanceNetworkType"] in ("vpc", "classic")
            assert isinstance(i["OperationLocks"]["LockReason"], list)
            assert isinstance(i["Tags"]["Tag"], list)
            assert "Configured" in i["HibernationOptions"]


def test_generated_page_style_total_count(gen_sim, generated):
    for sdk in ("v3", "v1"):
        api = gen_sim.api(sdk)
        for region, insts in generated.items():
            body = api.call("DescribeInstances", {"RegionId": region, "PageNumber": 1, "PageSize": 100})
            assert body["TotalCount"] == len(insts)
            st = api.call("DescribeInstanceStatus", {"RegionId": region, "PageSize": 50})
            assert st["TotalCount"] == len(insts)


def test_generated_fleet_is_deterministic(start_sim):
    a = start_sim("--generate", "50", "--seed", "5", "--regions", "cn-hangzhou")
    b = start_sim("--generate", "50", "--seed", "5", "--regions", "cn-hangzhou")
    ia = walk(a.api("v3"), "cn-hangzhou")
    ib = walk(b.api("v1"), "cn-hangzhou")
    assert [(i["InstanceId"], i["Status"]) for i in ia] == [(i["InstanceId"], i["Status"]) for i in ib]


def test_generated_stop_batch_of_100(gen_sim, generated):
    api = gen_sim.api("v1")
    running = [i["InstanceId"] for i in generated["cn-hangzhou"] if i["Status"] == "Running"][:100]
    assert running
    body = api.call("StopInstances", {"RegionId": "cn-hangzhou", "InstanceId": running,
                                      "BatchOptimization": "SuccessFirst", "ForceStop": True})
    codes = [r["Code"] for r in body["InstanceResponses"]["InstanceResponse"]]
    assert len(codes) == len(running)
    stopped = [r["InstanceId"] for r in body["InstanceResponses"]["InstanceResponse"] if r["Code"] == "200"]
    wait_for_status(api, stopped, "Stopped", timeout=30)
