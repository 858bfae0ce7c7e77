"""The interactive screen, one short session each: the start dialog and the quit question, read-only mode, Ctrl-C
while a stop is in flight (and journal --resume after it), no terminal at all, the sandbox at 80x24, and the
screen's log."""

from __future__ import annotations

import re
import time

ARGS = ("--region", "cn-hangzhou")


def test_12a_start_dialog_and_the_quit_question(screens, screen_sim):
    """W start for the stopped one: y confirms; q while in flight asks (n stays); q afterwards exits 0."""
    s = screens("s2", "--endpoint", screen_sim.url, *ARGS)
    s.wait(lambda v: len(v.ids()) == 23 and v.hints() and "Stopped" in v.row("i-tuistop01"), "the list", timeout=30)
    s.keys("G", "Space")  # i-tuistop01, last by ID and Stopped in the fleet file
    s.wait(lambda v: v.lines[1].startswith("1 marked"), "'1 marked'")
    s.keys("W")
    s.wait(lambda v: "Start 1 instance" in v.text, "the start dialog")
    s.keys("s")
    s.wait(lambda v: re.search(r"Press y to start 1 instances?\b", v.text) is not None, "'Press y to start'")
    s.keys("y")
    s.wait(lambda v: re.search(r"Starting 1: \d+ done, \d+ failed, [1-9]\d* in flight", v.text) is not None,
           "the start in flight")
    s.keys("q", "q")  # back to the list, then quit while the start is in flight (it takes 0.5-1 s)
    s.wait(lambda v: "Quit?" in v.text, "the quit question while the start is in flight")
    s.keys("n")
    # Finished: the instance Running and the operation over ("start finished" comes with its end).
    s.wait(lambda v: "Quit?" not in v.text and "Running" in v.row("i-tuistop01") and "start finished" in v.lines[1],
           "after n: the start finished, the screen still up", timeout=20)
    s.keys("q")
    s.wait(lambda v: "EXIT=0" in v.text, "q with nothing in flight exits 0", exits=True)


def test_12b_read_only_mode(screens, screen_sim):
    """READ-ONLY in the header, S/W hints greyed, S opens no stop dialog but says why, :readonly off is refused,
    q exits 0."""
    s = screens("s3", "--readonly", "--endpoint", screen_sim.url, *ARGS)
    s.wait(lambda v: len(v.ids()) == 23 and "READ-ONLY" in v.lines[0] and v.hints()
           and re.search(r"\x1b\[2mS\x1b\[0m", v.esc_lines[len(v.lines) - 1]) is not None
           and re.search(r"\x1b\[2mW\x1b\[0m", v.esc_lines[len(v.lines) - 1]) is not None,
           "READ-ONLY and greyed S/W hints", timeout=30)
    # S then /: the filter line opens only if S left the screen in the list (a dialog has no binding for /).
    s.keys("S", "/")
    s.wait(lambda v: "Enter keeps" in v.text and not re.search(r"(Stop|Start) \d+ instance", v.text),
           "no dialog after S: / opened the filter")
    s.keys("Escape")
    s.wait(lambda v: "Enter keeps" not in v.text and v.ids() and v.hints(), "the list again")
    s.keys("S")
    s.wait(lambda v: "S (stop) is disabled: read-only mode (started with --readonly)" in v.lines[1], "why S is disabled")
    s.keys(":")
    s.type("readonly off")
    s.keys("Enter")
    s.wait(lambda v: "Started with --readonly" in v.lines[1] and "READ-ONLY" in v.lines[0], ":readonly off refused")
    s.keys("q")
    s.wait(lambda v: "EXIT=0" in v.text, "q exits 0", exits=True)


def test_12c_ctrl_c_while_a_stop_is_in_flight(screens, e2e_sims, operator):
    """Exit 130; the journal keeps the stop unfinished (INTERRUPTED); journal --resume ends it Stopped."""
    import fleet as fleets

    sim = e2e_sims("--seed", "7", fleet=fleets.screen_fleet(), delays=("--stop-delay", "3-4", "--start-delay", "0.5-1"))
    s = screens("s5", "--endpoint", sim.url, *ARGS)
    s.wait(lambda v: len(v.ids()) == 23 and v.hints() and v.ids()[0] == "i-tuia01", "the list", timeout=30)
    s.keys("S")
    s.wait(lambda v: "Stop 1 instance" in v.text, "the stop dialog")
    s.keys("s")
    s.wait(lambda v: "Press y to stop 1 instance" in v.text, "'Press y to stop'")
    s.keys("y")
    s.wait(lambda v: re.search(r"Stopping 1: 0 done, 0 failed, 1 in flight", v.text) is not None
           and re.search(r"accepted|Stopping", v.row("i-tuia01")) is not None, "the stop in flight")
    s.keys("C-c")
    s.wait(lambda v: "EXIT=130" in v.text, "Ctrl-C exits 130", timeout=15, exits=True)
    ops = {}
    for rec in operator.records():
        ops.setdefault(rec["Operation"], []).append(rec)
    events = [r["Event"] for r in list(ops.values())[-1]]
    assert "end" not in events and "send" in events, f"the interrupted stop in the journal: {events}"
    here = operator.at(sim.url)
    journal = here.raw("journal")
    assert "INTERRUPTED" in journal.out, journal
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and here.status_of("i-tuia01") != "Stopped":
        time.sleep(0.2)
    resumed = here.run("journal", "--resume")
    assert resumed.rc == 0 and "1 stopped" in resumed.out, resumed
    after = here.raw("journal")
    assert "INTERRUPTED" not in after.out, after


def test_13_no_subcommand_without_a_terminal_exits_2(operator, screen_sim):
    r = operator.at(screen_sim.url).run(timeout=30)
    assert r.rc == 2 and "subcommand" in r.err.lower() and "\x1b" not in r.out + r.err, r


def test_14_sandbox_at_80x24_without_credentials(screens):
    """--sandbox, no credentials, HOME in a folder of its own: the list appears with a SANDBOX badge."""
    s = screens("s4", "--sandbox", cols=80, rows=24, sandbox=True)
    s.wait(lambda v: len(v.ids()) >= 10 and "SANDBOX" in v.lines[0] and v.hints() and len(v.lines) == 24,
           "the sandbox list", timeout=30)
    # A mistyped region is refused, naming the sandbox's regions, as a listed account does.
    s.keys(":")
    s.type("region cn-shanhai")
    s.keys("Enter")
    s.wait(lambda v: "No region cn-shanhai" in v.text and "cn-hangzhou" in v.text, "the typo refused", timeout=10)
    s.keys("q")
    s.wait(lambda v: "EXIT=0" in v.text, "q exits 0", exits=True)


def test_15_the_screens_log_has_no_secret_and_no_crash(operator):
    log = operator.state / "ecsfleet" / "ecsfleet.log"
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    assert text, f"{log} is written"
    assert operator.access_key_secret not in text
    assert not re.search(r"fatal error|stack trace|backtrace|Segmentation|Illegal instruction", text, re.I), text[-2000:]
