"""End-to-end tests of issue 11's operations: IDs from any region, selection by query, one operation ID,
undo from the journal, and CSV / ID output, against a three-region ecs-sim.

    ECSFLEET_BIN_DIR=$(swift build --show-bin-path) python -m pytest Tests/EndToEnd/test_operations.py

Self-contained: starts its own ecs-sim (a generated fleet over three regions, short stop and start delays) on a
free loopback port, points HOME and XDG_STATE_HOME at a temporary directory, and gives credentials in
ALIBABA_CLOUD_*. The official Python SDK (alibabacloud-ecs20140526) gives the reference view of the fleet; the
tests that need it are skipped when it is not installed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

AK = "ops-e2e-ak-0001"
SECRET = "ops-e2e-Secret-DoNotLeak"
REGIONS = ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"]


@pytest.fixture(scope="module")
def bins(tmp_path_factory):
    source = os.environ.get("ECSFLEET_BIN_DIR")
    if not source:
        pytest.skip("set ECSFLEET_BIN_DIR to the directory of the ecsfleet and ecs-sim binaries")
    target = tmp_path_factory.mktemp("bin")
    for name in ("ecsfleet", "ecs-sim"):
        path = Path(source) / name
        assert path.is_file(), f"{path} is missing (swift build --product {name})"
        shutil.copy2(path, target / name)
    return target


@pytest.fixture(scope="module")
def sim(bins, tmp_path_factory):
    """A fresh simulator for the module: its URL."""
    log = tmp_path_factory.mktemp("sim")
    out = open(log / "sim.out", "w+")
    proc = subprocess.Popen(
        [str(bins / "ecs-sim"), "--generate", "150", "--seed", "11", "--regions", ",".join(REGIONS),
         "--stop-delay", "0.2-0.4", "--start-delay", "0.2-0.4", "--access-key-id", AK, "--access-key-secret", SECRET],
        stdout=out, stderr=open(log / "sim.err", "w"), stdin=subprocess.DEVNULL,
        env={**os.environ, "ECS_SIM_LOG_LEVEL": "warning"})
    url = ""
    for _ in range(300):
        out.seek(0)
        url = out.readline().strip()
        if url or proc.poll() is not None:
            break
        time.sleep(0.1)
    assert url.startswith("http://127.0.0.1:"), (log / "sim.err").read_text()
    yield url
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return tmp_path_factory.mktemp("home")


class Fleet:
    """Runs ecsfleet against the simulator with the module's environment."""

    def __init__(self, bins: Path, url: str, home: Path):
        self.ef = str(bins / "ecsfleet")
        self.url = url
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("ALIBABA_CLOUD_")}
        self.env.update(HOME=str(home), XDG_STATE_HOME=str(home / "state"), CI="true", COLUMNS="200",
                        ALIBABA_CLOUD_ACCESS_KEY_ID=AK, ALIBABA_CLOUD_ACCESS_KEY_SECRET=SECRET,
                        ALIBABA_CLOUD_REGION_ID="cn-hangzhou")

    def run(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([self.ef, "--endpoint", self.url, *args], input=stdin if stdin is not None else "",
                              capture_output=True, text=True, env=self.env, timeout=120)

    def json(self, *args: str, stdin: str | None = None, code: int = 0):
        p = self.run(*args, "--output", "json", stdin=stdin)
        assert p.returncode == code, f"exit {p.returncode}\n{p.stdout[:2000]}\n{p.stderr[:2000]}"
        return json.loads(p.stdout)

    def journal(self) -> list[dict]:
        path = Path(self.env["XDG_STATE_HOME"]) / "ecsfleet" / "journal.jsonl"
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def fleet(bins, sim, home):
    return Fleet(bins, sim, home)


def sdk_instances(url: str) -> list[dict]:
    """Every instance of the three regions as the official SDK lists them."""
    models = pytest.importorskip("alibabacloud_ecs20140526.models")
    client_module = pytest.importorskip("alibabacloud_ecs20140526.client")
    openapi = pytest.importorskip("alibabacloud_tea_openapi.models")
    out = []
    for region in REGIONS:
        config = openapi.Config(access_key_id=AK, access_key_secret=SECRET, endpoint=url.removeprefix("http://"),
                                protocol="http", region_id=region)
        client = client_module.Client(config)
        token = None
        while True:
            request = models.DescribeInstancesRequest(region_id=region, max_results=100, next_token=token)
            body = client.describe_instances(request).body.to_map()
            out += body["Instances"]["Instance"]
            token = body.get("NextToken")
            if not token:
                break
    return out


def tag(instance: dict, key: str) -> str | None:
    for t in (instance.get("Tags") or {}).get("Tag", []):
        if t["TagKey"] == key:
            return t["TagValue"]
    return None


def wait_for(fleet: Fleet, ids: list[str], status: str, seconds: float = 30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        rows = fleet.json("status", "--instance-id", *ids)
        if all(r["Status"] == status for r in rows):
            return
        time.sleep(0.3)
    raise AssertionError(f"not all {status}: {rows}")


def check_pipeline_verdicts(p: subprocess.CompletedProcess, region_of: dict[str, str]):
    """Every instance got its own region's verdict: would stop, or skipped with the reason; and the dry run
    exits 0 (an instance not found or a check that failed would make it 1)."""
    rows = json.loads(p.stdout)
    assert {r["InstanceId"]: r["RegionId"] for r in rows} == region_of
    assert all(r["Outcome"] in ("dry-run-passed", "skipped") for r in rows), rows
    assert all(r["Message"] for r in rows if r["Outcome"] == "skipped"), rows
    assert p.returncode == 0, p.stderr
    # One operation for every region.
    assert len({r["Operation"] for r in rows}) == 1


def test_ids_of_every_region_dry_run_each_in_its_own_region(fleet):
    listed = fleet.run("list", "--all-regions", "--status", "Running", "--output", "json").stdout
    region_of = {i["InstanceId"]: i["RegionId"] for i in json.loads(listed)}
    assert set(region_of.values()) == set(REGIONS)
    # The pipeline of `stop --help`, as `jq -r '.[].InstanceId'` leaves it: IDs only, so each one's region is
    # looked up.
    ids = "\n".join(region_of) + "\n"
    check_pipeline_verdicts(fleet.run("stop", "--ids-from", "-", "--dry-run", "--output", "json", stdin=ids), region_of)
    # And straight from `list --output json`: the regions come with the IDs.
    check_pipeline_verdicts(
        fleet.run("stop", "--ids-from", "-", "--dry-run", "--output", "json", stdin=listed), region_of)
    # The generated fleet has locked Running instances: they are in the table as skipped, with the lock named.
    rows = json.loads(fleet.run("stop", "--ids-from", "-", "--dry-run", "--output", "json", stdin=ids).stdout)
    assert any("lock" in r["Message"] or "expired" in r["Message"] for r in rows if r["Outcome"] == "skipped"), rows
    # An ID that is nowhere makes the dry run fail (exit 1), and says so on its row.
    p = fleet.run("stop", "--ids-from", "-", "--dry-run", "--output", "json", stdin=ids + "i-nowhere0000000000\n")
    assert p.returncode == 1, p.stderr
    assert [r["Outcome"] for r in json.loads(p.stdout) if r["InstanceId"] == "i-nowhere0000000000"] == ["failed"]


def test_the_sandbox_pipeline_dry_runs_every_running_instance_and_exits_0(bins, tmp_path):
    """The issue's Done-when, word for word: `ecsfleet --sandbox list --status Running --output json |
    ecsfleet --sandbox stop --ids-from - --dry-run` (and with `jq -r '.[].InstanceId'` between)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ALIBABA_CLOUD_")}
    env.update(HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path / "state"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               CI="true", COLUMNS="200")
    ef = str(bins / "ecsfleet")

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run([ef, "--sandbox", *args], input=stdin, capture_output=True, text=True, env=env,
                              timeout=120)

    listed = run("list", "--status", "Running", "--output", "json")
    assert listed.returncode == 0, listed.stderr
    region_of = {i["InstanceId"]: i["RegionId"] for i in json.loads(listed.stdout)}
    assert len(set(region_of.values())) == 3
    check_pipeline_verdicts(run("stop", "--ids-from", "-", "--dry-run", "--output", "json", stdin=listed.stdout),
                            region_of)
    ids = "".join(i + "\n" for i in region_of)
    check_pipeline_verdicts(run("stop", "--ids-from", "-", "--dry-run", "--output", "json", stdin=ids), region_of)
    # The table form the operator types exits 0 as well.
    assert run("stop", "--ids-from", "-", "--dry-run", stdin=listed.stdout).returncode == 0


def test_the_json_list_feeds_ids_from_without_a_search(fleet):
    listed = fleet.run("list", "--all-regions", "--status", "Running", "--output", "json").stdout
    p = fleet.run("--verbose", "status", "--ids-from", "-", "--output", "json", stdin=listed)
    assert p.returncode == 0, p.stderr
    rows = json.loads(p.stdout)
    assert {r["InstanceId"]: r["RegionId"] for r in rows} == {i["InstanceId"]: i["RegionId"] for i in json.loads(listed)}
    # No DescribeRegions: the regions came with the IDs.
    assert "DescribeRegions" not in p.stderr


def test_instance_id_takes_several_values_and_region_limits_the_search(fleet):
    listed = fleet.json("list", "--all-regions")
    by_region = {r: [i["InstanceId"] for i in listed if i["RegionId"] == r] for r in REGIONS}
    a, b = by_region["cn-shanghai"][0], by_region["ap-southeast-1"][0]
    rows = fleet.json("status", "--instance-id", a, b)
    assert [(r["InstanceId"], r["RegionId"]) for r in rows] == [(a, "cn-shanghai"), (b, "ap-southeast-1")]
    rows = fleet.json("status", "--instance-id", a, "--instance-id", b, "--region", "cn-shanghai", code=1)
    assert [r["Status"] != "NotFound" for r in rows] == [True, False]


def test_where_selects_what_the_sdk_lists_and_undo_brings_it_back(fleet, sim):
    expected = sorted(i["InstanceId"] for i in sdk_instances(sim)
                      if i["Status"] == "Running" and (tag(i, "env") or "").lower() == "dev")
    assert expected
    preview = json.loads(fleet.run("stop", "--where", "tag:env=dev status:running", "--all-regions", "--dry-run",
                                   "--output", "json").stdout)
    assert sorted(r["InstanceId"] for r in preview) == expected
    # Without --yes and without a terminal, a real stop by query is refused.
    refused = fleet.run("stop", "--where", "tag:env=dev status:running", "--all-regions")
    assert refused.returncode == 3, refused.stderr
    p = fleet.run("stop", "--where", "tag:env=dev status:Running", "--all-regions", "--yes", "--wait", "--output", "json")
    rows = json.loads(p.stdout)
    assert sorted(r["InstanceId"] for r in rows) == expected
    stopped = sorted(r["InstanceId"] for r in rows if r["Outcome"] == "stopped")
    operation = rows[0]["Operation"]
    assert all(r["Operation"] == operation for r in rows)
    assert operation in {r["Operation"] for r in fleet.journal()}
    after = {i["InstanceId"]: i["Status"] for i in sdk_instances(sim)}
    assert all(after[i] == "Stopped" for i in stopped)

    dry = fleet.run("journal", "--undo", operation, "--dry-run", "--output", "json")
    assert dry.returncode == 0, dry.stderr
    assert sorted(r["InstanceId"] for r in json.loads(dry.stdout) if r["Outcome"] == "dry-run-passed") == stopped
    undo = fleet.run("journal", "--undo", operation, "--yes", "--wait", "--output", "json")
    assert undo.returncode == 0, undo.stdout + undo.stderr
    undone = json.loads(undo.stdout)
    assert sorted(r["InstanceId"] for r in undone if r["Outcome"] == "started") == stopped
    now = {i["InstanceId"]: i["Status"] for i in sdk_instances(sim)}
    assert all(now[i] == "Running" for i in stopped)
    undo_operation = undone[0]["Operation"]
    begin = [r for r in fleet.journal() if r["Operation"] == undo_operation and r["Event"] == "begin"]
    assert begin and begin[0]["Undoes"] == operation
    # A second undo skips every instance: they were started since, by the first undo.
    again = fleet.run("journal", "--undo", operation, "--yes", "--output", "json")
    rows = json.loads(again.stdout)
    assert again.returncode == 0 and all(r["Outcome"] == "skipped" for r in rows)
    assert all(undo_operation in r["Message"] for r in rows if r["InstanceId"] in stopped)


def test_undo_of_a_start_stops_what_it_started(fleet):
    listed = fleet.json("list", "--all-regions", "--where", "status:stopped")
    ids = [i["InstanceId"] for i in listed if not i.get("OperationLocks", {}).get("LockReason")][:3]
    start = fleet.json("start", "--instance-id", *ids, "--yes", "--wait")
    operation = start[0]["Operation"]
    started = [r["InstanceId"] for r in start if r["Outcome"] == "started"]
    assert started
    p = fleet.run("journal", "--undo", operation, "--yes", "--wait")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "standard options" in p.stderr
    assert f"operation {operation}" not in p.stdout  # the undo is an operation of its own
    wait_for(fleet, started, "Stopped")


def test_operation_ids_are_short_and_the_same_in_table_json_and_journal(fleet):
    listed = fleet.json("list", "--all-regions", "--where", "status:running")
    some = [i["InstanceId"] for i in listed[:2]]
    p = fleet.run("stop", "--instance-id", *some, "--dry-run")
    line = [l for l in p.stdout.splitlines() if "(operation " in l][-1]
    operation = line.split("(operation ")[1].rstrip(")")
    assert len(operation) <= 20 and operation.count("-") == 2
    assert operation in {r["Operation"] for r in fleet.journal()}
    shown = fleet.run("journal", operation)
    assert shown.returncode == 0 and operation in shown.stdout


def test_csv_and_ids_output(fleet):
    p = fleet.run("list", "--all-regions", "--where", "status:running|stopped", "--output", "csv")
    assert p.returncode == 0
    rows = list(csv.DictReader(io.StringIO(p.stdout)))
    assert rows and set(r["Status"] for r in rows) <= {"Running", "Stopped"}
    assert set(r["RegionId"] for r in rows) == set(REGIONS)
    ids = fleet.run("list", "--all-regions", "--where", "status:running|stopped", "--output", "ids").stdout.split()
    assert ids == [r["InstanceId"] for r in rows]
    # `--output ids` lines feed --ids-from.
    status = list(csv.DictReader(io.StringIO(fleet.run("status", "--ids-from", "-", "--output", "csv", stdin="\n".join(ids[:5])).stdout)))
    assert [r["InstanceId"] for r in status] == ids[:5]
    dry = fleet.run("stop", "--instance-id", *ids[:5], "--dry-run", "--output", "csv")
    results = list(csv.DictReader(io.StringIO(dry.stdout)))
    assert [r["InstanceId"] for r in results] == ids[:5]
    assert len({r["Operation"] for r in results}) == 1


def test_status_case_and_bad_queries(fleet):
    assert fleet.run("list", "--all-regions", "--status", "RUNNING", "--output", "ids").returncode == 0
    bad = fleet.run("stop", "--where", "stauts:running", "--all-regions", "--dry-run")
    assert bad.returncode == 2 and "stauts" in bad.stderr
    assert fleet.run("stop", "--where", "status:runing", "--all-regions", "--dry-run").returncode == 2


# ---------------------------------------------------------------------------------------------- the screen (tmux)

class Tmux:
    """A private tmux server whose one pane runs the screen; its stderr and exit status go to files."""

    def __init__(self, tmp: Path):
        self.sock = f"ecsfleet-ops-{os.getpid()}"
        self.tmp = tmp

    def tm(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.sock, *args], capture_output=True, text=True, timeout=20).stdout

    def launch(self, name: str, fleet: Fleet, *args: str):
        env = " ".join(f"{k}='{v}'" for k, v in fleet.env.items() if k.startswith(("ALIBABA_CLOUD_", "HOME", "XDG_")))
        err, status = self.tmp / f"{name}.err", self.tmp / f"{name}.exit"
        command = f"env {env} TERM=xterm-256color LANG=C.UTF-8 {fleet.ef} --endpoint {fleet.url} {' '.join(args)} 2>{err}; " \
                  f"echo $? >{status}; sleep 600"
        self.tm("new-session", "-d", "-s", name, "-x", "140", "-y", "40", command)
        return err, status

    def text(self, name: str) -> str:
        return self.tm("capture-pane", "-p", "-t", name)

    def keys(self, name: str, *keys: str):
        self.tm("send-keys", "-t", name, *keys)

    def poll(self, name: str, check, seconds: float = 20) -> str:
        deadline = time.time() + seconds
        while time.time() < deadline:
            text = self.text(name)
            if check(text):
                return text
            time.sleep(0.2)
        raise AssertionError(f"screen did not show what was expected:\n{self.text(name)}")

    def close(self):
        self.tm("kill-server")


def test_the_screen_says_what_was_in_flight_at_ctrl_c_and_shows_it_at_the_next_launch(bins, tmp_path):
    if not shutil.which("tmux"):
        pytest.skip("needs tmux")
    # A simulator of its own whose stops take long enough to be in flight at the Ctrl-C.
    out = open(tmp_path / "slow.out", "w+")
    proc = subprocess.Popen([str(bins / "ecs-sim"), "--generate", "6", "--seed", "3", "--regions", "cn-hangzhou",
                             "--stop-delay", "60-90", "--access-key-id", AK, "--access-key-secret", SECRET],
                            stdout=out, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    tmux = Tmux(tmp_path)
    try:
        url = ""
        for _ in range(300):
            out.seek(0)
            url = out.readline().strip()
            if url:
                break
            time.sleep(0.1)
        home = tmp_path / "home"
        home.mkdir()
        fleet = Fleet(bins, url, home)
        running = fleet.json("list", "--region", "cn-hangzhou", "--where", "status:running")
        target = next(i["InstanceId"] for i in running if not (i.get("OperationLocks") or {}).get("LockReason"))
        err, status = tmux.launch("s1", fleet, "--region", "cn-hangzhou")
        tmux.poll("s1", lambda t: target in t)
        tmux.keys("s1", "/")
        tmux.tm("send-keys", "-t", "s1", "-l", target)
        tmux.keys("s1", "Enter")
        tmux.poll("s1", lambda t: target in t and "filter" in t.lower())
        tmux.keys("s1", "S")
        tmux.poll("s1", lambda t: "Stop 1 instance" in t)
        tmux.keys("s1", "s")
        tmux.poll("s1", lambda t: "Press y" in t)
        tmux.keys("s1", "y")
        tmux.poll("s1", lambda t: "Stopping 1" in t)
        # Ctrl-C once the call went out (the journal records each send before it is made).
        deadline = time.time() + 15
        while time.time() < deadline and not any(r["Event"] == "send" for r in fleet.journal()):
            time.sleep(0.1)
        tmux.keys("s1", "C-c")
        deadline = time.time() + 15
        while time.time() < deadline and not status.exists():
            time.sleep(0.2)
        assert status.read_text().strip() == "130"
        line = err.read_text().strip().splitlines()[-1]
        operation = [r["Operation"] for r in fleet.journal() if r["Event"] == "begin"][-1]
        assert line == (f"ecsfleet: interrupted; operation {operation} was sent and stays in the journal: "
                        f"run `ecsfleet journal --resume {operation}` to finish it"), err.read_text()
        # The next launch says so.
        tmux.launch("s2", fleet, "--region", "cn-hangzhou")
        tmux.poll("s2", lambda t: "1 operation was interrupted: @ to review" in t)
        # :export writes the visible rows, and keeps an existing file unless :export! is typed.
        export = tmp_path / "fleet.csv"
        for attempt, expected in (("export", "Exported 6 rows"), ("export", "it exists"), ("export!", "Exported 6 rows")):
            tmux.keys("s2", ":")
            tmux.tm("send-keys", "-t", "s2", "-l", f"{attempt} {export}")
            tmux.keys("s2", "Enter")
            tmux.poll("s2", lambda t: expected in t)
        rows = list(csv.DictReader(io.StringIO(export.read_text())))
        assert len(rows) == 6 and rows[0]["InstanceId"].startswith("i-")
        # y copies the cursor's ID through OSC 52: tmux, with set-clipboard on, keeps it as a paste buffer.
        tmux.tm("set-option", "-g", "set-clipboard", "on")
        tmux.keys("s2", "y")
        tmux.poll("s2", lambda t: f"Copied {rows[0]['InstanceId']}" in t)
        assert tmux.tm("show-buffer").strip() == rows[0]["InstanceId"]
        tmux.keys("s2", "q")
        shown = fleet.run("journal", operation)
        assert "INTERRUPTED" in shown.stdout, shown.stdout
    finally:
        tmux.close()
        proc.terminate()
        proc.wait(5)
