"""Operator mistakes: missing or wrong credentials, an unknown region, endpoints that cannot be reached or must not
be used, and bad usage. Each exits 2 with a message that says what to fix, and never a stack trace."""

from __future__ import annotations

import socket

import pytest

CREDS = ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET")


def test_no_credentials_exits_2_mentioning_sandbox(ops):
    """No ALIBABA_CLOUD_* credentials and no ~/.aliyun/config.json."""
    r = ops.run("list", unset=CREDS, timeout=60)
    assert r.rc == 2 and "--sandbox" in r.err and not r.traced(), r


def test_only_the_key_id_set_names_the_missing_variable(ops):
    r = ops.run("list", unset=("ALIBABA_CLOUD_ACCESS_KEY_SECRET",), timeout=60)
    assert r.rc == 2 and "ALIBABA_CLOUD_ACCESS_KEY_SECRET" in r.err, r


def test_wrong_secret_says_so_without_printing_it(ops):
    r = ops.run("list", env={"ALIBABA_CLOUD_ACCESS_KEY_SECRET": "wrong-secret"}, timeout=60)
    assert r.rc == 2 and "secret" in r.err.lower() and "wrong-secret" not in r.err, r


def test_unknown_region_names_it(ops, cli_sim):
    r = ops.raw("--endpoint", cli_sim.url, "--region", "xx-nowhere-1", "list")
    assert r.rc == 2 and "xx-nowhere-1" in r.err and not r.traced(), r


def test_stop_in_an_unknown_region_names_it(ops, cli_sim):
    r = ops.raw("--endpoint", cli_sim.url, "--region", "xx-nowhere-1", "stop", "--instance-id", "i-e2erun01", "--yes")
    assert r.rc == 2 and "xx-nowhere-1" in r.err, r


@pytest.fixture(scope="module")
def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def closed(ops, closed_port):
    return ops.raw("--endpoint", f"http://127.0.0.1:{closed_port}", "--region", "cn-hangzhou", "list")


def test_unreachable_endpoint_exits_2_quickly(closed):
    assert closed.rc == 2 and closed.ms < 10000 and not closed.traced(), closed


def test_unreachable_endpoint_says_it_cannot_connect(closed):
    assert "endpoint" in closed.err.lower() or "connect" in closed.err.lower(), closed


def test_stop_against_an_unreachable_endpoint_exits_2_quickly(ops, closed_port):
    r = ops.raw("--endpoint", f"http://127.0.0.1:{closed_port}", "--region", "cn-hangzhou", "stop", "--instance-id",
                "i-e2erun01", "--yes")
    assert r.rc == 2 and r.ms < 10000, r


def test_plain_http_off_loopback_refused_before_connecting(ops):
    """--endpoint http://ecs-sim.invalid:80: exit 2 at once, mentioning --insecure-http."""
    r = ops.raw("--endpoint", "http://ecs-sim.invalid:80", "--region", "cn-hangzhou", "list")
    assert r.rc == 2 and "--insecure-http" in r.err and r.ms < 3000, r


def test_stop_with_plain_http_off_loopback_refused(ops):
    r = ops.raw("--endpoint", "http://ecs-sim.invalid:80", "--region", "cn-hangzhou", "stop", "--instance-id",
                "i-e2erun01", "--yes")
    assert r.rc == 2 and r.ms < 3000, r


def test_endpoint_with_another_scheme_exits_2(ops):
    r = ops.raw("--endpoint", "ftp://127.0.0.1:21", "--region", "cn-hangzhou", "list")
    assert r.rc == 2 and not r.traced(), r


BAD_USAGE = ["list --bogus-flag", "list --output xml", "stop --instance-id i-e2erun01 --batch Sometimes --yes",
             "stop --instance-id i-e2erun01 --stopped-mode Hibernate --yes", "stop --yes", "list --status Sleeping",
             "--signature v2 list", "stop --instance-id i-e2erun01 --timeout 0 --yes --wait", "frobnicate",
             "journal --last 0", "status --ids-from {tmp}/does-not-exist"]


@pytest.mark.parametrize("args", BAD_USAGE)
def test_bad_usage_exits_2_with_a_message(ops, args, tmp_path):
    r = ops.run(*args.format(tmp=tmp_path).split())
    assert r.rc == 2 and not r.traced() and r.err.strip(), r
