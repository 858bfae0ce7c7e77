#!/usr/bin/env bash
# The Python suites: Tests/Conformance (the official SDKs against ecs-sim) and Tests/EndToEnd (the ecsfleet
# commands and its screen, driven in tmux, against ecs-sim).
#
#   scripts/pytest.sh [pytest args...]          e.g.  scripts/pytest.sh Tests/EndToEnd -k journal -x
#
# Creates .build/pytest-venv if missing and installs the vendor SDKs, pytest, pytest-xdist and requests into it,
# then runs pytest (both suites unless an argument names tests; `-n 2 --dist loadfile` runs two files at a time).
# The binaries come from $ECSFLEET_BIN_DIR (default: `swift build --show-bin-path`; build first with `swift build`);
# the tests run private copies of them. Ends with one line "N passed, N failed" (", N skipped" if any) and exits
# non-zero on any failure, and when no test ran (pytest's exit 5). Needs no terminal (works with CI=true and stdin
# closed); the screen tests need tmux.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VENV="$ROOT/.build/pytest-venv"
PY="$VENV/bin/python"
PACKAGES=(alibabacloud-ecs20140526 alibabacloud-tea-openapi aliyun-python-sdk-ecs aliyun-python-sdk-core
          alibabacloud-credentials pytest pytest-xdist requests)
JUNIT="$ROOT/.build/pytest-junit.xml"

say() { printf 'pytest.sh: %s\n' "$*" >&2; }
summary_fail() { say "$1"; echo "0 passed, 1 failed"; exit 1; }

# ---------------------------------------------------------------- virtualenv and packages
mkdir -p "$ROOT/.build"
if [ ! -x "$PY" ]; then
    say "creating $VENV"
    python3 -m venv "$VENV" </dev/null || summary_fail "python3 -m venv failed (install python3-venv)"
fi
STAMP="$VENV/.packages"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "${PACKAGES[*]}" ]; then
    say "installing ${PACKAGES[*]}"
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$PY" -m pip install -q "${PACKAGES[@]}" </dev/null \
        || summary_fail "pip install failed"
    echo "${PACKAGES[*]}" >"$STAMP"
fi

# ---------------------------------------------------------------- binaries
if [ -z "${ECSFLEET_BIN_DIR:-}" ]; then
    ECSFLEET_BIN_DIR="$(swift build --show-bin-path </dev/null)" || summary_fail "swift build --show-bin-path failed"
fi
export ECSFLEET_BIN_DIR
# (With $ECS_SIM_BIN naming another simulator, only the end-to-end tests need this directory: they say so.)
if [ -z "${ECS_SIM_BIN:-}" ]; then
    for b in ecsfleet ecs-sim; do
        [ -x "$ECSFLEET_BIN_DIR/$b" ] || summary_fail "$ECSFLEET_BIN_DIR/$b not found: build first (swift build)"
    done
fi
say "binaries: $ECSFLEET_BIN_DIR"

# ---------------------------------------------------------------- run
# When no argument names tests, run both suites.
TARGETS=(Tests/Conformance Tests/EndToEnd)
for arg in "$@"; do
    case "$arg" in
        Tests/*|./Tests/*|/*) TARGETS=() ;;
    esac
done
rm -f "$JUNIT"
set +e
PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    "$PY" -m pytest -c Tests/pytest.ini --rootdir Tests ${TARGETS[@]+"${TARGETS[@]}"} \
    --junitxml="$JUNIT" -o junit_family=xunit2 "$@" </dev/null
RC=$?
set -e

# Our own closing line, from the junit report (pytest's own line is decorated and may be cut short).
"$PY" - "$JUNIT" "$RC" <<'PY'
import sys
import xml.etree.ElementTree as ET

path, rc = sys.argv[1], int(sys.argv[2])
try:
    root = ET.parse(path).getroot()
except (OSError, ET.ParseError):
    print(f"pytest.sh: no junit report (pytest exit {rc})", file=sys.stderr)
    print("0 passed, 1 failed")
    sys.exit(1)
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
tests = sum(int(s.get("tests", 0)) for s in suites)
failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
passed = tests - failed - skipped
if rc not in (0, 1) and failed == 0:
    failed = 1  # interrupted, internal error, usage error, or no tests collected (5)
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed or rc != 0 else 0)
PY
