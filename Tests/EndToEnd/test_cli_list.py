"""ecsfleet list against the command-line fleet: JSON fields and counts, every region, the table (no control byte,
CJK and escape-laden names aligned), both signatures, global options, --verbose, --status."""

from __future__ import annotations

from collections import Counter

import pytest

from commands import raw_controls
from fleet import CJK_NAME, ESC_NAME
from textwidth import width

FIELDS = ["InstanceId", "InstanceName", "Status", "StoppedMode", "RegionId", "ZoneId", "InstanceType",
          "InstanceChargeType", "InstanceNetworkType", "OperationLocks", "VpcAttributes", "Tags", "CreationTime",
          "ExpiredTime", "Cpu", "Memory"]


@pytest.fixture(scope="module")
def listed(ops):
    return ops.run("list", "--output", "json")


@pytest.fixture(scope="module")
def table(ops):
    return ops.run("list")


def test_simulator_started(cli_sim):
    assert cli_sim.url.startswith("http://")


def test_list_json_exits_0(listed):
    assert listed.rc == 0, listed


def test_list_json_117_instances_of_the_region_only(listed):
    """117 instances of cn-hangzhou (11 named + 105 bulk + 1 stopped), none from cn-shanghai."""
    d = listed.json()
    ids = [i["InstanceId"] for i in d]
    assert len(d) == 117
    assert len(set(ids)) == len(ids), "duplicates"
    assert "i-e2esh01" not in ids
    assert all(i["RegionId"] == "cn-hangzhou" for i in d)


def test_list_json_statuses_and_api_field_names(listed):
    d = listed.json()
    assert Counter(i["Status"] for i in d) == {"Running": 116, "Stopped": 1}
    for i in d:
        missing = [f for f in FIELDS if f not in i and not (f == "VpcAttributes" and i["InstanceNetworkType"] == "classic")]
        assert not missing, (i["InstanceId"], missing)


def test_list_json_keeps_names_and_locks_exactly(listed):
    """CJK and escape-laden names and the locks come back exactly; StoppedMode of running instances."""
    m = listed.by_id()
    assert m["i-e2ecjk01"]["InstanceName"] == CJK_NAME
    assert m["i-e2eesc01"]["InstanceName"] == ESC_NAME

    def locks(i):
        return [lock["LockReason"] for lock in i["OperationLocks"]["LockReason"]]

    assert locks(m["i-e2esec01"]) == ["security"]
    assert locks(m["i-e2efin01"]) == ["financial"]
    assert m["i-e2eclassic01"]["InstanceNetworkType"] == "classic"
    assert m["i-e2eclassic01"]["StoppedMode"] == "Not-applicable"
    assert m["i-e2erun01"]["StoppedMode"] == "KeepCharging"
    assert m["i-e2estop01"]["Status"] == "Stopped"


def regions_of(run):
    assert run.rc == 0, run
    return Counter(i["RegionId"] for i in run.json())


def test_list_all_regions_names_every_region(ops, cli_sim):
    r = ops.raw("--endpoint", cli_sim.url, "list", "--all-regions", "--output", "json",
                env={"ALIBABA_CLOUD_REGION_ID": "cn-hangzhou"})
    c = regions_of(r)
    assert c["cn-hangzhou"] == 117 and c["cn-shanghai"] == 1, c


def test_list_all_regions_without_any_default_region(ops, cli_sim):
    """No --region, no ALIBABA_CLOUD_REGION_ID, no profile: DescribeRegions goes to cn-hangzhou's endpoint."""
    c = regions_of(ops.raw("--endpoint", cli_sim.url, "list", "--all-regions", "--output", "json"))
    assert c["cn-hangzhou"] == 117 and c["cn-shanghai"] == 1, c


def test_list_all_regions_with_region_is_a_usage_error(ops):
    r = ops.run("list", "--all-regions")
    assert r.rc == 2 and "--all-regions" in r.err, r


def test_list_table_exits_0(table):
    assert table.rc == 0, table


def test_list_table_has_no_control_byte(table):
    bad = sorted({b for b in table.out_bytes if (b < 0x20 and b != 0x0A) or b == 0x7F})
    assert not bad and b"\xc2\x9b" not in table.out_bytes, (bad, table)


def test_list_table_aligns_cjk_and_escape_named_rows(table):
    """STATUS at the header's display column on the CJK-named and escape-named rows."""
    lines = table.out.split("\n")
    header = lines[0]
    assert header.startswith("ID"), header
    status_at = width(header[:header.index("STATUS")])

    def row(iid):
        rows = [line for line in lines if line.startswith(iid + " ")]
        assert len(rows) == 1, f"{iid}: {len(rows)} rows"
        return rows[0]

    for iid in ("i-e2ecjk01", "i-e2eesc01", "i-e2erun01", "i-e2estop01"):
        line = row(iid)
        k = next((k for k in (line.find("  " + s) for s in ("Running", "Stopped")) if k >= 0), -1)
        assert k >= 0, line
        assert width(line[:k + 2]) == status_at, f"{iid}: STATUS at {width(line[:k + 2])}, header at {status_at}: {line!r}"
    assert CJK_NAME in row("i-e2ecjk01")


def test_list_table_ends_with_the_count(table):
    assert "117 instances" in table.out, table.out[-300:]


def test_signature_v1_list_works(ops):
    r = ops.run("--signature", "v1", "list", "--output", "json")
    assert r.rc == 0 and len(r.json()) == 117, r


def test_global_options_accepted_after_the_subcommand(ops, cli_sim):
    r = ops.raw("list", "--output", "json", "--endpoint", cli_sim.url, "--region", "cn-hangzhou")
    assert r.rc == 0, r


def test_verbose_logs_each_request_and_never_the_secret(ops):
    r = ops.run("--verbose", "list", "--status", "Stopped")
    assert r.rc == 0 and "DescribeInstances" in r.err, r
    assert ops.access_key_secret not in r.err + r.out


def test_list_status_stopped_is_the_stopped_one(ops):
    r = ops.run("list", "--status", "Stopped", "--output", "json")
    assert [i["InstanceId"] for i in r.json()] == ["i-e2estop01"], r


def test_table_escape_check_helper_sees_raw_controls():
    """The raw-control check used by these tests finds what it must (so the checks above can fail)."""
    assert raw_controls(b"ok \x1b[31m") == b"\x1b" and raw_controls("\u202e".encode()) and raw_controls(b"ok\n") is None
