"""The screen's part of issue 11's Done-when, against a three-region ecs-sim whose stops take several seconds:
filter `tag:env=dev status:Running`, mark, stop with the dialog, Ctrl-C while the stop is in flight (the line on
stderr after the terminal is restored), relaunch (the banner), `@`, `r` (the results view follows the stop to
Stopped, nothing sent again), then `u` in the journal (the start dialog, "undo of <operation>"), confirmed: the
instances are Running again, as the official SDK sees them."""

from __future__ import annotations

import re
import time

import pytest

REGIONS = ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"]
QUERY = "tag:env=dev status:Running"


def sdk_statuses(sim, operator) -> dict[str, str]:
    """Every instance's status in the three regions, as the official SDK lists them."""
    models = pytest.importorskip("alibabacloud_ecs20140526.models")
    client_module = pytest.importorskip("alibabacloud_ecs20140526.client")
    openapi = pytest.importorskip("alibabacloud_tea_openapi.models")
    out = {}
    for region in REGIONS:
        config = openapi.Config(access_key_id=operator.access_key_id, access_key_secret=operator.access_key_secret,
                                endpoint=sim.netloc, protocol="http", region_id=region)
        client = client_module.Client(config)
        token = None
        while True:
            body = client.describe_instances(
                models.DescribeInstancesRequest(region_id=region, max_results=100, next_token=token)).body.to_map()
            out.update({i["InstanceId"]: i["Status"] for i in body["Instances"]["Instance"]})
            token = body.get("NextToken")
            if not token:
                break
    return out


def sent_regions(operator) -> set[str]:
    """The regions the journal has a real call sent to."""
    return {r.get("RegionId", "") for r in operator.records()
            if r["Event"] == "send" and "DryRun" not in r.get("Parameters", {})}


def confirm(s, verb: str, n: int):
    """Confirms the open dialog: `y` under 10 targets, the typed count from 10 on."""
    s.keys("s")
    v = s.wait(lambda v: f"Press y to {verb}" in v.text or f"Type {n} and Enter" in v.text, f"the {verb} question")
    if f"Press y to {verb}" in v.text:
        s.keys("y")
    else:
        s.type(str(n))
        s.keys("Enter")


def test_stop_ctrl_c_relaunch_resume_and_undo_from_the_screen(screens, e2e_sims, operator):
    sim = e2e_sims("--generate", "60", "--seed", "11", "--regions", ",".join(REGIONS),
                   delays=("--stop-delay", "8-10", "--start-delay", "0.3-0.6"))
    cli = operator.at(sim.url)
    # What a stop of the query will stop: the Running env=dev instances the preflight lets through (locked or
    # expired ones are skipped), each in its own region.
    preview = cli.raw("--endpoint", sim.url, "stop", "--where", QUERY, "--all-regions", "--dry-run", "--output", "json")
    assert preview.rc == 0, preview
    targets = {r["InstanceId"]: r["RegionId"] for r in preview.json()}
    will_stop = sorted(r["InstanceId"] for r in preview.json() if r["Outcome"] == "dry-run-passed")
    assert will_stop and len(set(targets.values())) > 1, preview.out
    before = sdk_statuses(sim, operator)
    assert all(before[i] == "Running" for i in targets)

    s = screens("ops1", "--endpoint", sim.url, "--all-regions", cols=160, rows=50)
    s.wait(lambda v: len(v.ids()) >= 20 and v.hints(), "the list of the three regions", timeout=30)
    s.keys("/")
    s.type(QUERY)
    s.keys("Enter")
    s.wait(lambda v: set(v.ids()) == set(targets), f"the rows of {QUERY}", timeout=15)
    s.keys("*")
    s.wait(lambda v: v.lines[1].startswith(f"{len(targets)} marked"), "every row marked")
    s.keys("S")
    s.wait(lambda v: re.search(rf"Stop {len(targets)} instances?\b", v.text) is not None, "the stop dialog")
    confirm(s, "stop", len(will_stop))
    s.wait(lambda v: f"Stopping {len(will_stop)}" in v.text, "the stop in flight")
    # Ctrl-C once every region's call went out (the journal records each send before it is made).
    regions = {targets[i] for i in will_stop}
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and len(sent_regions(operator)) < len(regions):
        time.sleep(0.1)
    operation = operator.last_operation()
    s.keys("C-c")
    v = s.wait(lambda v: "EXIT=130" in v.text, "Ctrl-C exits 130", timeout=15, exits=True)
    # After the terminal is restored: what was sent, and the command that finishes it.
    line = (f"ecsfleet: interrupted; operation {operation} was sent and stays in the journal: "
            f"run `ecsfleet journal --resume {operation}` to finish it")
    assert line in v.text.replace("\n", ""), v.text
    assert not any(r["Event"] == "end" for r in operator.records() if r["Operation"] == operation)

    # The relaunch says so; @ opens the journal on the interrupted operation, selected.
    s2 = screens("ops2", "--endpoint", sim.url, "--all-regions", cols=160, rows=50)
    s2.wait(lambda v: "1 operation was interrupted: @ to review" in v.text, "the banner", timeout=30)
    s2.keys("@")
    s2.wait(lambda v: "INTERRUPTED (r resumes it)" in v.row("▸ ") and operation in v.row("▸ "),
            "the interrupted operation selected in the journal")
    sends = sum(1 for r in operator.records() if r["Event"] == "send")
    # r: the results view follows it until every instance is Stopped; nothing is sent again.
    s2.keys("r")
    s2.wait(lambda v: f"Resuming stop {operation}" in v.text, "the resume starts")
    s2.wait(lambda v: "stop finished" in v.lines[1], "the resumed stop finished", timeout=40)
    v = s2.last
    assert all("Stopped" in v.row(i) for i in will_stop), v.text
    assert sum(1 for r in operator.records() if r["Event"] == "send") == sends, "a resume sends nothing"
    assert any(r["Event"] == "end" for r in operator.records() if r["Operation"] == operation)
    after_stop = sdk_statuses(sim, operator)
    assert [i for i in will_stop if after_stop[i] != "Stopped"] == []

    # u on the operation in the journal: the start dialog for what it stopped, as the undo of it.
    s2.keys("q", "@")
    s2.wait(lambda v: operation in v.row("▸ ") and "INTERRUPTED" not in v.text, "the journal, the stop ended")
    s2.keys("u")
    s2.wait(lambda v: re.search(rf"Start {len(will_stop)} instances?, undo of {operation}", v.text) is not None,
            "the start dialog, undo of the stop")
    confirm(s2, "start", len(will_stop))
    s2.wait(lambda v: "start finished" in v.lines[1], "the undo finished", timeout=40)
    undo = operator.last_operation()
    assert undo != operation
    begin = [r for r in operator.records() if r["Operation"] == undo and r["Event"] == "begin"]
    assert begin and begin[0]["Undoes"] == operation
    now = sdk_statuses(sim, operator)
    assert [i for i in will_stop if now[i] != "Running"] == []
    # Nothing else changed: every other Running or Stopped instance is as it was before the stop.
    settled = {i: st for i, st in before.items() if i not in will_stop and st in ("Running", "Stopped")}
    assert {i: now[i] for i in settled} == settled
    s2.keys("q")  # the results view of the undo, back to the list
    s2.wait(lambda v: v.hints(), "the list")
    s2.keys("q")
    s2.wait(lambda v: "EXIT=0" in v.text, "q exits 0", exits=True)
