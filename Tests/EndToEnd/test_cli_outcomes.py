"""The review fleet: the exit status of stop and start (0 only when every instance is where it was asked to be; for
a dry run, when every instance was found and has its verdict),
and the notes on what a stop will really do (standard mode, SuccessFirst dry runs)."""

from __future__ import annotations

import re

import pytest

EXIT_STATUS = [
    (0, "stop of an instance already Stopped (skipped, already there)", "stop --instance-id i-rvstopped01"),
    (0, "stop --dry-run of an instance already Stopped", "stop --instance-id i-rvstopped01 --dry-run"),
    (1, "stop of a Stopping instance (skipped, not Stopped)", "stop --instance-id i-rvstopping01"),
    # A dry run answers "what would happen?": 0 when every instance has its answer, a skip with its reason included.
    (0, "stop --dry-run of a Stopping instance (answered: skipped, with the reason)",
     "stop --instance-id i-rvstopping01 --dry-run"),
    (1, "stop --dry-run of an instance that does not exist", "stop --instance-id i-rvnothere99 --dry-run"),
    (1, "stop of a Pending instance (skipped, InstanceNotReady)", "stop --instance-id i-rvpend01"),
    (1, "stop of a Starting instance", "stop --instance-id i-rvstarting01"),
    (0, "stop of a Stopped instance with a financial lock (already Stopped: the lock is named, the stop is reached)",
     "stop --instance-id i-rvstopfin01"),
    (1, "start of a Starting instance (skipped, not Running yet)", "start --instance-id i-rvstarting01"),
    (0, "start --dry-run of a Stopped instance with a financial lock (answered: skipped for the lock)",
     "start --instance-id i-rvstopfin01 --dry-run"),
    (0, "start --dry-run of a Running instance (already there)", "start --instance-id i-rvrun01 --dry-run"),
]


@pytest.mark.parametrize("want,what,args", EXIT_STATUS, ids=[a for _, _, a in EXIT_STATUS])
def test_exit_status_of_stop_and_start(review, want, what, args):
    r = review.run(*args.split(), "--yes", "--output", "json")
    assert r.rc == want, f"{what}: want exit {want}\n{r!r}"


STANDARD = ("stop", "--instance-id", "i-rvrun01", "--instance-id", "i-rvsub01", "--instance-id", "i-rvdisk01",
            "--stopped-mode", "StopCharging", "--dry-run")


def test_stop_charging_note_names_who_stops_in_standard_mode_and_why(review):
    """Table: a note names the 2 instances that would stop in standard mode and keep charging, and why."""
    r = review.run(*STANDARD)
    notes = [line for line in r.out.splitlines() if line.startswith("note:")]
    assert r.rc == 0, r
    assert re.search(r"^note: 2 instances would stop in standard mode and keep charging", r.out, re.M), r
    assert any("i-rvsub01" in n for n in notes) and "local disks: i-rvdisk01" in r.out, r
    assert not any("i-rvrun01" in n for n in notes), r


def test_stop_charging_note_goes_to_stderr_with_json(review):
    r = review.run(*STANDARD, "--output", "json")
    assert r.rc == 0 and "standard mode" in r.err and "i-rvsub01" in r.err and "i-rvdisk01" in r.err, r
    assert "standard mode" not in r.out and len(r.json()) == 3, r


def test_success_first_dry_run_note_on_stderr_json_on_stdout(review):
    r = review.run("stop", "--instance-id", "i-rvrun01", "--instance-id", "i-rvsub01", "--batch", "SuccessFirst",
                   "--dry-run", "--output", "json")
    assert r.rc == 0 and "SuccessFirst dry run" in r.err, r
    assert [x["Outcome"] for x in r.json()] == ["dry-run-passed", "dry-run-passed"], r


def test_review_simulator_started(review):
    assert review.endpoint.startswith("http://")
