"""DescribeInstanceAttribute with both official SDKs (V3 JSON, V1 JSON, V1 XML): the vendor's flat shape, the
status through the lifecycle (running, stopping, stopped), and the errors StopInstance gives (unknown, malformed).
The V3 SDK's own response model reads every field, so a wrong name or shape shows as a missing value."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET

import pytest

from alibabacloud_ecs20140526 import models as ecs_models

from helpers import expect_error

# Every member of the vendor's DescribeInstanceAttributeResponseBody that the simulator fills.
FIELDS = [
    "InstanceId", "InstanceName", "RegionId", "ZoneId", "Status", "InstanceType", "Cpu", "Memory", "ImageId",
    "HostName", "Description", "InstanceNetworkType", "VpcAttributes", "PublicIpAddress", "InnerIpAddress",
    "EipAddress", "SecurityGroupIds", "OperationLocks", "InstanceChargeType", "InternetChargeType",
    "InternetMaxBandwidthIn", "InternetMaxBandwidthOut", "CreationTime", "ExpiredTime", "StoppedMode",
    "CreditSpecification", "SerialNumber", "ClusterId", "VlanId", "DedicatedHostAttribute", "RequestId",
]


def attribute(api, iid: str) -> dict:
    return api.call("DescribeInstanceAttribute", {"InstanceId": iid})


def test_shape_matches_describe_instances(sim, sdk, std_fleet):
    api = sim.api(sdk)
    body = attribute(api, "i-run1")
    for field in FIELDS:
        assert field in body, f"{field} missing: {sorted(body)}"
    assert "Instances" not in body, "a flat object, not wrapped like DescribeInstances"
    source = std_fleet.by_id("i-run1")
    for field in ("InstanceId", "InstanceName", "RegionId", "ZoneId", "Status", "InstanceType", "Cpu", "Memory",
                  "InstanceNetworkType", "InstanceChargeType", "CreationTime", "ExpiredTime"):
        assert body[field] == source[field], field
    assert body["StoppedMode"] == "KeepCharging"
    assert body["VpcAttributes"]["VpcId"] == source["VpcAttributes"]["VpcId"]
    assert body["VpcAttributes"]["PrivateIpAddress"]["IpAddress"] == source["VpcAttributes"]["PrivateIpAddress"]["IpAddress"]
    assert body["PublicIpAddress"]["IpAddress"] == source["PublicIpAddress"]["IpAddress"]
    assert body["SecurityGroupIds"]["SecurityGroupId"] == source["SecurityGroupIds"]["SecurityGroupId"]
    assert body["OperationLocks"]["LockReason"] == []
    assert isinstance(body["InternetMaxBandwidthIn"], int)
    if sdk != "v1":
        assert body["RequestId"] == api.last_headers.get("x-acs-request-id")


def test_v3_model_reads_every_field(sim):
    """The V3 SDK's typed model: nested wrappers become objects with lists."""
    api = sim.api("v3")
    req = ecs_models.DescribeInstanceAttributeRequest(instance_id="i-seclock1")
    resp = api.client.describe_instance_attribute(req)
    b = resp.body
    assert b.instance_id == "i-seclock1" and b.status == "Running"
    assert [lock.lock_reason for lock in b.operation_locks.lock_reason] == ["security"]
    assert isinstance(b.security_group_ids.security_group_id, list)
    assert isinstance(b.vpc_attributes.private_ip_address.ip_address, list)
    assert b.dedicated_host_attribute.dedicated_host_id == ""


def test_status_follows_the_lifecycle(sim, sdk):
    api = sim.api(sdk)
    assert attribute(api, "i-run2")["Status"] == "Running"
    api.call("StopInstance", {"InstanceId": "i-run2"})
    assert attribute(api, "i-run2")["Status"] == "Stopping"
    seen = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        status = attribute(api, "i-run2")["Status"]
        seen.append(status)
        if status == "Stopped":
            break
        time.sleep(0.05)
    assert seen[-1] == "Stopped", seen
    assert set(seen) <= {"Stopping", "Stopped"}, seen
    assert attribute(api, "i-stopped1")["Status"] == "Stopped"


@pytest.mark.parametrize("iid,code,status", [
    ("i-nothere1", "InvalidInstanceId.NotFound", 404),
    ("bad_id", "Abs.InvalidInstanceIds.MalFormed", 403),
])
def test_errors_as_stop_instance(sim, sdk, iid, code, status):
    api = sim.api(sdk)
    err = expect_error(attribute, api, iid)
    assert (err.code, err.status) == (code, status)
    stop = expect_error(api.call, "StopInstance", {"InstanceId": iid})
    assert (stop.code, stop.status) == (code, status)


def test_missing_instance_id(sim):
    reply = sim.raw().v3("DescribeInstanceAttribute", {})
    assert reply.status == 400 and reply.json()["Code"] == "MissingParameter"


def xml_attribute(v1, iid):
    req = v1.request("DescribeInstanceAttribute", {"InstanceId": iid})
    req.set_accept_format("XML")
    status, headers, body, _ = v1.client._implementation_of_do_action(req)
    return status, {k.lower(): v for k, v in headers.items()}, body


def test_v1_xml(sim):
    v1 = sim.api("v1")
    status, headers, body = xml_attribute(v1, "i-run3")
    assert status == 200, body
    assert headers["content-type"].replace(" ", "").lower() == "text/xml;charset=utf-8"
    root = ET.fromstring(body)
    assert root.tag == "DescribeInstanceAttributeResponse"
    assert root.findtext("InstanceId") == "i-run3"
    assert root.findtext("Status") == "Running"
    assert root.findtext("RequestId") == headers["x-acs-request-id"]
    assert root.findall("./SecurityGroupIds/SecurityGroupId")
    assert root.findall("./VpcAttributes/PrivateIpAddress/IpAddress")
    v1.call("StopInstance", {"InstanceId": "i-run3"})
    assert ET.fromstring(xml_attribute(v1, "i-run3")[2]).findtext("Status") == "Stopping"
    status, _, body = xml_attribute(v1, "i-nothere1")
    assert status == 404
    assert ET.fromstring(body).findtext("Code") == "InvalidInstanceId.NotFound"
