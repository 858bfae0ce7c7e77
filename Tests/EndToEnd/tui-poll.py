#!/usr/bin/env python3
"""Polls a tmux pane until a condition on its text holds (helper of Tests/EndToEnd/tui.sh).

    tui-poll.py SOCKET TARGET SECONDS EXPR [PANE-FILE]

Every 0.1 s captures the pane (`tmux -L SOCKET capture-pane -p`, and with `-e` when EXPR uses `esc`) and evaluates
the Python expression EXPR with these names:

    text    the pane text (str), lines: its lines (list of str, right-stripped), rows/cols: the pane size
    esc     the pane text with colour escapes (capture-pane -e), esc_lines its lines
    title   the pane title
    width(s)            display width of s (East Asian Wide/Fullwidth count 2, combining marks 0)
    dcol(line, sub)     display column where sub starts in line (-1 if absent)
    row(sub)            the first line containing sub ('' if none)
    row_index(sub)      its index (-1 if none)
    ids()               instance IDs (i-...) at the start of list rows, in screen order
    re                  the re module

Exits 0 (silently) as soon as EXPR is true, 1 at the deadline (or at once when the pane is gone, or shows
`EXIT=N` while EXPR does not mention EXIT), printing the last pane text (and the error EXPR
raised, if any) for the report.
The last capture is written to PANE-FILE if given (so the caller can inspect it after success too).
"""

import re
import subprocess
import sys
import time
import unicodedata


def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def dcol(line, sub):
    i = line.find(sub)
    return -1 if i < 0 else width(line[:i])


def tmux(socket, *args):
    r = subprocess.run(["tmux", "-u", "-L", socket, *args], capture_output=True, timeout=10)
    if r.returncode != 0:
        raise RuntimeError("tmux " + " ".join(args) + ": " + r.stderr.decode("utf-8", "replace").strip())
    return r.stdout.decode("utf-8", "replace")


def main():
    socket, target, seconds, expr = sys.argv[1:5]
    pane_file = sys.argv[5] if len(sys.argv) > 5 else None
    code = compile(expr, "<condition>", "eval")
    wants_esc = "esc" in expr
    deadline = time.monotonic() + float(seconds)
    text, esc, error = "", "", None
    while True:
        try:
            text = tmux(socket, "capture-pane", "-p", "-t", target)
            esc = tmux(socket, "capture-pane", "-p", "-e", "-t", target) if wants_esc else ""
            size = tmux(socket, "display-message", "-p", "-t", target, "#{pane_width} #{pane_height}").split()
            title = tmux(socket, "display-message", "-p", "-t", target, "#{pane_title}").rstrip("\n") if "title" in expr else ""
            lines = [l.rstrip() for l in text.split("\n")]
            if lines and lines[-1] == "" and text.endswith("\n"):
                lines = lines[:-1]

            def row(sub):
                return next((l for l in lines if sub in l), "")

            def row_index(sub):
                return next((i for i, l in enumerate(lines) if sub in l), -1)

            def ids():
                out = []
                for l in lines:
                    m = re.match(r"^[ ✓*>│|]*\s*(i-[a-z0-9]+)\s", l)
                    if m:
                        out.append(m.group(1))
                return out

            env = {
                "text": text, "lines": lines, "esc": esc, "esc_lines": esc.split("\n"), "title": title,
                "cols": int(size[0]), "rows": int(size[1]), "width": width, "dcol": dcol, "row": row,
                "row_index": row_index, "ids": ids, "re": re,
            }
            error = None
            if eval(code, env):
                if pane_file:
                    with open(pane_file, "w", encoding="utf-8") as f:
                        f.write(text)
                return 0
        except Exception as e:  # noqa: BLE001 - reported at the deadline
            error = f"{type(e).__name__}: {e}"
            if isinstance(e, RuntimeError) and ("no server running" in str(e) or "can't find" in str(e)):
                break  # the pane is gone (it never exits on its own): no point in waiting
        if time.monotonic() >= deadline:
            break
        if "EXIT" not in expr and re.search(r"^EXIT=\d+$", text, re.M):
            error = "ecsfleet exited (the pane shows EXIT=)"
            break
        time.sleep(0.1)
    if pane_file:
        with open(pane_file, "w", encoding="utf-8") as f:
            f.write(text)
    why = "the pane is gone" if error and "RuntimeError" in error else "ecsfleet exited" if error and "EXIT=" in error \
        else f"{seconds} s"
    print(f"gave up ({why}) waiting for: {expr}")
    if error:
        print(f"last error: {error}")
    print("--- pane")
    print("\n".join(l.rstrip() for l in text.rstrip("\n").split("\n")))
    return 1


if __name__ == "__main__":
    sys.exit(main())
