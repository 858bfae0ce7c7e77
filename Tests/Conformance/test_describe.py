"""DescribeRegions, DescribeInstances (paging both ways, limits, filters, dry run), DescribeInstanceStatus."""

from __future__ import annotations

import json
import re

import pytest

import fleet as fleets
from helpers import expect_error

HZ = fleets.HANGZHOU
SH = fleets.SHANGHAI


@pytest.fixture(scope="module")
def std_sim(start_module_sim):
    return start_module_sim(fleet=fleets.standard_fleet())


@pytest.fixture(scope="module")
def big_sim(start_module_sim):
    return start_module_sim(fleet=fleets.big_fleet(125))


@pytest.fixture
def std(std_sim, sdk):
    return std_sim.api(sdk)


@pytest.fixture
def big(big_sim, sdk):
    return big_sim.api(sdk)


def ids_of(body) -> list[str]:
    return [i["InstanceId"] for i in body["Instances"]["Instance"]]


def describe_all(api, region=HZ, **params) -> list[str]:
    """Every ID matching `params`, walking MaxResults/NextToken pages until NextToken is empty."""
    out, token, pages = [], None, 0
    while True:
        p = {"RegionId": region, "MaxResults": 100, **params}
        if token:
            p["NextToken"] = token
        body = api.call("DescribeInstances", p)
        out += ids_of(body)
        token = body.get("NextToken")
        pages += 1
        assert pages < 50, "NextToken paging does not end"
        if not token:
            return out


# ---------------------------------------------------------------- DescribeRegions


def test_describe_regions_lists_fleet_and_public_regions(std):
    body = std.call("DescribeRegions", {})
    assert body["RequestId"]
    regions = {r["RegionId"]: r for r in body["Regions"]["Region"]}
    assert {HZ, SH} <= set(regions)
    assert len(regions) > 2, "the vendor's public regions should be listed too"
    for r in regions.values():
        assert r["RegionEndpoint"] and r["LocalName"]
    assert regions[SH]["RegionEndpoint"] in ("ecs.cn-shanghai.aliyuncs.com",)
    assert regions[HZ]["RegionEndpoint"] in ("ecs.aliyuncs.com", "ecs-cn-hangzhou.aliyuncs.com", "ecs.cn-hangzhou.aliyuncs.com")


def test_describe_regions_accept_language(std):
    body = std.call("DescribeRegions", {"AcceptLanguage": "en-US"})
    assert HZ in {r["RegionId"] for r in body["Regions"]["Region"]}


# ---------------------------------------------------------------- DescribeInstances: content


def test_describe_instances_fields_and_shapes(std):
    body = std.call("DescribeInstances", {"RegionId": HZ, "InstanceIds": json.dumps(["i-run1", "i-classic1"])})
    inst = {i["InstanceId"]: i for i in body["Instances"]["Instance"]}
    assert set(inst) == {"i-run1", "i-classic1"}
    run1 = inst["i-run1"]
    assert run1["InstanceName"] == "web-01"
    assert run1["Status"] == "Running"
    assert run1["RegionId"] == HZ and run1["ZoneId"] == fleets.HZ_H
    assert run1["InstanceChargeType"] == "PostPaid"
    assert run1["InstanceNetworkType"] == "vpc"
    assert run1["VpcAttributes"]["VpcId"] == fleets.VPC_A
    assert run1["VpcAttributes"]["PrivateIpAddress"]["IpAddress"]
    assert {(t["TagKey"], t["TagValue"]) for t in run1["Tags"]["Tag"]} == {("env", "prod"), ("team", "web")}
    assert run1["HibernationOptions"]["Configured"] is False
    assert run1["OperationLocks"]["LockReason"] == []
    assert inst["i-classic1"]["InstanceNetworkType"] == "classic"


def test_describe_instances_wire_types(std_sim):
    """Numbers are JSON numbers, booleans JSON booleans, the per-instance Code a string (raw JSON, V1)."""
    v1 = std_sim.api("v1")
    body = v1.call("DescribeInstances", {"RegionId": HZ, "PageNumber": 1, "PageSize": 5})
    for key in ("TotalCount", "PageNumber", "PageSize"):
        assert type(body[key]) is int, (key, body[key])
    inst = body["Instances"]["Instance"][0]
    for key in ("Cpu", "Memory", "LocalStorageAmount"):
        assert type(inst[key]) is int, (key, inst[key])
    assert type(inst["DeletionProtection"]) is bool
    assert type(inst["HibernationOptions"]["Configured"]) is bool
    assert v1.last_headers["content-type"] == "application/json;charset=utf-8"


def test_describe_instances_cjk_name_round_trips(std):
    body = std.call("DescribeInstances", {"RegionId": HZ, "InstanceName": "生产-网站-01"})
    assert ids_of(body) == ["i-cjk1"]
    assert body["Instances"]["Instance"][0]["InstanceName"] == "生产-网站-01"


def test_describe_instances_running_stopped_mode_decision(std):
    """Decision: Running reports Not-applicable when it cannot use economical mode, else KeepCharging."""
    body = std.call("DescribeInstances", {"RegionId": HZ, "MaxResults": 100, "Status": "Running"})
    inst = {i["InstanceId"]: i for i in body["Instances"]["Instance"]}
    assert inst["i-run1"]["StoppedMode"] == "KeepCharging"
    assert inst["i-classic1"]["StoppedMode"] == "Not-applicable"
    assert inst["i-prepaid1"]["StoppedMode"] == "Not-applicable"
    assert inst["i-localdisk1"]["StoppedMode"] == "Not-applicable"


def test_describe_instances_keeps_unknown_fields_and_wrappers(std_sim):
    """Replayed fleet files keep fields the simulator does not know (raw JSON through the V1 SDK)."""
    v1 = std_sim.api("v1")
    body = v1.call("DescribeInstances", {"RegionId": HZ, "InstanceIds": json.dumps(["i-seclock1"])})
    inst = body["Instances"]["Instance"][0]
    assert inst["XConformanceExtra"] == {"Kept": "yes"}
    assert inst["OperationLocks"]["LockReason"][0]["LockReason"] == "security"
    assert isinstance(inst["SecurityGroupIds"]["SecurityGroupId"], list)
    assert isinstance(inst["PublicIpAddress"]["IpAddress"], list)
    assert v1.last_headers.get("content-type", "").startswith("application/json")
    assert v1.last_headers.get("x-acs-request-id") == body["RequestId"]


def test_describe_instances_region_scoping(std):
    assert sorted(describe_all(std, region=SH)) == ["i-sh1", "i-sh2", "i-shstopped1"]
    assert "i-sh1" not in describe_all(std, region=HZ)


# ---------------------------------------------------------------- paging


def test_default_page_is_ten_with_next_token(big):
    body = big.call("DescribeInstances", {"RegionId": HZ})
    assert len(ids_of(body)) == 10
    assert body.get("NextToken"), "no paging parameter pages NextToken-style"


@pytest.mark.parametrize("max_results,expected", [(0, 10), (5, 10), (10, 10), (37, 37), (100, 100), (500, 100)])
def test_max_results_limits(big, max_results, expected):
    body = big.call("DescribeInstances", {"RegionId": HZ, "MaxResults": max_results})
    assert len(ids_of(body)) == expected
    assert body.get("NextToken")


def test_next_token_walk_is_complete_and_stable(big):
    seen, token, pages = [], None, 0
    while True:
        p = {"RegionId": HZ, "MaxResults": 20}
        if token:
            p["NextToken"] = token
        body = big.call("DescribeInstances", p)
        page = ids_of(body)
        assert len(page) <= 20
        seen += page
        token = body.get("NextToken")
        pages += 1
        if not token:
            break
        assert pages < 20
    assert pages == 7
    assert len(seen) == len(set(seen)) == 125
    assert seen == describe_all(big), "results come in a stable order"


def test_page_number_page_size(big):
    seen = []
    for page in range(1, 5):
        body = big.call("DescribeInstances", {"RegionId": HZ, "PageNumber": page, "PageSize": 40})
        assert body["TotalCount"] == 125
        assert body["PageNumber"] == page and body["PageSize"] == 40
        assert not body.get("NextToken"), "NextToken only in MaxResults style"
        seen += ids_of(body)
    assert len(seen) == len(set(seen)) == 125
    body = big.call("DescribeInstances", {"RegionId": HZ, "PageNumber": 5, "PageSize": 40})
    assert ids_of(body) == []


def test_page_size_defaults_to_ten(big):
    body = big.call("DescribeInstances", {"RegionId": HZ, "PageNumber": 2})
    assert len(ids_of(body)) == 10
    assert body["PageNumber"] == 2 and body["PageSize"] == 10 and body["TotalCount"] == 125


def test_max_results_wins_over_page_number(big):
    body = big.call("DescribeInstances", {"RegionId": HZ, "MaxResults": 20, "PageNumber": 3, "PageSize": 5})
    assert len(ids_of(body)) == 20
    assert body.get("NextToken")
    first = big.call("DescribeInstances", {"RegionId": HZ, "MaxResults": 20})
    assert ids_of(body) == ids_of(first)


@pytest.mark.parametrize("page_size", [0, 101])
def test_page_size_out_of_range(big, page_size):
    e = expect_error(big.call, "DescribeInstances", {"RegionId": HZ, "PageNumber": 1, "PageSize": page_size})
    assert (e.code, e.status) == ("InvalidParameter", 400)


@pytest.mark.parametrize("params", [{"MaxResults": "ten"}, {"PageNumber": "x"}, {"PageSize": "1.5"},
                                    {"PageNumber": 0}])
def test_paging_values_not_numbers(big, params):
    e = expect_error(big.call, "DescribeInstances", {"RegionId": HZ, **params})
    assert (e.code, e.status) == ("InvalidParameter", 400)


def test_missing_region_id(big_sim):
    reply = big_sim.raw().v1("DescribeInstances", {}, region=None)
    assert (reply.status, reply.code) == (400, "MissingParameter"), reply


def test_unknown_next_token(big):
    e = expect_error(big.call, "DescribeInstances", {"RegionId": HZ, "MaxResults": 10, "NextToken": "not-a-token"})
    assert (e.code, e.status) == ("InvalidParameter", 400)


# ---------------------------------------------------------------- filters


def test_filter_instance_ids(std):
    got = describe_all(std, InstanceIds=json.dumps(["i-run2", "i-stopped1", "i-nothere1", "i-sh1"]))
    assert sorted(got) == ["i-run2", "i-stopped1"]


def test_filter_instance_ids_empty_array_matches_nothing(std):
    body = std.call("DescribeInstances", {"RegionId": HZ, "InstanceIds": "[]"})
    assert ids_of(body) == []
    assert not body.get("NextToken")


@pytest.mark.parametrize("bad", ["not json", "[1, 2]", '{"a": 1}', '["i-run1"', '["i-run1", null]'])
def test_filter_instance_ids_invalid(std, bad):
    e = expect_error(std.call, "DescribeInstances", {"RegionId": HZ, "InstanceIds": bad})
    assert (e.code, e.status) == ("InvalidParameter", 400)


@pytest.mark.parametrize("status", ["Running", "Stopped", "Stopping", "Starting", "Pending"])
def test_filter_status(std, status):
    expected = sorted(fleets.standard_fleet().ids(region=HZ, status=status))
    assert sorted(describe_all(std, Status=status)) == expected


@pytest.mark.parametrize("bad", ["running", "Expired", "Bogus"])
def test_filter_status_unknown(std, bad):
    e = expect_error(std.call, "DescribeInstances", {"RegionId": HZ, "Status": bad})
    assert (e.code, e.status) == ("InvalidStatus.NotFound", 404)


def names_matching(pattern: str, region: str = HZ) -> list[str]:
    """docs/ECS-SEMANTICS.md#paging-and-filters: exact and case-sensitive; `*` matches any run of characters (nothing else is special)."""
    rx = re.compile("".join(".*" if c == "*" else re.escape(c) for c in pattern), re.S)
    return sorted(
        i["InstanceId"] for i in fleets.standard_fleet().instances
        if i["RegionId"] == region and rx.fullmatch(i["InstanceName"])
    )


@pytest.mark.parametrize(
    "name,expected",
    [
        ("web-01", ["i-run1"]),
        ("web", []),
        ("WEB-01", []),
        ("web-0", []),
        ("web-*", ["i-run1", "i-run2"]),
        ("*eb*", ["i-run1", "i-run2", "i-run4"]),
        ("生产*", ["i-cjk1"]),
        ("*", None),
        ("*-01", None),
        ("s*-0?", []),
        ("[a-z]*", []),
    ],
)
def test_filter_instance_name(std, name, expected):
    if expected is None:
        expected = names_matching(name)
    assert expected == names_matching(name), "test table disagrees with the fleet"
    assert sorted(describe_all(std, InstanceName=name)) == sorted(expected)


def test_filter_zone(std):
    f = fleets.standard_fleet()
    expected = sorted(i["InstanceId"] for i in f.instances if i["ZoneId"] == fleets.HZ_I)
    assert sorted(describe_all(std, ZoneId=fleets.HZ_I)) == expected


def test_filter_vpc(std):
    assert describe_all(std, VpcId=fleets.VPC_B) == ["i-run3"]


def test_filter_charge_type(std):
    assert sorted(describe_all(std, InstanceChargeType="PrePaid")) == ["i-expired1", "i-expired2", "i-prepaid1",
                                                                       "i-stoppedexp1"]
    assert "i-run1" in describe_all(std, InstanceChargeType="PostPaid")


def test_filter_tag_key_and_value(std):
    got = describe_all(std, Tag=[{"Key": "env", "Value": "prod"}])
    assert sorted(got) == ["i-cjk1", "i-run1", "i-run3"]


def test_filter_tag_key_only_matches_any_value(std):
    assert sorted(describe_all(std, Tag=[{"Key": "env"}])) == ["i-cjk1", "i-run1", "i-run2", "i-run3"]
    assert describe_all(std, Tag=[{"Key": "owner"}]) == ["i-run4"]


def test_filter_tags_combine(std):
    got = describe_all(std, Tag=[{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": "db"}])
    assert got == ["i-run3"]


def test_filter_cjk_tag(std):
    assert describe_all(std, Tag=[{"Key": "环境", "Value": "生产"}]) == ["i-cjk1"]


def test_filters_combine(std):
    got = describe_all(std, Status="Running", ZoneId=fleets.HZ_I, InstanceName="*-0*")
    expected = sorted(
        i["InstanceId"]
        for i in fleets.standard_fleet().instances
        if i["RegionId"] == HZ and i["Status"] == "Running" and i["ZoneId"] == fleets.HZ_I and "-0" in i["InstanceName"]
    )
    assert expected and sorted(got) == expected


def test_total_count_page_style_with_filter(std):
    body = std.call("DescribeInstances", {"RegionId": HZ, "Status": "Stopped", "PageNumber": 1, "PageSize": 2})
    assert body["TotalCount"] == len(fleets.standard_fleet().ids(region=HZ, status="Stopped"))
    assert len(ids_of(body)) == 2


# ---------------------------------------------------------------- dry run, bad booleans


def test_describe_instances_dry_run(std):
    e = expect_error(std.call, "DescribeInstances", {"RegionId": HZ, "DryRun": True})
    assert (e.code, e.status) == ("DryRunOperation", 400)


def test_describe_instances_dry_run_false_is_normal(std):
    body = std.call("DescribeInstances", {"RegionId": HZ, "DryRun": False})
    assert len(ids_of(body)) == 10


def test_bad_boolean_is_invalid_parameter(std_sim):
    reply = std_sim.raw().v1("DescribeInstances", {"DryRun": "maybe"})
    assert reply.status == 400 and reply.json()["Code"] == "InvalidParameter", reply


@pytest.mark.parametrize("value", ["true", "TRUE", "True", "tRuE"])
def test_booleans_case_insensitive(std_sim, value):
    reply = std_sim.raw().v1("DescribeInstances", {"DryRun": value})
    assert reply.status == 400 and reply.json()["Code"] == "DryRunOperation", reply


# ---------------------------------------------------------------- DescribeInstanceStatus


def test_describe_instance_status_all(std):
    body = std.call("DescribeInstanceStatus", {"RegionId": HZ, "PageSize": 50})
    f = fleets.standard_fleet()
    expected = {i["InstanceId"]: i["Status"] for i in f.instances if i["RegionId"] == HZ}
    got = {s["InstanceId"]: s["Status"] for s in body["InstanceStatuses"]["InstanceStatus"]}
    assert body["TotalCount"] == len(expected)
    assert got == expected


def test_describe_instance_status_by_ids(std):
    body = std.call("DescribeInstanceStatus", {"RegionId": HZ, "InstanceId": ["i-run1", "i-stopped1", "i-pending1"]})
    got = {s["InstanceId"]: s["Status"] for s in body["InstanceStatuses"]["InstanceStatus"]}
    assert got == {"i-run1": "Running", "i-stopped1": "Stopped", "i-pending1": "Pending"}


def test_describe_instance_status_zone(std):
    body = std.call("DescribeInstanceStatus", {"RegionId": HZ, "ZoneId": fleets.HZ_I, "PageSize": 50})
    f = fleets.standard_fleet()
    expected = sorted(i["InstanceId"] for i in f.instances if i["ZoneId"] == fleets.HZ_I)
    assert sorted(s["InstanceId"] for s in body["InstanceStatuses"]["InstanceStatus"]) == expected


def test_describe_instance_status_paging(big):
    seen = []
    for page in range(1, 4):
        body = big.call("DescribeInstanceStatus", {"RegionId": HZ, "PageNumber": page, "PageSize": 50})
        assert body["TotalCount"] == 125 and body["PageNumber"] == page and body["PageSize"] == 50
        seen += [s["InstanceId"] for s in body["InstanceStatuses"]["InstanceStatus"]]
    assert len(seen) == len(set(seen)) == 125


def test_describe_instance_status_default_page_size(big):
    body = big.call("DescribeInstanceStatus", {"RegionId": HZ})
    assert len(body["InstanceStatuses"]["InstanceStatus"]) == 10
    assert body["PageSize"] == 10 and body["TotalCount"] == 125


@pytest.mark.parametrize("page_size", [0, 51, 100])
def test_describe_instance_status_page_size_limit(big, page_size):
    e = expect_error(big.call, "DescribeInstanceStatus", {"RegionId": HZ, "PageSize": page_size})
    assert (e.code, e.status) == ("InvalidParameter", 400)


def test_describe_instance_status_101_ids(big):
    ids = [f"i-pg{n:04d}" for n in range(101)]
    e = expect_error(big.call, "DescribeInstanceStatus", {"RegionId": HZ, "InstanceId": ids})
    assert (e.code, e.status) == ("InvalidParameter", 400)


def test_unknown_region(std):
    e = expect_error(std.call, "DescribeInstances", {"RegionId": "xx-nowhere-1"})
    assert (e.code, e.status) == ("InvalidRegionId.NotFound", 404)


def test_error_body_fields(std_sim):
    reply = std_sim.raw().v3("DescribeInstances", {"RegionId": HZ, "Status": "Bogus"})
    assert reply.status == 404
    assert reply.headers["content-type"] == "application/json;charset=utf-8"
    body = reply.json()
    assert body["Code"] == "InvalidStatus.NotFound" and body["Message"]
    assert body["RequestId"] == reply.headers["x-acs-request-id"]
    assert body["HostId"] == std_sim.netloc, "HostId is the host the request named"


def test_host_id_is_the_named_host(std_sim):
    raw = std_sim.raw()
    reply = raw.send("POST", "/?Action=DescribeRegions", {"Host": "ecs.cn-hangzhou.aliyuncs.com"})
    assert 400 <= reply.status < 500
    assert reply.json()["HostId"] == "ecs.cn-hangzhou.aliyuncs.com"


def test_extra_regions_with_fleet(start_sim):
    sim = start_sim("--regions", "cn-beijing,cn-shenzhen", fleet=fleets.standard_fleet())
    api = sim.api("v3")
    regions = {r["RegionId"] for r in api.call("DescribeRegions", {})["Regions"]["Region"]}
    assert {"cn-beijing", "cn-shenzhen", HZ, SH} <= regions
    body = api.call("DescribeInstances", {"RegionId": "cn-beijing"})
    assert ids_of(body) == [] and body["TotalCount"] == 0


def test_instance_ids_more_than_100(std):
    e = expect_error(std.call, "DescribeInstances",
                     {"RegionId": HZ, "InstanceIds": json.dumps([f"i-x{n}" for n in range(101)])})
    assert (e.code, e.status) == ("InvalidParameter", 400)
