"""Format=XML through the old SDK (request.set_accept_format('XML')), and the format parameter's other values.

do_action_with_exception() forces JSON, so XML needs the SDK's lower-level path, which returns the raw status,
headers and body (exactly what the deprecated do_action()/get_response() use).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

import fleet as fleets

HZ = fleets.HANGZHOU
XML_CT = "text/xml;charset=utf-8"


@pytest.fixture
def v1(sim):
    return sim.api("v1")


def xml_call(v1, action, params, fmt="XML"):
    req = v1.request(action, params)
    req.set_accept_format(fmt)
    status, headers, body, _ = v1.client._implementation_of_do_action(req)
    headers = {k.lower(): v for k, v in headers.items()}
    return status, headers, body


def parse(body: bytes) -> ET.Element:
    return ET.fromstring(body)


def test_stop_instances_xml(v1):
    status, headers, body = xml_call(v1, "StopInstances", {"RegionId": HZ, "InstanceId": ["i-run1", "i-run2"]})
    assert status == 200, body
    assert headers["content-type"].replace(" ", "").lower() == XML_CT
    root = parse(body)
    assert root.tag == "StopInstancesResponse"
    assert root.findtext("RequestId") == headers["x-acs-request-id"]
    items = root.findall("./InstanceResponses/InstanceResponse")
    assert [i.findtext("InstanceId") for i in items] == ["i-run1", "i-run2"]
    for i in items:
        assert i.findtext("Code") == "200"
        assert i.findtext("PreviousStatus") == "Running" and i.findtext("CurrentStatus") == "Stopping"


def test_public_do_action_path(v1):
    """The documented (deprecated) way: set_accept_format('XML') then client.do_action(req) returns the XML."""
    req = v1.request("DescribeInstanceStatus", {"RegionId": HZ, "InstanceId": ["i-run1"]})
    req.set_accept_format("XML")
    body = v1.client.do_action(req)
    assert req.get_query_params()["Format"] == "XML"
    assert parse(body).findtext("./InstanceStatuses/InstanceStatus/InstanceId") == "i-run1"


def test_stop_instances_xml_success_first_empty_statuses(v1):
    status, _, body = xml_call(v1, "StopInstances", {"RegionId": HZ, "InstanceId": ["i-nothere1", "i-run1"],
                                                     "BatchOptimization": "SuccessFirst"})
    assert status == 200, body
    items = parse(body).findall("./InstanceResponses/InstanceResponse")
    nf = items[0]
    assert nf.findtext("Code") == "InvalidInstanceId.NotFound"
    assert nf.find("PreviousStatus") is not None and (nf.findtext("PreviousStatus") or "") == ""


def test_describe_instances_xml(v1):
    status, headers, body = xml_call(v1, "DescribeInstances", {"RegionId": HZ, "InstanceIds": json.dumps(["i-cjk1", "i-seclock1"])})
    assert status == 200, body
    assert headers["content-type"].replace(" ", "").lower() == XML_CT
    root = parse(body)
    assert root.tag == "DescribeInstancesResponse"
    insts = {i.findtext("InstanceId"): i for i in root.findall("./Instances/Instance")}
    assert set(insts) == {"i-cjk1", "i-seclock1"}
    assert insts["i-cjk1"].findtext("InstanceName") == "生产-网站-01"
    tags = {t.findtext("TagKey"): t.findtext("TagValue") for t in insts["i-cjk1"].findall("./Tags/Tag")}
    assert tags == {"环境": "生产", "env": "prod"}
    assert insts["i-seclock1"].findtext("./OperationLocks/LockReason/LockReason") == "security"


def test_describe_regions_and_status_xml(v1):
    status, _, body = xml_call(v1, "DescribeRegions", {})
    assert status == 200
    root = parse(body)
    assert root.tag == "DescribeRegionsResponse"
    assert HZ in [r.findtext("RegionId") for r in root.findall("./Regions/Region")]
    status, _, body = xml_call(v1, "DescribeInstanceStatus", {"RegionId": HZ, "InstanceId": ["i-run1"]})
    root = parse(body)
    assert root.tag == "DescribeInstanceStatusResponse"
    assert root.findtext("./InstanceStatuses/InstanceStatus/Status") == "Running"


def test_stop_instance_xml(v1):
    status, _, body = xml_call(v1, "StopInstance", {"InstanceId": "i-run3"})
    assert status == 200, body
    root = parse(body)
    assert root.tag == "StopInstanceResponse" and root.findtext("RequestId")


@pytest.mark.parametrize("params,status,code", [
    ({"RegionId": HZ, "InstanceId": ["i-nothere1"]}, 404, "InvalidInstanceId.NotFound"),
    ({"RegionId": HZ, "InstanceId": ["i-run1"], "DryRun": True}, 400, "DRYRUN.SUCCESS"),
    ({"RegionId": HZ, "InstanceId": ["i-run1"], "StoppedMode": "Nope"}, 400, "InvalidParameter"),
])
def test_xml_error_body(v1, params, status, code):
    got_status, headers, body = xml_call(v1, "StopInstances", params)
    assert got_status == status, body
    assert headers["content-type"].replace(" ", "").lower() == XML_CT
    root = parse(body)
    assert root.tag == "Error"
    assert root.findtext("Code") == code
    assert root.findtext("Message")
    assert root.findtext("RequestId") == headers["x-acs-request-id"]


def test_xml_auth_error(sim):
    v1 = sim.api("v1", ak="LTAInobody")
    status, headers, body = xml_call(v1, "DescribeInstances", {"RegionId": HZ})
    assert status == 404
    root = parse(body)
    assert root.tag == "Error" and root.findtext("Code") == "InvalidAccessKeyId.NotFound"


@pytest.mark.parametrize("fmt", ["xml", "Xml"])
def test_format_any_case(v1, fmt):
    status, headers, body = xml_call(v1, "DescribeInstanceStatus", {"RegionId": HZ}, fmt=fmt)
    assert status == 200
    assert parse(body).tag == "DescribeInstanceStatusResponse"


def test_v3_error_parser_reads_xml_errors(sim):
    """The current SDK parses an error as XML when Content-Type is exactly text/xml;charset=utf-8."""
    status, headers, _ = xml_call(sim.api("v1"), "StopInstances", {"RegionId": HZ, "InstanceId": ["i-nothere1"]})
    assert headers["content-type"] == XML_CT


def test_format_none_from_old_sdk_is_json(v1):
    """do_action() on a request whose format was never set sends Format=None: answer JSON."""
    req = v1.request("DescribeInstanceStatus", {"RegionId": HZ})
    status, headers, body, _ = v1.client._implementation_of_do_action(req)
    assert req.get_query_params().get("Format") is None
    assert status == 200, body
    assert json.loads(body)["InstanceStatuses"]


def test_json_is_default(sim):
    reply = sim.raw().v1("DescribeInstanceStatus", {}, fmt=None)
    assert reply.status == 200 and reply.headers["content-type"].startswith("application/json"), reply
    assert reply.json()["RequestId"] == reply.headers["x-acs-request-id"]


def test_xml_replaces_characters_xml_cannot_carry(start_sim):
    f = fleets.Fleet()
    f.add("i-ctl1", name="bad\u0001name\u001f\ufffe end", tags={"k\u0002": "v\u0008"})
    sim = start_sim(fleet=f)
    v1 = sim.api("v1")
    status, headers, body = xml_call(v1, "DescribeInstances", {"RegionId": HZ})
    assert status == 200, body
    inst = parse(body).find("./Instances/Instance")
    assert inst.findtext("InstanceName") == "bad\ufffdname\ufffd\ufffd end"
    assert inst.findtext("./Tags/Tag/TagKey") == "k\ufffd"
    data = v1.call("DescribeInstances", {"RegionId": HZ})
    assert data["Instances"]["Instance"][0]["InstanceName"] == "bad\u0001name\u001f\ufffe end", "JSON keeps them"
