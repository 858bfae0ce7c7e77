"""Untrusted text on the way out and in: long, CJK, C1 and bidi names in tables and JSON; instance-ID files saved
on Windows (BOM, CRLF); IDs, values and URLs the operator typed wrong, with control characters escaped."""

from __future__ import annotations

import pytest

from commands import raw_controls
from fleet import C1_BIDI_NAME
from textwidth import width


@pytest.mark.parametrize("cols", [80, 120])
def test_list_table_cuts_long_names_and_keeps_the_columns(review, cols):
    """A 135-character name (and a 162-column CJK one) ends in …, NAME is capped, STATUS aligned, the other
    columns survive."""
    r = review.run("list", env={"COLUMNS": str(cols)})
    lines = r.out.split("\n")
    header = lines[0]
    want = ["ID", "NAME", "STATUS", "PRIVATE IP", "PUBLIC IP"] + (["TYPE", "ZONE"] if cols >= 120 else [])
    assert not [w for w in want if w not in header], f"columns pushed out at {cols}: {header!r}"
    assert not [line for line in lines if width(line) > cols], f"lines wider than {cols}"
    status_at = width(header[:header.index("STATUS")])
    for iid in ("i-rvlong01", "i-rvlongcjk01", "i-rvrun01"):
        [line] = [line for line in lines if line.startswith(iid + " ")]
        k = line.index("  Running")
        assert width(line[:k + 2]) == status_at, f"{iid}: STATUS at {width(line[:k + 2])}, header at {status_at}"
        if iid != "i-rvrun01":
            name = line[len(header[:header.index("NAME")]):k].rstrip()
            assert name.endswith("…"), f"{iid}: name not ellipsised: {name!r}"
            assert 20 <= width(name) <= 40, f"{iid}: NAME takes {width(name)} columns"
    cjk = [line for line in lines if line.startswith("i-rvlongcjk01 ")][0]
    assert "生产环境" in cjk and "\ufffd" not in cjk, cjk


def test_list_table_shows_c1_and_bidi_names_as_no_raw_control(review):
    r = review.run("list", env={"COLUMNS": "80"})
    assert raw_controls(r.out_bytes) is None, r


@pytest.fixture(scope="module")
def listed(review):
    return review.run("list", "--output", "json")


def test_list_json_escapes_c1_bidi_and_line_separators(listed):
    """U+009B, U+202E, U+2066/U+2069 and U+2028 are \\u escapes, not raw bytes."""
    assert raw_controls(listed.out_bytes) is None, listed


def test_list_json_names_parse_back_exactly(listed):
    m = listed.by_id()
    assert m["i-rvc1bidi01"]["InstanceName"] == C1_BIDI_NAME
    assert len(m["i-rvlong01"]["InstanceName"]) == 135
    assert "\\u009b" in listed.out and "\\u202e" in listed.out, "escapes"


BOM_IDS = b"\xef\xbb\xbfi-rvrun01\r\ni-rvsub01, i-rvdisk01  # comment\r\n\r\n"


def test_ids_from_a_file_with_bom_and_crlf(review, tmp_path):
    path = tmp_path / "bom_ids.txt"
    path.write_bytes(BOM_IDS)
    r = review.run("status", "--ids-from", str(path), "--output", "json")
    assert r.rc == 0, r
    assert [(x["InstanceId"], x["Status"]) for x in r.json()] == [("i-rvrun01", "Running"), ("i-rvsub01", "Running"),
                                                                  ("i-rvdisk01", "Running")]


def test_ids_from_stdin_with_bom_and_crlf(review):
    r = review.run("status", "--ids-from", "-", "--output", "json", stdin=BOM_IDS, timeout=60)
    assert r.rc == 0, r
    assert [x["InstanceId"] for x in r.json()] == ["i-rvrun01", "i-rvsub01", "i-rvdisk01"]


def test_status_of_a_malformed_id_is_a_usage_error(review):
    r = review.run("status", "--instance-id", "foo", "--instance-id", "i-rvrun01")
    assert r.rc == 2 and "'foo' is not an instance ID" in r.err and "NotFound" not in r.out + r.err, r


def test_escape_laden_id_from_a_file_is_shown_escaped(review, tmp_path):
    path = tmp_path / "esc_ids.txt"
    path.write_bytes(b"i-rvrun01\ni-\x1b[2J\x1b]0;pwned\x07x\n")
    r = review.run("status", "--ids-from", str(path))
    assert r.rc == 2 and "i-\\u{1B}[2J\\u{1B}]0;pwned\\u{7}x" in r.err and raw_controls(r.err_bytes) is None, r


CONTROL_VALUES = [["list", "--region", "cn-\x1b[31mhz"], ["list", "--status", "Run\x1b]0;x\x07"],
                  ["list", "--tag", "=\x1b[2J"], ["status", "--ids-from", "/nope/\x1b[2J"],
                  ["stop", "--instance-id", "i-rvrun01", "--batch", "\u009bX"], ["--signature", "v\u202e3", "list"]]


@pytest.mark.parametrize("args", CONTROL_VALUES, ids=lambda a: ascii(" ".join(a)))
def test_bad_value_with_control_characters_is_escaped(review, args):
    r = review.raw("--endpoint", review.endpoint, *args, timeout=60)
    assert r.rc == 2 and r.err and "\\u{" in r.err and raw_controls(r.err_bytes) is None, r


def test_endpoint_needs_a_scheme_and_a_host(review):
    r = review.raw("--endpoint", "notaurl", "--region", "cn-hangzhou", "list")
    assert r.rc == 2 and r.ms < 3000, r
    assert "'notaurl'" in r.err and "http:// or https://" in r.err and "such as https://" in r.err, r


def test_sandbox_with_endpoint_is_refused(review):
    r = review.raw("--sandbox", "--endpoint", review.endpoint, "list")
    assert r.rc == 2 and "--sandbox runs its own simulator" in r.err and not r.out, r


COUNTS = ["journal --last -3", "journal --last=-3", "journal --last 0",
          "stop --instance-id i-rvrun01 --timeout -1 --yes --wait",
          "stop --instance-id i-rvrun01 --timeout=-1 --yes --wait",
          "start --instance-id i-rvrun01 --timeout 0 --yes --wait"]


@pytest.mark.parametrize("args", COUNTS)
def test_negative_or_zero_counts_get_the_commands_message(review, args):
    r = review.run(*args.split())
    assert r.rc == 2 and "must be a positive number" in r.err and "missing value" not in r.err.lower(), r


def test_ecs_sim_regions_naming_no_region(binaries):
    import subprocess

    p = subprocess.run([str(binaries.ecs_sim), "--regions", ","], stdin=subprocess.DEVNULL, capture_output=True,
                       timeout=30)
    assert p.returncode == 2 and b"names no region" in p.stderr and not p.stdout, p
