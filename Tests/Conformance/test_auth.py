"""Authentication and the gateway's checks (docs/ECS-SEMANTICS.md#signatures): keys, signatures (V3 and V1), clock skew,
nonces, missing pieces, STS tokens, unknown Action/Version. Raw requests use rawhttp's signer."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

import fleet as fleets
from clients import ApiError
from helpers import expect_error
from rawhttp import enc, utc_stamp, v1_signature, v1_string_to_sign

HZ = fleets.HANGZHOU
MISSING = ("IncompleteSignature", "MissingParameter")


@pytest.fixture(scope="module")
def auth_sim(start_module_sim):
    return start_module_sim(fleet=fleets.standard_fleet())


def assert_error(reply, status, *codes):
    assert reply.status == status and reply.code in codes, reply
    body = reply.json()
    assert body["RequestId"] and body["Message"], reply
    assert reply.headers.get("x-acs-request-id") == body["RequestId"], reply


# ---------------------------------------------------------------- keys and signatures via the SDKs


def test_sdk_happy_path(auth_sim, sdk):
    body = auth_sim.api(sdk).call("DescribeInstances", {"RegionId": HZ})
    assert body["Instances"]["Instance"]


def test_unknown_access_key(auth_sim, sdk):
    e = expect_error(auth_sim.api(sdk, ak="LTAInobodyhere").call, "DescribeInstances", {"RegionId": HZ})
    assert (e.code, e.status) == ("InvalidAccessKeyId.NotFound", 404)


def test_wrong_secret_v3(auth_sim):
    e = expect_error(auth_sim.api("v3", secret="wrong").call, "DescribeInstances", {"RegionId": HZ})
    assert (e.code, e.status) == ("SignatureDoesNotMatch", 400)


def test_wrong_secret_v1_sdk_does_not_crash(auth_sim):
    """The old SDK splits the message on ':'; with the server's exact string to sign it reports a bad secret."""
    api = auth_sim.api("v1", secret="wrong")
    try:
        api.call("DescribeInstances", {"RegionId": HZ})
    except ApiError as e:
        assert e.status == 400
        assert e.code == "InvalidAccessKeySecret", (
            "the SDK rewrites SignatureDoesNotMatch to InvalidAccessKeySecret only when the text after "
            f"'server string to sign is:' equals its own string to sign; got {e.code}: {e.message}")
    else:
        raise AssertionError("a wrong secret was accepted")


def test_wrong_secret_v1_sdk_stop_instances(auth_sim):
    api = auth_sim.api("v1", secret="wrong")
    e = expect_error(api.call, "StopInstances", {"RegionId": HZ, "InstanceId": ["i-run1"], "DryRun": True})
    assert e.code == "InvalidAccessKeySecret"


def test_wrong_secret_v1_raw_message(auth_sim):
    reply = auth_sim.raw().v1("DescribeInstances", {"InstanceName": "a b*名"}, secret="wrong")
    assert_error(reply, 400, "SignatureDoesNotMatch")
    msg = reply.json()["Message"]
    assert "server string to sign is:" in msg, msg
    assert msg.split(":")[1] == reply.string_to_sign, f"server {msg!r}\nclient {reply.string_to_sign!r}"
    assert msg.endswith("server string to sign is:" + reply.string_to_sign)


def test_wrong_secret_v3_raw(auth_sim):
    assert_error(auth_sim.raw().v3("DescribeInstances", {"RegionId": HZ}, secret="wrong"), 400, "SignatureDoesNotMatch")


def test_tampered_query_after_signing(auth_sim):
    raw = auth_sim.raw()
    reply = raw.v3("DescribeInstances", {"RegionId": HZ}, query_string="RegionId=cn-shanghai")
    assert_error(reply, 400, "SignatureDoesNotMatch")


@pytest.mark.parametrize("value", ["a b", "a+b", "*", "~x", "生产-网站-01", "web-*", "a&b=c", "100%", "'\"<>"])
def test_signature_with_special_characters(auth_sim, sdk, value):
    body = auth_sim.api(sdk).call("DescribeInstances", {"RegionId": HZ, "InstanceName": value})
    assert isinstance(body["Instances"]["Instance"], list)


@pytest.mark.parametrize("value", ["a b", "生产 *", "x~y"])
def test_raw_signatures_special_characters(auth_sim, value):
    raw = auth_sim.raw()
    assert raw.v3("DescribeInstances", {"RegionId": HZ, "InstanceName": value}).status == 200
    assert raw.v1("DescribeInstances", {"InstanceName": value}).status == 200


def test_v1_form_body_params_are_merged_and_signed(auth_sim):
    reply = auth_sim.raw().v1("DescribeInstances", {}, form={"InstanceName": "web-01", "MaxResults": "10"})
    assert reply.status == 200, reply
    assert [i["InstanceId"] for i in reply.json()["Instances"]["Instance"]] == ["i-run1"]


def test_v1_common_request_get(auth_sim):
    """CommonRequest defaults to GET (the vendor's worked example is a GET too)."""
    from aliyunsdkcore.request import CommonRequest

    api = auth_sim.api("v1")
    req = CommonRequest(domain=auth_sim.netloc, version="2014-05-26", action_name="DescribeInstanceStatus",
                        product="Ecs")
    req.set_protocol_type("http")
    assert req.get_method() == "GET"
    body = json.loads(api.client.do_action_with_exception(req))
    assert body["InstanceStatuses"]["InstanceStatus"]


def test_percent_encoded_keys_are_decoded(auth_sim):
    """Form-decoding applies to names too: `Tag%2E1%2EKey` is `Tag.1.Key`."""
    raw = auth_sim.raw()
    p = raw.v1_params("DescribeInstances", {"Tag.1.Key": "team", "Tag.1.Value": "db"})
    p["Signature"] = v1_signature(raw.secret, v1_string_to_sign("POST", p))
    qs = "&".join(f"{enc(k)}={enc(v)}" for k, v in p.items()).replace("Tag.1.Key=", "Tag%2E1%2EKey=")
    reply = raw.send("POST", "/?" + qs, {"Host": raw.netloc})
    assert reply.status == 200, reply
    assert [i["InstanceId"] for i in reply.json()["Instances"]["Instance"]] == ["i-run3"]


def test_v1_lowercase_json_format(auth_sim):
    reply = auth_sim.raw().v1("DescribeInstances", {}, fmt="json")
    assert reply.status == 200 and reply.headers["content-type"].startswith("application/json"), reply


# ---------------------------------------------------------------- clock skew


@pytest.mark.parametrize("skew", [-20 * 60, 20 * 60, -3600 * 24])
def test_expired_timestamp_v3(auth_sim, skew):
    assert_error(auth_sim.raw().v3("DescribeInstances", {"RegionId": HZ}, date=utc_stamp(skew)), 400,
                 "InvalidTimeStamp.Expired")


@pytest.mark.parametrize("skew", [-20 * 60, 20 * 60])
def test_expired_timestamp_v1(auth_sim, skew):
    assert_error(auth_sim.raw().v1("DescribeInstances", {}, timestamp=utc_stamp(skew)), 400, "InvalidTimeStamp.Expired")


@pytest.mark.parametrize("skew", [-10 * 60, 10 * 60])
def test_small_skew_is_fine(auth_sim, skew):
    raw = auth_sim.raw()
    assert raw.v3("DescribeInstances", {"RegionId": HZ}, date=utc_stamp(skew)).status == 200
    assert raw.v1("DescribeInstances", {}, timestamp=utc_stamp(skew)).status == 200


def test_v1_timestamp_without_seconds(auth_sim):
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
    reply = auth_sim.raw().v1("DescribeInstances", {}, timestamp=stamp)
    assert reply.status == 200, reply


# ---------------------------------------------------------------- nonces


def test_reused_nonce_v3(auth_sim):
    raw, nonce = auth_sim.raw(), uuid.uuid4().hex
    assert raw.v3("DescribeInstances", {"RegionId": HZ}, nonce=nonce).status == 200
    assert_error(raw.v3("DescribeInstances", {"RegionId": HZ}, nonce=nonce), 400, "SignatureNonceUsed")


def test_reused_nonce_v1(auth_sim):
    raw, nonce = auth_sim.raw(), uuid.uuid4().hex
    assert raw.v1("DescribeInstances", {}, nonce=nonce).status == 200
    assert_error(raw.v1("DescribeInstances", {}, nonce=nonce), 400, "SignatureNonceUsed")


def test_failed_signature_does_not_use_nonce_v3(auth_sim):
    raw, nonce = auth_sim.raw(), uuid.uuid4().hex
    assert_error(raw.v3("DescribeInstances", {"RegionId": HZ}, nonce=nonce, secret="wrong"), 400,
                 "SignatureDoesNotMatch")
    assert raw.v3("DescribeInstances", {"RegionId": HZ}, nonce=nonce).status == 200


def test_failed_signature_does_not_use_nonce_v1(auth_sim):
    raw, nonce = auth_sim.raw(), uuid.uuid4().hex
    assert_error(raw.v1("DescribeInstances", {}, nonce=nonce, secret="wrong"), 400, "SignatureDoesNotMatch")
    assert raw.v1("DescribeInstances", {}, nonce=nonce).status == 200


def test_expired_request_does_not_use_nonce(auth_sim):
    raw, nonce = auth_sim.raw(), uuid.uuid4().hex
    assert_error(raw.v3("DescribeInstances", {"RegionId": HZ}, nonce=nonce, date=utc_stamp(-3600)), 400,
                 "InvalidTimeStamp.Expired")
    assert raw.v3("DescribeInstances", {"RegionId": HZ}, nonce=nonce).status == 200


def test_nonce_reuse_checked_after_signature(auth_sim):
    raw, nonce = auth_sim.raw(), uuid.uuid4().hex
    assert raw.v3("DescribeInstances", {"RegionId": HZ}, nonce=nonce).status == 200
    assert_error(raw.v3("DescribeInstances", {"RegionId": HZ}, nonce=nonce, secret="wrong"), 400,
                 "SignatureDoesNotMatch")


# ---------------------------------------------------------------- missing or garbled pieces


def test_v3_missing_authorization(auth_sim):
    assert_error(auth_sim.raw().v3("DescribeInstances", {"RegionId": HZ}, drop=("Authorization",)), 400, *MISSING)


@pytest.mark.parametrize("auth", [
    "ACS3-HMAC-SHA256 garbage",
    "ACS3-HMAC-SHA256 Credential=sandbox",
    "ACS3-HMAC-SHA256 Credential=sandbox,SignedHeaders=host;x-acs-action",
    "Bearer abc",
    "",
])
def test_v3_garbled_authorization(auth_sim, auth):
    reply = auth_sim.raw().v3("DescribeInstances", {"RegionId": HZ}, authorization=auth or " ")
    assert_error(reply, 400, *MISSING)


@pytest.mark.parametrize("header", ["x-acs-signature-nonce", "x-acs-date", "x-acs-action", "x-acs-version", "host"])
def test_v3_required_header_not_signed(auth_sim, header):
    reply = auth_sim.raw().v3("DescribeInstances", {"RegionId": HZ}, unsigned=(header,))
    assert_error(reply, 400, *MISSING)


@pytest.mark.parametrize("header", ["x-acs-signature-nonce", "x-acs-date"])
def test_v3_required_header_missing(auth_sim, header):
    reply = auth_sim.raw().v3("DescribeInstances", {"RegionId": HZ}, unsigned=(header,), drop=(header,))
    assert_error(reply, 400, *MISSING)


def test_v3_content_sha256_mismatch(auth_sim):
    reply = auth_sim.raw().v3("DescribeInstances", {"RegionId": HZ}, content_sha256="0" * 64)
    assert 400 <= reply.status < 500 and reply.code, reply


def test_v1_missing_signature(auth_sim):
    assert_error(auth_sim.raw().v1("DescribeInstances", {}, sign=False), 400, *MISSING)


@pytest.mark.parametrize("param", ["SignatureNonce", "Timestamp", "AccessKeyId"])
def test_v1_missing_parameter(auth_sim, param):
    raw = auth_sim.raw()
    p = raw.v1_params("DescribeInstances", {})
    p.pop(param)
    p["Signature"] = v1_signature(raw.secret, v1_string_to_sign("POST", p))
    reply = raw.send("POST", "/?" + "&".join(f"{enc(k)}={enc(v)}" for k, v in p.items()), {"Host": raw.netloc})
    assert_error(reply, 400, *MISSING)


# ---------------------------------------------------------------- order of the checks


def test_order_unknown_key_before_signature(auth_sim):
    reply = auth_sim.raw().v3("DescribeInstances", {"RegionId": HZ}, ak="LTAInobody", secret="wrong")
    assert_error(reply, 404, "InvalidAccessKeyId.NotFound")


def test_order_missing_signature_before_unknown_key(auth_sim):
    reply = auth_sim.raw().v1("DescribeInstances", {}, ak="LTAInobody", sign=False)
    assert_error(reply, 400, *MISSING)


def test_order_signature_before_clock(auth_sim):
    reply = auth_sim.raw().v3("DescribeInstances", {"RegionId": HZ}, secret="wrong", date=utc_stamp(-3600))
    assert_error(reply, 400, "SignatureDoesNotMatch")


def test_order_clock_before_nonce(auth_sim):
    raw, nonce = auth_sim.raw(), uuid.uuid4().hex
    assert raw.v3("DescribeInstances", {"RegionId": HZ}, nonce=nonce).status == 200
    assert_error(raw.v3("DescribeInstances", {"RegionId": HZ}, nonce=nonce, date=utc_stamp(-3600)), 400,
                 "InvalidTimeStamp.Expired")


# ---------------------------------------------------------------- unknown Action / Version


def test_unknown_action(auth_sim, sdk):
    e = expect_error(auth_sim.api(sdk).call_generic, "DescribeUnicorns", {"RegionId": HZ})
    assert (e.code, e.status) == ("InvalidAction.NotFound", 404)


def test_unknown_version(auth_sim, sdk):
    e = expect_error(auth_sim.api(sdk).call_generic, "DescribeInstances", {"RegionId": HZ}, version="2099-01-01")
    assert (e.code, e.status) == ("InvalidAction.NotFound", 404)


def test_generic_call_known_action(auth_sim, sdk):
    body = auth_sim.api(sdk).call_generic("DescribeInstanceStatus", {"RegionId": HZ})
    assert body["InstanceStatuses"]["InstanceStatus"]


def test_unknown_action_raw(auth_sim):
    assert_error(auth_sim.raw().v1("RebootEverything", {}), 404, "InvalidAction.NotFound")
    assert_error(auth_sim.raw().v3("RebootEverything", {}), 404, "InvalidAction.NotFound")


# ---------------------------------------------------------------- configured keys and STS


@pytest.fixture(scope="module")
def custom_key_sim(start_module_sim):
    return start_module_sim("--access-key-id", "LTAIconformance", "--access-key-secret", "s3cr3t with space",
                            fleet=fleets.standard_fleet())


def test_configured_key(custom_key_sim, sdk):
    ok = custom_key_sim.api(sdk, ak="LTAIconformance", secret="s3cr3t with space")
    assert ok.call("DescribeInstances", {"RegionId": HZ})["Instances"]["Instance"]
    e = expect_error(custom_key_sim.api(sdk).call, "DescribeInstances", {"RegionId": HZ})
    assert (e.code, e.status) == ("InvalidAccessKeyId.NotFound", 404)


STS_AK, STS_SECRET, STS_TOKEN = "STS.NConformance", "sts-secret", "CAIS+conformance/token=="


@pytest.fixture(scope="module")
def sts_sim(start_module_sim):
    return start_module_sim("--access-key-id", STS_AK, "--access-key-secret", STS_SECRET,
                            "--security-token", STS_TOKEN, fleet=fleets.standard_fleet())


def test_sts_with_token(sts_sim, sdk):
    api = sts_sim.api(sdk, ak=STS_AK, secret=STS_SECRET, token=STS_TOKEN)
    assert api.call("DescribeInstances", {"RegionId": HZ})["Instances"]["Instance"]
    e = expect_error(api.call, "StopInstances", {"RegionId": HZ, "InstanceId": ["i-run1"], "DryRun": True})
    assert e.code == "DRYRUN.SUCCESS"


def test_sts_without_token(sts_sim, sdk):
    e = expect_error(sts_sim.api(sdk, ak=STS_AK, secret=STS_SECRET).call, "DescribeInstances", {"RegionId": HZ})
    assert e.status in (400, 403, 404) and e.code, e


def test_sts_wrong_token(sts_sim, sdk):
    api = sts_sim.api(sdk, ak=STS_AK, secret=STS_SECRET, token="CAISwrong")
    e = expect_error(api.call, "DescribeInstances", {"RegionId": HZ})
    assert e.status in (400, 403, 404) and e.code, e


def test_sts_raw(sts_sim):
    raw = sts_sim.raw(ak=STS_AK, secret=STS_SECRET, token=STS_TOKEN)
    assert raw.v3("DescribeInstances", {"RegionId": HZ}).status == 200
    assert raw.v1("DescribeInstances", {}).status == 200
    bad = raw.v3("DescribeInstances", {"RegionId": HZ}, token="CAISother")
    assert 400 <= bad.status < 500 and bad.code, bad
