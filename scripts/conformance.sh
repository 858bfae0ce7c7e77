#!/usr/bin/env bash
# Conformance suite: drives ecs-sim with the vendor's official Python SDKs (V3 and V1) and raw HTTP.
#
#   scripts/conformance.sh [path-to-ecs-sim] [extra pytest args...]
#
# Creates .build/conformance-venv if missing, installs the SDKs and pytest into it, builds ecs-sim when no
# binary is given, runs Tests/Conformance, and ends with one line "N passed, N failed" (", N skipped" if any).
# Exits non-zero on any failure or error. Needs no terminal (works with CI=true and stdin closed).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VENV="$ROOT/.build/conformance-venv"
PY="$VENV/bin/python"
PACKAGES=(alibabacloud-ecs20140526 alibabacloud-tea-openapi alibabacloud-credentials aliyun-python-sdk-ecs aliyun-python-sdk-core pytest requests)
JUNIT="$ROOT/.build/conformance-junit.xml"

say() { printf 'conformance: %s\n' "$*" >&2; }
summary_fail() { say "$1"; echo "0 passed, 1 failed"; exit 1; }

# ---------------------------------------------------------------- virtualenv and packages
mkdir -p "$ROOT/.build"
if [ ! -x "$PY" ]; then
    say "creating $VENV"
    python3 -m venv "$VENV" </dev/null || summary_fail "python3 -m venv failed"
fi
STAMP="$VENV/.conformance-packages"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "${PACKAGES[*]}" ]; then
    say "installing ${PACKAGES[*]}"
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$PY" -m pip install -q "${PACKAGES[@]}" </dev/null \
        || summary_fail "pip install failed"
    echo "${PACKAGES[*]}" >"$STAMP"
fi

# ---------------------------------------------------------------- simulator binary
if [ $# -ge 1 ] && [ -n "$1" ] && [ "${1#-}" = "$1" ]; then
    BIN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
    shift
else
    if [ $# -ge 1 ] && [ -z "$1" ]; then shift; fi
    say "building ecs-sim"
    swift build --product ecs-sim </dev/null >&2 || summary_fail "swift build --product ecs-sim failed"
    BIN="$(swift build --show-bin-path </dev/null)/ecs-sim"
fi
[ -x "$BIN" ] || summary_fail "ecs-sim binary not found or not executable: $BIN"
# Run a private copy, so a rebuild while the suite runs cannot swap the binary under it ("Text file busy").
RUN_BIN="$ROOT/.build/conformance-ecs-sim"
cp -f "$BIN" "$RUN_BIN.tmp" && mv -f "$RUN_BIN.tmp" "$RUN_BIN" || summary_fail "cannot copy $BIN"
say "simulator: $BIN"

# ---------------------------------------------------------------- run
# Extra arguments go to pytest; when none of them names tests, run the whole suite.
TARGETS=("$ROOT/Tests/Conformance")
for arg in "$@"; do
    case "$arg" in
        -*) ;;
        *) TARGETS=() ;;
    esac
done
rm -f "$JUNIT"
set +e
ECS_SIM_BIN="$RUN_BIN" PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    "$PY" -m pytest ${TARGETS[@]+"${TARGETS[@]}"} --junitxml="$JUNIT" -o junit_family=xunit2 "$@" </dev/null
RC=$?
set -e

# Our own closing line, from the junit report (pytest's own line is decorated and may be cut short).
"$PY" - "$JUNIT" "$RC" <<'EOF'
import sys
import xml.etree.ElementTree as ET

path, rc = sys.argv[1], int(sys.argv[2])
try:
    root = ET.parse(path).getroot()
except (OSError, ET.ParseError):
    print(f"conformance: no junit report (pytest exit {rc})", file=sys.stderr)
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
EOF
