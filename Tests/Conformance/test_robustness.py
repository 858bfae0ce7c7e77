"""Hostile and odd HTTP, no SDK: every answer is a 4xx JSON error with RequestId/Code/Message and a matching
x-acs-request-id header, never a hang, a dropped connection or a 5xx. Plus ~200 concurrent requests."""

from __future__ import annotations

import concurrent.futures as cf
import json
import socket
import time

import pytest

import fleet as fleets
from rawhttp import enc

HZ = fleets.HANGZHOU


@pytest.fixture(scope="module")
def rsim(start_module_sim):
    return start_module_sim(fleet=fleets.standard_fleet())


@pytest.fixture
def raw(rsim):
    return rsim.raw()


def assert_json_4xx(reply):
    assert 400 <= reply.status < 500, reply
    assert reply.headers.get("content-type", "").startswith("application/json"), reply
    body = reply.json()
    assert isinstance(body, dict), reply
    for field in ("RequestId", "Code", "Message"):
        assert isinstance(body.get(field), str) and body[field], f"{field} missing: {reply}"
    assert reply.headers.get("x-acs-request-id") == body["RequestId"], reply
    return body


@pytest.mark.parametrize("target", [
    "/",
    "/?",
    "/?&&&===&",
    "/?Action",
    "/?Action=&Version=",
    "/?a=b=c&Action=DescribeRegions",
    "/?Action=DescribeRegions&Version=2014-05-26",
    "/?%%%",
    "/?Action=%ZZ",
    "/?Action=DescribeRegions%",
    "/?Action=Describe%2",
    "/?Action=DescribeInstances&InstanceName=%FF%FE%FD",
    "/?Action=DescribeInstances&InstanceName=%C3%28",
    "/?Action=DescribeInstances&Ins%00tanceName=x",
    "/?" + "x" * 1000,
    "/?Action=DescribeInstances&Action=StopInstances",
    "/nowhere?Action=DescribeRegions",
    "/../../etc/passwd",
])
def test_garbage_query(raw, target):
    assert_json_4xx(raw.send("POST", target, {"Host": raw.netloc}))


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
def test_methods_without_parameters(raw, method):
    assert_json_4xx(raw.send(method, "/", {"Host": raw.netloc}))


def test_no_headers_at_all(raw):
    resp = raw.send_bytes(b"POST /?Action=DescribeRegions HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
    head = resp.split(b"\r\n", 1)[0]
    assert head.startswith(b"HTTP/1.1 4"), resp[:300]
    assert b"RequestId" in resp and b"Code" in resp


def test_http_1_0_without_host(raw):
    resp = raw.send_bytes(b"GET /?Action=DescribeRegions HTTP/1.0\r\n\r\n")
    assert resp.split(b" ", 2)[1].startswith(b"4"), resp[:300]
    assert b"RequestId" in resp


def test_v3_headers_without_signature_material(raw):
    reply = raw.send("POST", "/?RegionId=cn-hangzhou", {"Host": raw.netloc, "x-acs-action": "DescribeInstances"})
    body = assert_json_4xx(reply)
    assert body["Code"] in ("IncompleteSignature", "MissingParameter")


def test_v1_unsigned_parameters_only(raw):
    reply = raw.send("POST", "/?Action=DescribeInstances&Version=2014-05-26&RegionId=cn-hangzhou", {"Host": raw.netloc})
    body = assert_json_4xx(reply)
    assert body["Code"] in ("IncompleteSignature", "MissingParameter")


@pytest.mark.parametrize("bad", ["not json", "[1, 2]", '["i-run1"', "{}", '[["i-run1"]]', "null"])
def test_invalid_json_instance_ids_signed(raw, bad):
    body = assert_json_4xx(raw.v1("DescribeInstances", {"InstanceIds": bad}))
    assert body["Code"] == "InvalidParameter"
    body = assert_json_4xx(raw.v3("DescribeInstances", {"RegionId": HZ, "InstanceIds": bad}))
    assert body["Code"] == "InvalidParameter"


def test_signed_invalid_utf8_value(raw):
    """A correctly signed V1 request whose value is not UTF-8 once decoded."""
    p = raw.v1_params("DescribeInstances", {})
    qs = "&".join(f"{enc(k)}={enc(v)}" for k, v in p.items()) + "&InstanceName=%FF%FE"
    assert_json_4xx(raw.send("POST", "/?" + qs, {"Host": raw.netloc}))


def test_60k_url_unsigned(raw):
    target = "/?Action=DescribeInstances&Junk=" + "a" * (60 * 1024)
    assert len(target) < 64 * 1024
    assert_json_4xx(raw.send("POST", target, {"Host": raw.netloc}))


def test_60k_url_signed_bad_parameter(raw):
    """A long, correctly signed URL is read whole and answered with the parameter error."""
    ids = '["' + "i-" + "a" * (58 * 1024)  # unterminated JSON array, URL just under 60 KiB
    reply = raw.v1("DescribeInstances", {"InstanceIds": ids})
    assert 58 * 1024 < len(json.dumps(reply.sent_query)) < 64 * 1024
    body = assert_json_4xx(reply)
    assert body["Code"] == "InvalidParameter", body


def test_60k_url_signed_ok(raw):
    name = "n" * (58 * 1024)
    reply = raw.v1("DescribeInstances", {"InstanceName": name})
    assert reply.status == 200, reply
    assert reply.json()["Instances"]["Instance"] == []


def test_large_body(raw):
    body = ("Junk=" + "b" * (200 * 1024)).encode()
    reply = raw.send("POST", "/", {"Host": raw.netloc, "Content-Type": "application/x-www-form-urlencoded"}, body)
    assert_json_4xx(reply)


def test_json_content_type_body_ignored_or_rejected(raw):
    reply = raw.send("POST", "/?Action=DescribeRegions", {"Host": raw.netloc, "Content-Type": "application/json"},
                     b'{"Action": "DescribeRegions"')
    assert_json_4xx(reply)


def test_errors_have_fresh_request_ids(raw):
    a = assert_json_4xx(raw.send("POST", "/", {"Host": raw.netloc}))
    b = assert_json_4xx(raw.send("POST", "/", {"Host": raw.netloc}))
    assert a["RequestId"] != b["RequestId"]


def test_success_has_request_id_header(raw):
    reply = raw.v3("DescribeInstanceStatus", {"RegionId": HZ})
    assert reply.status == 200
    assert reply.headers["content-type"].replace(" ", "").lower().startswith("application/json")
    assert reply.headers["x-acs-request-id"] == reply.json()["RequestId"]


def test_slow_client_does_not_block_others(raw):
    """A half-sent request must not stall the server for everyone else."""
    s = socket.create_connection((raw.host, raw.port), timeout=5)
    try:
        s.sendall(b"POST /?Action=DescribeRegions HTTP/1.1\r\nHost: x\r\n")
        t0 = time.monotonic()
        assert raw.v3("DescribeInstanceStatus", {"RegionId": HZ}).status == 200
        assert time.monotonic() - t0 < 5
    finally:
        s.close()


def test_200_concurrent_requests(rsim):
    raw = rsim.raw()

    def one(n):
        if n % 2:
            return raw.v3("DescribeInstanceStatus", {"RegionId": HZ}).status
        return raw.v1("DescribeInstances", {"MaxResults": 10}).status

    t0 = time.monotonic()
    with cf.ThreadPoolExecutor(max_workers=200) as pool:
        results = list(pool.map(one, range(200), timeout=60))
    assert results == [200] * 200, sorted(set(results))
    assert time.monotonic() - t0 < 60


def test_200_concurrent_sdk_calls(rsim):
    apis = [rsim.api("v3"), rsim.api("v1")]

    def one(n):
        body = apis[n % 2].call("DescribeInstanceStatus", {"RegionId": HZ, "InstanceId": ["i-run1"]})
        return body["InstanceStatuses"]["InstanceStatus"][0]["Status"]

    with cf.ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(one, range(200), timeout=60))
    assert results == ["Running"] * 200


def test_still_alive_after_abuse(rsim):
    assert rsim.alive()
    body = rsim.api("v3").call("DescribeRegions", {})
    assert json.dumps(body)
