"""The interactive screen, a whole tour in one session at 120x40 against the screen's fleet: filter, mark, preview,
stop with a typed count, the journal behind it, resizing, CJK and hostile names, help, and Ctrl-C. The tests run in
order on one screen; each waits for what it expects with a deadline."""

from __future__ import annotations

import re

import pytest

PROD_RUNNING = sorted([f"i-tuia{n:02d}" for n in range(1, 17)] + ["i-tuicjk01", "i-tuiesc01", "i-tuisec01"])
TEN = [f"i-tuia{n:02d}" for n in range(1, 11)]
# A red foreground in capture-pane -e output.
RED = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:31|91|38;5;(?:1|9|160|196))m")
# The column header ends with a whole column name (a crop of a wider layout would not).
COLUMN_HEADER = re.compile(r"(ID|NAME|STATUS|LAST OPERATION|TYPE|ZONE|PRIVATE IP|PUBLIC/EIP|CHARGE|ECO|LOCK|TAGS|REGION)$")


class Tour:
    def __init__(self, screen):
        self.screen, self.up = screen, False


@pytest.fixture(scope="module")
def tour(screens, screen_sim):
    return Tour(screens("s1", "--endpoint", screen_sim.url, "--region", "cn-hangzhou"))


@pytest.fixture
def s(tour):
    """The tour's screen, once the list came up."""
    if not tour.up:
        pytest.fail("skipped: the first screen never came up", pytrace=False)
    return tour.screen


def test_01_list_appears_with_profile_region_and_counts(tour):
    tour.screen.wait(lambda v: len(v.ids()) == 23 and "environment" in v.lines[0] and "cn-hangzhou" in v.lines[0]
                     and "22 Running" in v.lines[0] and "1 Stopped" in v.lines[0] and v.hints(),
                     "the list, 23 instances, 'environment', 'cn-hangzhou', '22 Running', '1 Stopped'", timeout=30)
    tour.up = True


def test_02_filter_by_tag_and_status(s):
    """/tag:env=prod status:Running + Enter: only the 19 prod Running instances, '19 of 23'."""
    s.keys("/")
    s.wait(lambda v: "Enter keeps" in v.text or v.lines[1].startswith("/"), "the filter line")
    s.type("tag:env=prod status:Running")
    s.keys("Enter")
    s.wait(lambda v: "19 of 23" in v.lines[1] and "tag:env=prod status:Running" in v.lines[1]
           and sorted(v.ids()) == PROD_RUNNING
           and all("Running" in line for line in v.lines if re.match(r"^\W*i-tui", line)),
           "'19 of 23' and only the prod Running instances")


def test_03_space_ten_times_marks_the_first_ten(s):
    for _ in range(10):
        s.keys("Space")
    s.wait(lambda v: v.lines[1].startswith("10 marked")
           and sorted(m.group(1) for m in (re.match(r"^\S\s+(i-\w+)", line) for line in v.lines) if m) == TEN,
           "'10 marked', the first ten")


def test_04_p_previews_the_stop_of_the_ten(s):
    """P opens the stop dialog straight into a preview: all ten targets 'dry run passed'."""
    s.keys("P")
    s.wait(lambda v: "Stop 10 instances" in v.text
           and sorted(re.search(r"(i-tuia\d\d)", line).group(1) for line in v.lines
                      if "dry run passed" in line and re.search(r"i-tuia\d\d", line)) == TEN
           and "preview: 10 dry run passed, 0 failed" in v.text, "the preview of ten", timeout=20)


def test_05_stopped_mode_and_batch_options(s):
    """m m b: StoppedMode StopCharging, BatchOptimization SuccessFirst, 1 not eligible (the PrePaid target)."""
    s.keys("m", "m", "b")
    s.wait(lambda v: "StoppedMode: StopCharging" in v.text and "BatchOptimization: SuccessFirst" in v.text
           and re.search(r"StopCharging\s+1 not eligible", v.text) is not None
           and any(re.match(r"^[│|] i-tuia01 .*PrePaid", line) for line in v.lines), "the options and the note")


def test_06_typed_count_stops_the_ten_live(s):
    """s, type 10, Enter: results 'Stopping 10:' live (in flight, per-instance Stopping), then '10 done'."""
    s.keys("s")
    s.wait(lambda v: "Type 10 and Enter" in v.text, "the typed confirmation")
    s.type("10")
    s.keys("Enter")
    s.wait(lambda v: re.search(r"Stopping 10: \d+ done, \d+ failed, [1-9]\d* in flight", v.text) is not None
           and any(re.search(r"^i-tuia\d\d\s.*\sStopping\s", line) for line in v.lines),
           "the live state: in flight, instances Stopping", timeout=15)
    # One region: the results show no REGION column (the header names it).
    s.wait(lambda v: "Stopping 10: 10 done, 0 failed, 0 in flight" in v.text
           and sorted(re.match(r"(i-tuia\d\d)", line).group(1) for line in v.lines
                      if re.match(r"^i-tuia\d\d\s+web-a\d\d\s+Stopped\s", line)) == TEN,
           "'10 done, 0 failed', the ten Stopped", timeout=30)


def test_07_the_api_and_journal_agree(operator, screen_sim):
    """The ten Stopped (StopCharging; the PrePaid one not), the others Running, the journal's one stop
    operation with begin/send/answer/end and the ten IDs sent."""
    r = operator.at(screen_sim.url).run("list", "--output", "json", timeout=60)
    d = r.by_id()
    for n in range(1, 11):
        i = d[f"i-tuia{n:02d}"]
        want = ("Not-applicable", "KeepCharging") if n == 1 else ("StopCharging",)
        assert i["Status"] == "Stopped" and i.get("StoppedMode") in want, i
    assert all(d[f"i-tuia{n:02d}"]["Status"] == "Running" for n in range(11, 17)), "not targets"
    ops = {}
    for rec in operator.records():
        ops.setdefault(rec["Operation"], []).append(rec)

    def is_the_stop(recs):
        sends = [x.get("Parameters", {}) for x in recs if x["Event"] == "send"]
        return sends and all(p.get("StoppedMode") == "StopCharging" and p.get("BatchOptimization") == "SuccessFirst"
                             and "DryRun" not in p for p in sends)

    stops = [recs for recs in ops.values() if is_the_stop(recs)]
    assert len(stops) == 1, f"operations sending StopCharging/SuccessFirst without DryRun: {list(ops)}"
    events = [x["Event"] for x in stops[0]]
    assert all(e in events for e in ("begin", "send", "answer", "end")) and events[0] == "begin" and events[-1] == "end", events
    sent = sorted(v for x in stops[0] if x["Event"] == "send" for p, v in x["Parameters"].items()
                  if p.startswith("InstanceId."))
    assert sent == TEN


RESIZES = [
    ("list", None, lambda v: "PRIVATE IP" in v.lines[2] and v.ids() and v.hints()),
    ("80x24", (80, 24), lambda v: (v.cols, v.rows, len(v.lines)) == (80, 24, 24) and v.hints()
     and v.width(v.lines[-1]) <= 80 and "cn-hangzhou" in v.lines[0] and v.lines[2].lstrip().startswith("ID")
     and COLUMN_HEADER.search(v.lines[2]) and v.ids()),
    ("200x60", (200, 60), lambda v: (v.cols, v.rows, len(v.lines)) == (200, 60, 60) and v.hints()
     and "TAGS" in v.lines[2] and "ZONE" in v.lines[2] and COLUMN_HEADER.search(v.lines[2]) and v.ids()),
    ("50x12", (50, 12), lambda v: (v.cols, v.rows) == (50, 12) and "need 60x15" in v.text and not v.ids()),
    ("120x40", (120, 40), lambda v: (v.cols, v.rows, len(v.lines)) == (120, 40, 40) and v.hints()
     # The filter's tag: token keeps TAGS (why the rows match) where PUBLIC/EIP would be.
     and "PRIVATE IP" in v.lines[2] and "TAGS" in v.lines[2] and "need 60x15" not in v.text
     and v.lines[1].startswith("10 marked") and v.ids()),
]


def test_08_resizes_relay_the_screen_out(s):
    """Back to the list, then 80x24 / 200x60 / 50x12 (too small) / 120x40: re-laid out each time."""
    s.keys("Escape")
    for label, size, condition in RESIZES:
        if size:
            s.resize(*size)
        s.wait(condition, f"the layout at {label}")


def test_09_cjk_name_whole_and_aligned(s):
    """STATUS and the IP columns at the same display column on the CJK row as on ASCII rows."""
    v = s.wait(lambda v: "i-tuicjk01" in v.text and "i-tuia11" in v.text, "the CJK row and an ASCII row")
    c, a = v.row("i-tuicjk01"), v.row("i-tuia11")
    assert "生产-网关-数据库" in c, c
    for sub in ("Running", "172.16."):
        assert v.dcol(c, sub) == v.dcol(a, sub) >= 0, f"{sub!r}: CJK row {c!r}, ASCII row {a!r}"
    assert v.width(c) == v.width(a), (c, a)


def test_09b_escape_sequences_in_a_name_never_reach_the_terminal(s):
    """U+FFFD shown, the row not red (the next row's red SECURITY is its own), the title unchanged."""
    def clean(v):
        i = v.row_index("i-tuiesc01")
        return (i >= 0 and "\ufffd" in v.row("i-tuiesc01") and "red" in v.row("i-tuiesc01")
                and not RED.search(v.esc_lines[i])
                and not RED.search(re.sub(r"(?:\x1b\[[0-9;]*m)+SECURITY", "", v.esc_lines[i + 1]))
                and "pwned" not in v.title and "pwned" in v.row("i-tuiesc01"))

    s.wait(clean, "the escape-named row shown inert")


def test_10_help_opens_and_closes(s):
    s.keys("?")
    s.wait(lambda v: "mark or unmark" in v.text and "Help" in v.text, "the help")
    s.keys("Escape")
    s.wait(lambda v: "mark or unmark" not in v.text and "Help: keys" not in v.text and v.ids() and v.hints(),
           "Esc closes the help")


def test_10b_help_over_the_stop_dialog(s):
    """? over the stop dialog: its keys first, PgDn scrolls (more above and below), Esc returns to the same
    dialog, c cancels it."""
    s.keys("S")
    s.wait(lambda v: "Stop 10 instances" in v.text, "the stop dialog")
    s.keys("f")
    s.wait(lambda v: "ForceStop: ON" in v.text, "ForceStop on")
    s.keys("?")
    s.wait(lambda v: "Help: keys" in v.text and 0 <= v.row_index("Stop / start dialog") < v.row_index("Instance list")
           and re.search(r"1-\d+ of \d+ ↓ more", v.text) is not None and v.lines[-1].startswith(" j/k scroll"),
           "the help, the dialog's keys first")
    s.keys("PgDn")
    s.wait(lambda v: "Stop / start dialog" not in v.text and re.search(r"\d+-\d+ of \d+ ↑↓ more", v.text) is not None,
           "PgDn scrolls the help")
    s.keys("Escape")
    s.wait(lambda v: "Help: keys" not in v.text and "Stop 10 instances" in v.text and "ForceStop: ON" in v.text
           and "f force" in v.lines[-1], "Esc returns to the dialog as it was")
    s.keys("c")
    s.wait(lambda v: "Stop 10 instances" not in v.text and v.ids() and v.hints(), "c cancels the dialog")


def test_11_ctrl_c_quits_with_130_and_a_sane_terminal(s):
    """Exit 130 at once; icanon and echo back on; the alternate screen left."""
    s.keys("C-c")
    s.wait(lambda v: "EXIT=130" in v.text and re.search(r"(?<![-\w])icanon\b", v.text) is not None
           and re.search(r"(?<![-\w])echo\b", v.text) is not None and not v.ids(), "EXIT=130 and stty sane",
           timeout=15, exits=True)
    assert s.alternate_on() == "0"
