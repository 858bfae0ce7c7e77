"""STS, the metadata service and the credentials URI, driven by the vendor's own `alibabacloud-credentials`
providers pointed at ecs-sim; then ECS calls made with what they obtained, through both official SDKs.

How each provider reaches the simulator (read from the package, version 1.0.12):
- RamRoleArn / OIDC: `sts_endpoint` becomes the request's host and the scheme is forced to https, but a host that
  starts with `http://` is used as the whole URL base, so `sts_endpoint="http://127.0.0.1:PORT"` works.
- EcsRamRole: the metadata host is fixed (`100.100.100.200`) in a private attribute and has no public override;
  the tests set that attribute to the simulator before the first call, so nothing ever leaves loopback.
- URI: any `http://127.0.0.1:PORT/credentials-uri/ROLE`.
"""

from __future__ import annotations

import time

import pytest

from alibabacloud_credentials.client import Client as CredentialClient
from alibabacloud_credentials.exceptions import CredentialException
from alibabacloud_credentials.provider import (
    EcsRamRoleCredentialsProvider,
    OIDCRoleArnCredentialsProvider,
    RamRoleArnCredentialsProvider,
    URLCredentialsProvider,
)
from alibabacloud_ecs20140526 import models as ecs_models
from alibabacloud_ecs20140526.client import Client as EcsClient
from alibabacloud_tea_openapi import models as openapi_models

from clients import DEFAULT_AK, DEFAULT_SECRET, make_api
from helpers import expect_error

ROLE = "acs:ram::1234567890123456:role/fleet-ops"
PROVIDER = "acs:ram::1234567890123456:oidc-provider/ci"
INSTANCE_ROLE = "fleet-instance"
IDENTITY = ("--role", ROLE, "--oidc-provider", PROVIDER, "--instance-role", INSTANCE_ROLE)


def ram_role_arn(sim, role=ROLE, **kw):
    return RamRoleArnCredentialsProvider(access_key_id=DEFAULT_AK, access_key_secret=DEFAULT_SECRET, role_arn=role,
                                         role_session_name="conformance", sts_endpoint=sim.url, **kw)


def ecs_ram_role(sim, **kw):
    provider = EcsRamRoleCredentialsProvider(async_update_enabled=False, **kw)
    provider._EcsRamRoleCredentialsProvider__metadata_service_host = sim.netloc  # see the module docstring
    return provider


def ecs_with(sim, provider) -> EcsClient:
    """The current ECS SDK using the provider itself (it asks it for credentials on every call)."""
    config = openapi_models.Config(credential=CredentialClient(provider=provider), endpoint=sim.netloc, protocol="http",
                                   region_id="cn-hangzhou", read_timeout=20000, connect_timeout=5000)
    return EcsClient(config)


def works_with_both_sdks(sim, creds):
    """The credentials sign ECS calls from both SDKs."""
    ak, secret, token = creds.get_access_key_id(), creds.get_access_key_secret(), creds.get_security_token()
    assert ak.startswith("STS.") and secret and token
    for kind in ("v3", "v1"):
        api = make_api(kind, sim.netloc, ak=ak, secret=secret, token=token)
        body = api.call("DescribeInstanceStatus", {"RegionId": "cn-hangzhou", "InstanceId": ["i-run1"]})
        assert body["InstanceStatuses"]["InstanceStatus"][0]["Status"] == "Running"


def test_ram_role_arn_provider(start_sim, std_fleet):
    sim = start_sim(*IDENTITY, "--access-key-sts-only", fleet=std_fleet)
    provider = ram_role_arn(sim)
    works_with_both_sdks(sim, provider.get_credentials())
    resp = ecs_with(sim, provider).describe_instance_status(
        ecs_models.DescribeInstanceStatusRequest(region_id="cn-hangzhou", instance_id=["i-run1"]))
    assert resp.body.instance_statuses.instance_status[0].status == "Running"


def test_access_key_sts_only_proves_the_role_was_assumed(start_sim, std_fleet):
    sim = start_sim(*IDENTITY, "--access-key-sts-only", fleet=std_fleet)
    for kind in ("v3", "v1"):
        err = expect_error(sim.api(kind).call, "DescribeInstanceStatus", {"RegionId": "cn-hangzhou", "InstanceId": ["i-run1"]})
        assert (err.code, err.status) == ("Forbidden.RAM", 403)
    works_with_both_sdks(sim, ram_role_arn(sim).get_credentials())


def test_sts_errors_reach_the_provider(start_sim, std_fleet):
    sim = start_sim(*IDENTITY, fleet=std_fleet)
    with pytest.raises(CredentialException) as unknown:
        ram_role_arn(sim, role="acs:ram::1234567890123456:role/nobody").get_credentials()
    assert "EntityNotExist.Role" in str(unknown.value)
    with pytest.raises(CredentialException) as foreign:
        ram_role_arn(sim, role="acs:ram::999:role/fleet-ops").get_credentials()
    assert "NoPermission" in str(foreign.value)
    bad_key = RamRoleArnCredentialsProvider(access_key_id="nobody", access_key_secret="x", role_arn=ROLE,
                                            sts_endpoint=sim.url)
    with pytest.raises(CredentialException) as refused:
        bad_key.get_credentials()
    assert "InvalidAccessKeyId.NotFound" in str(refused.value)


def test_oidc_provider(start_sim, std_fleet, tmp_path):
    sim = start_sim(*IDENTITY, fleet=std_fleet)
    token = tmp_path / "token"
    token.write_text("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2ln")
    provider = OIDCRoleArnCredentialsProvider(role_arn=ROLE, oidc_provider_arn=PROVIDER, oidc_token_file_path=str(token),
                                              role_session_name="ci-job", sts_endpoint=sim.url)
    works_with_both_sdks(sim, provider.get_credentials())
    token.write_text("")
    empty = OIDCRoleArnCredentialsProvider(role_arn=ROLE, oidc_provider_arn=PROVIDER, oidc_token_file_path=str(token),
                                           sts_endpoint=sim.url)
    with pytest.raises(CredentialException) as refused:
        empty.get_credentials()
    assert "AuthenticationFail.OIDCToken.Invalid" in str(refused.value)


@pytest.mark.parametrize("v2_only", [False, True])
def test_ecs_ram_role_provider(start_sim, std_fleet, v2_only):
    extra = ("--imds-v2-only",) if v2_only else ()
    sim = start_sim(*IDENTITY, *extra, fleet=std_fleet)
    provider = ecs_ram_role(sim, disable_imds_v1=v2_only)  # asks the service for the role name
    works_with_both_sdks(sim, provider.get_credentials())
    named = ecs_ram_role(sim, role_name=INSTANCE_ROLE)
    works_with_both_sdks(sim, named.get_credentials())


def metadata(sim, method, path, **headers):
    return sim.raw().send(method, path, headers={"Host": sim.netloc, **headers})


def test_metadata_refuses_without_token_when_v2_only(start_sim, std_fleet):
    sim = start_sim(*IDENTITY, "--imds-v2-only", fleet=std_fleet)
    assert metadata(sim, "GET", "/latest/meta-data/ram/security-credentials/").status == 403
    token = metadata(sim, "PUT", "/latest/api/token", **{"X-aliyun-ecs-metadata-token-ttl-seconds": "60"})
    assert token.status == 200
    with_token = {"X-aliyun-ecs-metadata-token": token.body.decode()}
    named = metadata(sim, "GET", "/latest/meta-data/ram/security-credentials/", **with_token)
    assert (named.status, named.body) == (200, INSTANCE_ROLE.encode())
    assert metadata(sim, "GET", "/latest/meta-data/ram/security-credentials/other", **with_token).status == 404


def test_no_instance_role_no_metadata(start_sim, std_fleet):
    sim = start_sim(fleet=std_fleet)
    with pytest.raises(CredentialException) as refused:
        ecs_ram_role(sim, role_name=INSTANCE_ROLE).get_credentials()
    assert "HttpCode=404" in str(refused.value)
    assert metadata(sim, "GET", "/latest/meta-data/ram/security-credentials/").status == 404


def test_uri_provider(start_sim, std_fleet):
    sim = start_sim(*IDENTITY, "--access-key-sts-only", fleet=std_fleet)
    provider = URLCredentialsProvider(uri=f"{sim.url}/credentials-uri/{INSTANCE_ROLE}")
    works_with_both_sdks(sim, provider.get_credentials())
    with pytest.raises(CredentialException):
        URLCredentialsProvider(uri=f"{sim.url}/credentials-uri/other").get_credentials()


def test_expiry_with_credential_ttl(start_sim, std_fleet):
    """Keys expire after --credential-ttl: the old one gets InvalidSecurityToken.Expired, the provider (which
    treats keys as stale 15 minutes early) fetches a new one that works."""
    sim = start_sim(*IDENTITY, "--access-key-sts-only", "--credential-ttl", "2", fleet=std_fleet)
    provider = ram_role_arn(sim)
    first = provider.get_credentials()
    works_with_both_sdks(sim, first)
    time.sleep(2.5)
    for kind in ("v3", "v1"):
        api = make_api(kind, sim.netloc, ak=first.get_access_key_id(), secret=first.get_access_key_secret(),
                       token=first.get_security_token())
        err = expect_error(api.call, "DescribeInstanceStatus", {"RegionId": "cn-hangzhou", "InstanceId": ["i-run1"]})
        assert (err.code, err.status) == ("InvalidSecurityToken.Expired", 400)
    second = provider.get_credentials()
    assert second.get_access_key_id() != first.get_access_key_id()
    works_with_both_sdks(sim, second)


def test_sts_through_both_sdks(start_sim, std_fleet):
    """AssumeRole and GetCallerIdentity signed by each SDK's own generic path (V3 and V1 signatures)."""
    sim = start_sim(*IDENTITY, fleet=std_fleet)
    for kind in ("v3", "v1", "v3rpc"):
        api = sim.api(kind)
        body = api.call_generic("AssumeRole", {"RoleArn": ROLE, "RoleSessionName": f"generic-{kind}"}, version="2015-04-01")
        assert body["AssumedRoleUser"]["Arn"] == f"{ROLE}/generic-{kind}"
        key = body["Credentials"]
        assert key["AccessKeyId"].startswith("STS.") and key["Expiration"].endswith("Z")
        assert api.call_generic("GetCallerIdentity", {}, version="2015-04-01")["IdentityType"] == "RAMUser"
        assumed = make_api(kind, sim.netloc, ak=key["AccessKeyId"], secret=key["AccessKeySecret"], token=key["SecurityToken"])
        who = assumed.call_generic("GetCallerIdentity", {}, version="2015-04-01")
        assert who["IdentityType"] == "AssumedRoleUser" and who["Arn"].endswith(f":assumed-role/fleet-ops/generic-{kind}")
    err = expect_error(sim.api("v1").call_generic, "AssumeRole", {"RoleSessionName": "s1"}, version="2015-04-01")
    assert (err.code, err.status) == ("MissingRoleArn", 400)
