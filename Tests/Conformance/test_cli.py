"""The command line contract: first stdout line is the endpoint, bad arguments fail fast, SIGTERM exits 0."""

from __future__ import annotations

import signal
import socket
import subprocess

import pytest

import fleet as fleets


def run_bad(binary, *args, timeout=15):
    proc = subprocess.run([binary, *args], stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize("args", [
    ("--fleet", "/nonexistent/fleet.json"),
    ("--stop-delay", "fast"),
    ("--faults", "explode=1"),
    ("--rate-limit", "-3"),
    ("--port", "not-a-port"),
])
def test_bad_arguments_fail_fast(sim_binary, args):
    code, out, err = run_bad(sim_binary, "--port", "0", *args)
    assert code != 0, f"accepted {args}: stdout={out!r}"
    assert not out.startswith("http://"), "no endpoint is printed for a configuration it cannot run"
    assert err.strip(), "says what is wrong on stderr"


def test_bad_fleet_file(sim_binary, tmp_path):
    bad = tmp_path / "fleet.json"
    bad.write_text('{"Instances": {"Instance": [', encoding="utf-8")
    code, out, err = run_bad(sim_binary, "--port", "0", "--fleet", str(bad))
    assert code != 0 and not out.startswith("http://") and err.strip()


def test_fixed_port(start_sim):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sim = start_sim("--port", str(port), "--host", "127.0.0.1", fleet=fleets.standard_fleet())
    assert sim.url == f"http://127.0.0.1:{port}"
    assert sim.api("v3").call("DescribeRegions", {})["Regions"]["Region"]


def test_sigint_also_exits_cleanly(start_sim):
    sim = start_sim(fleet=fleets.standard_fleet())
    sim.proc.send_signal(signal.SIGINT)
    assert sim.proc.wait(timeout=10) == 0
    sim.exit_code = 0


def test_sigterm_during_traffic(start_sim):
    import concurrent.futures as cf

    sim = start_sim(fleet=fleets.standard_fleet())
    raw = sim.raw()

    def one(_):
        try:
            return raw.v3("DescribeInstanceStatus", {"RegionId": "cn-hangzhou"}).status
        except OSError:
            return None

    with cf.ThreadPoolExecutor(max_workers=20) as pool:
        futures = [pool.submit(one, n) for n in range(100)]
        assert sim.stop() == 0
        for f in futures:
            assert f.result(timeout=30) in (200, None)


def test_default_credentials_and_stdout(start_sim):
    sim = start_sim(fleet=fleets.standard_fleet())
    assert sim.url.startswith("http://127.0.0.1:")
    assert sim.api("v1").call("DescribeInstances", {"RegionId": "cn-hangzhou"})["Instances"]["Instance"]
