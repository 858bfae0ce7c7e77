"""Display width as a terminal counts it: East Asian Wide and Fullwidth characters take 2 columns, combining marks
and format characters none."""

from __future__ import annotations

import unicodedata


def width(s: str) -> int:
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def dcol(line: str, sub: str) -> int:
    """The display column where SUB starts in LINE (-1 if absent)."""
    i = line.find(sub)
    return -1 if i < 0 else width(line[:i])
