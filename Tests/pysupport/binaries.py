"""The binaries under test: from $ECSFLEET_BIN_DIR (default: `swift build --show-bin-path`), run from private
copies so that a rebuild while the tests run cannot swap them ("Text file busy", or a half-linked file)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def bin_dir() -> Path:
    """$ECSFLEET_BIN_DIR, or the debug build's directory."""
    given = os.environ.get("ECSFLEET_BIN_DIR")
    if given:
        return Path(given).resolve()
    try:
        out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO, stdin=subprocess.DEVNULL,
                             capture_output=True, text=True, timeout=300, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError) as e:
        raise RuntimeError(f"set ECSFLEET_BIN_DIR (swift build --show-bin-path failed: {e})") from None
    return Path(out)


def private_copy(source_dir: Path, name: str, dest_dir: Path, attempts: int = 30) -> Path:
    """Copies SOURCE_DIR/NAME into DEST_DIR and checks the copy runs (`--help`). A copy taken while a build is
    linking can be torn: it is taken again, every 2 s, until it runs."""
    source = source_dir / name
    if not os.access(source, os.X_OK):
        raise RuntimeError(f"{source} is not an executable (build it: swift build --product {name}, "
                           f"or set ECSFLEET_BIN_DIR)")
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / name
    last = ""
    for attempt in range(attempts):
        try:
            tmp = dest.with_name(name + ".tmp")
            shutil.copy2(source, tmp)
            tmp.replace(dest)
            probe = subprocess.run([str(dest), "--help"], stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
            if probe.returncode == 0:
                return dest
            last = probe.stderr.decode("utf-8", "replace")[-500:]
        except (OSError, subprocess.SubprocessError) as e:
            last = str(e)
        if attempt + 1 < attempts:
            time.sleep(2)
    raise RuntimeError(f"a copy of {source} does not run (--help): {last}")
