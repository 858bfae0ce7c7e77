"""The screen at 80x24 in the sandbox, as an operator uses it with only what help shows: a filter on part of an IP
shows the IP column, `:columns` chooses the columns, `/` in help searches it, and the two daily tasks: stop the
Running prod instances of one region with StopCharging after a preview, and find an instance by part of its IP and
stop it from its details."""

from __future__ import annotations

import re

IP = re.compile(r"\b(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})\b")


def sandbox(screens, name):
    s = screens(name, "--sandbox", cols=80, rows=24, sandbox=True)
    s.wait(lambda v: len(v.ids()) >= 10 and "SANDBOX" in v.lines[0] and v.hints() and "loaded" not in v.lines[1]
           and "Loading" not in v.lines[1], "the sandbox list, loaded", timeout=30)
    return s


def command(s, text):
    s.keys(":")
    s.type(text)
    s.keys("Enter")


def test_80x24_standard_columns_and_a_filter_on_part_of_an_ip(screens):
    s = sandbox(screens, "e1")
    v = s.wait(lambda v: "PRIVATE IP" in v.lines[2] and IP.search(v.lines[3]), "the IP column at 80 columns")
    assert "sort: ID" in v.lines[1], v.text
    ip = IP.search(v.lines[5]).group(1)
    part = ".".join(ip.split(".")[1:])  # e.g. 16.3.21 of 172.16.3.21
    s.keys("/")
    s.type(part)
    s.keys("Enter")
    v = s.wait(lambda v: f"filter: {part}" in v.lines[1] and "PRIVATE IP" in v.lines[2] and v.ids(),
               "the filtered rows with the IP column")
    rows = [line for line in v.lines[3:-1] if line.strip().startswith(("i-", "✓"))]
    assert rows and all(part in line for line in rows), v.text
    assert "sort: ID" in v.lines[1], "the sort stays in the header beside the filter"
    s.keys("q")
    s.wait(lambda v: "EXIT=0" in v.text, "q exits 0", exits=True)


def test_80x24_columns_command(screens):
    s = sandbox(screens, "e2")
    command(s, "columns name,status,ip,zone")
    v = s.wait(lambda v: v.lines[2].split()[:5] == ["NAME", "STATUS", "PRIVATE", "IP", "ZONE"],
               "the chosen columns, in order")
    assert "Columns: name status ip zone" in v.lines[1], v.text
    command(s, "columns default")
    s.wait(lambda v: v.lines[2].split()[0].startswith("ID") and "PRIVATE IP" in v.lines[2], "the standard set again")
    command(s, "columns +tags")
    s.wait(lambda v: "TAGS" in v.lines[2] and "env=" in v.text, "TAGS added")
    s.keys(">")  # the sort walks the columns shown
    s.wait(lambda v: "sort: Name" in v.lines[1] or "NAME▲" in v.lines[2], "> sorts by the next column")
    command(s, "sort tags")
    s.wait(lambda v: "TAGS▲" in v.lines[2], ":sort tags")
    s.keys("q")
    s.wait(lambda v: "EXIT=0" in v.text, "q exits 0", exits=True)


def test_80x24_slash_in_help_searches_it(screens):
    s = sandbox(screens, "e3")
    s.keys("?")
    v = s.wait(lambda v: "Help: keys" in v.text and "/ search" in v.lines[-1], "help, its hint bar offering / search")
    s.keys("/")
    s.type("filter")
    v = s.wait(lambda v: v.lines[-1].startswith("/filter") and "filter" in "\n".join(v.lines[3:-2]),
               "the view at the first match")
    # The current match is highlighted in the cursor's colours (the default theme's blue background), the word alone.
    assert re.search(r"44m(\x1b\[[0-9;]*m)*filter\x1b", "\n".join(v.esc_lines[3:-2])), v.esc
    s.keys("Enter")
    v = s.wait(lambda v: re.search(r"/filter: 1 of \d+ match", v.text) is not None, "the match count")
    s.keys("n")
    s.wait(lambda v: re.search(r"/filter: 2 of \d+ match", v.text) is not None, "n: the next match")
    s.keys("N")
    s.wait(lambda v: re.search(r"/filter: 1 of \d+ match", v.text) is not None, "N: the previous one")
    s.keys("/")
    s.type("zzqq")
    s.wait(lambda v: "/zzqq: no match" in v.text, "no match said")
    s.keys("Escape")
    s.wait(lambda v: "no match" not in v.text and "Help: keys" in v.text, "Esc leaves the search, help stays")
    s.keys("Escape")
    s.wait(lambda v: "Help: keys" not in v.text and v.hints(), "Esc closes help")
    s.keys("q")
    s.wait(lambda v: "EXIT=0" in v.text, "q exits 0", exits=True)


def test_80x24_stop_running_prod_in_one_region_with_stop_charging_after_a_preview(screens):
    s = sandbox(screens, "e4")
    s.keys("/")
    s.type("region:cn-shanghai status:Running tag:env=prod")
    s.keys("Enter")
    v = s.wait(lambda v: "REGION" in v.lines[2] and "TAGS" in v.lines[2] and v.ids(), "the filtered list")
    rows = [line for line in v.lines[3:-1] if " i-" in " " + line]
    assert rows and all("cn-shanghai" in line and "Running" in line for line in rows), v.text
    s.keys("*")
    # Pending and Starting instances of the sandbox may become Running meanwhile: the count is read once marked.

    def all_marked(v):
        m = re.match(r"(\d+) marked", v.lines[1])
        return m and re.search(rf"\b{m.group(1)} of \d+", v.lines[1])

    v = s.wait(all_marked, "every match marked")
    count = int(re.match(r"(\d+) marked", v.lines[1]).group(1))
    s.keys("S")
    s.wait(lambda v: f"Stop {count} instance" in v.text, "the stop dialog")
    s.keys("m", "m")
    s.wait(lambda v: "StoppedMode: StopCharging" in v.text, "StopCharging")
    s.keys("p")
    v = s.wait(lambda v: re.search(r"preview: \d+ dry run passed", v.text) is not None, "the preview", timeout=30)
    s.keys("s")
    v = s.wait(lambda v: "Press y to stop" in v.text or re.search(r"Type \d+ and Enter", v.text), "the confirmation")
    typed = re.search(r"Type (\d+) and Enter", v.text)
    if typed:
        s.type(typed.group(1))
        s.keys("Enter")
    else:
        s.keys("y")
    sent = int(typed.group(1)) if typed else int(re.search(r"Press y to stop (\d+)", v.text).group(1))
    s.wait(lambda v: re.search(rf"Stopping {sent}: {sent} done", v.text) is not None or "stop finished" in v.text,
           "the stop done", timeout=60)
    s.keys("q", "q")
    s.wait(lambda v: "EXIT=0" in v.text, "q exits 0", exits=True)


def test_80x24_find_an_instance_by_part_of_its_ip_and_stop_it_from_its_details(screens):
    s = sandbox(screens, "e5")
    s.keys("/")
    s.type("status:Running")
    s.keys("Enter")
    v = s.wait(lambda v: "filter: status:Running" in v.lines[1] and v.ids() and IP.search(v.lines[3]),
               "Running instances with their IPs")
    ip = IP.search(v.lines[3]).group(1)
    iid = v.ids()[0]
    s.keys("/", "C-u")
    s.type(ip.split(".", 1)[1])
    s.keys("Enter")
    v = s.wait(lambda v: iid in v.ids() and "PRIVATE IP" in v.lines[2], "found by part of its IP, the IP shown")
    s.keys(*(["j"] * v.ids().index(iid)))
    s.keys("Enter")
    s.wait(lambda v: f"─ {iid} ─" in v.text and "[q] Close" in v.text and ip in v.text, "its details")
    s.keys("S")
    s.wait(lambda v: "Stop 1 instance" in v.text and iid in v.text, "the stop dialog for it")
    s.keys("s")
    s.wait(lambda v: "Press y to stop 1 instance" in v.text, "y asked")
    s.keys("y")
    s.wait(lambda v: re.search(r"Stopping 1: 1 done", v.text) is not None or "stop finished" in v.text,
           "it stopped", timeout=60)
    s.keys("q", "q")
    s.wait(lambda v: "EXIT=0" in v.text, "q exits 0", exits=True)


def test_80x24_columns_from_the_config_file(screens, operator):
    """`columns = "..."` in config.toml is the column set at start; a column name that is none is refused."""
    config = operator.root / "sandbox" / "home" / ".config" / "ecsfleet" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    try:
        config.write_text('columns = "name,status,ip"\n', encoding="utf-8")
        s = screens("e6", "--sandbox", cols=80, rows=24, sandbox=True)
        s.wait(lambda v: v.lines[2].split()[:4] == ["NAME", "STATUS", "PRIVATE", "IP"] and IP.search(v.lines[3])
               and v.hints(), "the configured columns", timeout=30)
        s.keys("q")
        s.wait(lambda v: "EXIT=0" in v.text, "q exits 0", exits=True)
        config.write_text('columns = "name,colour"\n', encoding="utf-8")
        s = screens("e7", "--sandbox", cols=80, rows=24, sandbox=True)
        s.wait(lambda v: "EXIT=2" in v.text and "columns: No column 'colour'" in v.text, "the bad name refused",
               timeout=30, exits=True)
    finally:
        config.unlink(missing_ok=True)
