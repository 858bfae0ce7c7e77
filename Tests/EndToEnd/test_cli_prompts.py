"""Operator review, part one (slow transitions): plain HTTP only to loopback, the "Type yes" prompt, one region
per stop, endpoints that fail (DNS, TLS), the AllTogether note, and tables at 80 columns."""

from __future__ import annotations

import re
import signal

import pytest

from textwidth import width


def test_slow_simulator_started(slow_sim):
    assert slow_sim.url.startswith("http://")


@pytest.mark.parametrize("host", ["http://127.evil.invalid:80", "http://127.0.0.1.ecs-sim.invalid"])
def test_plain_http_to_names_that_merely_start_with_127_is_refused(slow, host):
    r = slow.raw("--endpoint", host, "--region", "cn-hangzhou", "list")
    assert r.rc == 2 and "--insecure-http" in r.err and r.ms < 3000, r


@pytest.mark.parametrize("answer", ["y", "Y"])
def test_prompt_answered_y_is_not_confirmed(slow, answer):
    """'Type yes to continue' answered y or Y: not confirmed (exit 3), nothing sent."""
    r = slow.answer_prompt(answer, "stop", "--instance-id", "i-e2erun01")
    assert r.rc == 3 and "Type yes to continue" in r.out and "Not confirmed" in r.err, r
    assert slow.status_of("i-e2erun01") == "Running"


def test_prompt_answered_upper_case_yes_stops(slow):
    r = slow.answer_prompt("YES", "stop", "--instance-id", "i-e2erun01")
    assert r.rc == 0, r
    assert slow.status_of("i-e2erun01") != "Running"


def test_sigint_at_the_prompt_sends_nothing(slow):
    r = slow.answer_prompt(signal.SIGINT, "stop", "--instance-id", "i-e2erun02")
    assert r.rc == 130 and r.err == "ecsfleet: interrupted; nothing was sent.\n", r
    assert slow.status_of("i-e2erun02") == "Running"


def test_status_with_two_regions_finds_each_id_in_its_own(slow):
    """stop, start and status look each ID up in the regions given (every region without --region)."""
    r = slow.run("--region", "cn-shanghai", "status", "--instance-id", "i-e2erun02", "i-e2esh01", "--output", "json")
    assert r.rc == 0, r
    assert [(i["InstanceId"], i["RegionId"]) for i in r.json()] == [("i-e2erun02", "cn-hangzhou"),
                                                                     ("i-e2esh01", "cn-shanghai")], r


def test_journal_resume_with_two_regions_is_refused(slow):
    r = slow.run("--region", "cn-shanghai", "journal", "--resume")
    assert r.rc == 2 and "works in one region" in r.err and "cn-hangzhou, cn-shanghai" in r.err and not r.out, r


def test_the_same_region_twice_is_one_region(slow):
    r = slow.run("--region", "cn-hangzhou", "status", "--instance-id", "i-e2erun02", "--output", "json")
    assert r.rc == 0, r


def test_dns_failure_is_the_operators_to_fix(slow):
    """--endpoint https://ecs-sim.invalid: exit 2, one line, 'could not be resolved', check the network."""
    r = slow.raw("--endpoint", "https://ecs-sim.invalid", "--region", "cn-hangzhou", "list")
    assert r.rc == 2 and "could not be resolved" in r.err and "Check the network, --endpoint" in r.err, r
    assert "service's side" not in r.err and r.err_lines() == 1, r


def test_tls_failure_is_one_plain_line(slow, slow_sim):
    """https:// to a plain-HTTP port: exit 2, one line, no source path or BoringSSL text."""
    r = slow.raw("--endpoint", f"https://127.0.0.1:{slow_sim.port}", "--region", "cn-hangzhou", "list")
    assert r.rc == 2 and "TLS handshake failed" in r.err and "Check the network, --endpoint" in r.err, r
    assert not re.search(r"/work|\.build|checkouts|\.cc|BoringSSL|service.s side", r.err) and r.err_lines() == 1, r


def test_stop_over_a_failing_tls_handshake_sends_nothing(slow, slow_sim):
    r = slow.raw("--endpoint", f"https://127.0.0.1:{slow_sim.port}", "--region", "cn-hangzhou", "stop",
                 "--instance-id", "i-e2erun02", "--yes")
    assert r.rc == 2 and "TLS handshake failed" in r.err and "Nothing was sent" in r.err, r


def test_all_together_dry_run_note_covers_only_the_checked(slow):
    r = slow.run("stop", "--instance-id", "i-e2erun03", "--instance-id", "i-e2esec01", "--instance-id",
                 "i-e2enothere99", "--dry-run")
    note = ('note: With AllTogether, the 2 instances the preflight skipped were not part of the dry run, so '
            '"all or nothing" applies only to the 1 checked')
    assert r.rc == 1 and any(line.startswith(note) for line in r.out.splitlines()), r


def test_all_together_note_on_stderr_with_json(slow):
    r = slow.run("stop", "--instance-id", "i-e2erun03", "--instance-id", "i-e2esec01", "--yes", "--output", "json")
    assert r.rc == 1, r
    assert ('With AllTogether, the 1 instance the preflight skipped was not part of the call, so "all or nothing" '
            'applies only to the 1 sent') in r.err, r
    assert len(r.json()) == 2


def test_success_first_has_no_all_or_nothing_note(slow):
    r = slow.run("stop", "--instance-id", "i-e2erun04", "--instance-id", "i-e2esec01", "--batch", "SuccessFirst",
                 "--dry-run")
    assert "With AllTogether" not in r.out + r.err, r


def test_stop_table_at_80_columns(slow):
    """ID, OUTCOME, CODE, CURRENT and MESSAGE (cut with …); REGION and PREVIOUS go first; the summary wraps."""
    r = slow.run("stop", "--instance-id", "i-e2erun04", "--instance-id", "i-e2esec01", "--instance-id",
                 "i-e2enothere99", "--instance-id", "i-e2estop01", "--stopped-mode", "StopCharging", "--dry-run",
                 env={"COLUMNS": "80"})
    lines = r.out.rstrip("\n").split("\n")
    assert not [line for line in lines if width(line) > 80 and not line.startswith("note: ")], r
    assert not [c for c in ("ID", "OUTCOME", "CODE", "CURRENT", "MESSAGE") if c not in lines[0].split()], r
    assert "…" in r.out and not re.search("REGION|PREVIOUS", lines[0]), r
    assert re.search(r"^\(operation [0-9a-z-]*\)$", r.out, re.M), r


def test_journal_table_at_80_columns(slow):
    """No line over 80, dry runs marked 'stop (dry run)', options shown."""
    r = slow.run("journal", "--last", "4", env={"COLUMNS": "80"})
    lines = r.out.rstrip("\n").split("\n")
    assert not [line for line in lines if len(line) > 80], r
    assert any("stop (dry run)" in line for line in lines), r
    assert any("StopCharging, AllTogether" in line for line in lines), r
