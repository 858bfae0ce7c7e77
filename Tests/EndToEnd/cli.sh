#!/usr/bin/env bash
# End-to-end suite: the ecsfleet commands against a separately started ecs-sim.
#
#   bash Tests/EndToEnd/cli.sh [bin-dir]       (default bin dir: $(swift build --show-bin-path))
#
# Writes a fleet file (Tests/EndToEnd/fleet.py), starts ecs-sim on it with short stop/start delays, points HOME and
# XDG_STATE_HOME at a temporary directory (no real ~/.aliyun is read), passes credentials in ALIBABA_CLOUD_*, and
# checks list, stop, start, status and journal, the safety policy, and operator mistakes with plain bash and python3.
# Prints one line per check, ends with "N passed, N failed", exits non-zero on any failure. Needs no terminal
# (works with CI=true and stdin closed); stops the simulator it started and removes its temporary files.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

if [ $# -ge 1 ] && [ -n "$1" ]; then
    BIN_DIR="$1"
else
    BIN_DIR="$(cd "$ROOT" && swift build --show-bin-path </dev/null)"
fi

PASSED=0
FAILED=0
SIM_PID=""
EXTRA_SIM_PIDS=()  # the review fleet's and the fault-injecting simulators (started further down)
T="$(mktemp -d "${TMPDIR:-/tmp}/ecsfleet-e2e.XXXXXX")"

stop_sim() {
    local pid="$1"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    fi
}
cleanup() {
    stop_sim "$SIM_PID"
    for pid in ${EXTRA_SIM_PIDS[@]+"${EXTRA_SIM_PIDS[@]}"}; do stop_sim "$pid"; done
    [ -n "${KEEP_E2E_TMP:-}" ] || rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pass() { PASSED=$((PASSED + 1)); printf 'PASS  %s\n' "$1"; }
fail() {
    FAILED=$((FAILED + 1)); printf 'FAIL  %s\n' "$1"
    if [ $# -ge 2 ] && [ -n "$2" ]; then printf '%s\n' "$2" | head -n 25 | sed 's/^/        /'; fi
}
finish() {
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ] && exit 0 || exit 1
}
abort() { fail "$1" "${2:-}"; finish; }

# ------------------------------------------------------------------ binaries (private copies: a rebuild cannot swap them)
for b in ecsfleet ecs-sim; do
    [ -x "$BIN_DIR/$b" ] || abort "binary $BIN_DIR/$b exists (build with: swift build --product $b)"
done
mkdir -p "$T/bin" "$T/home" "$T/state"
cp "$BIN_DIR/ecsfleet" "$BIN_DIR/ecs-sim" "$T/bin/" || abort "copy the binaries"
EF="$T/bin/ecsfleet"
SIM="$T/bin/ecs-sim"

# ------------------------------------------------------------------ environment: nothing of the real user's
AK="e2e-ak-0001"
SECRET="e2e-Secret-7Qx9z-DoNotLeak"
export HOME="$T/home"
export XDG_STATE_HOME="$T/state"
CALLER_CI="${CI:-}"  # whether CI runs this suite (where the SDK check may not be skipped); the commands below always see CI=true
export CI=true
export COLUMNS=200
unset ALIBABA_CLOUD_PROFILE ALIBABA_CLOUD_REGION_ID ALIBABA_CLOUD_SECURITY_TOKEN \
      ALIBABA_CLOUD_SAFETY_POLICY_ENABLED ALIBABA_CLOUD_SAFETY_POLICY_RULES
export ALIBABA_CLOUD_ACCESS_KEY_ID="$AK"
export ALIBABA_CLOUD_ACCESS_KEY_SECRET="$SECRET"
JOURNAL="$XDG_STATE_HOME/ecsfleet/journal.jsonl"
REGION=cn-hangzhou

# ------------------------------------------------------------------ simulator
python3 "$HERE/fleet.py" "$T/fleet.json" || abort "write the fleet file"
ECS_SIM_LOG_LEVEL=warning "$SIM" --fleet "$T/fleet.json" --seed 7 --stop-delay 0.3-0.6 --start-delay 0.3-0.6 \
    --access-key-id "$AK" --access-key-secret "$SECRET" >"$T/sim.out" 2>"$T/sim.err" </dev/null &
SIM_PID=$!
URL=""
for _ in $(seq 1 300); do
    URL="$(head -n 1 "$T/sim.out" 2>/dev/null)"
    [ -n "$URL" ] && break
    kill -0 "$SIM_PID" 2>/dev/null || break
    sleep 0.1
done
case "$URL" in
    http://*) pass "ecs-sim started at $URL" ;;
    *) abort "ecs-sim started" "$(cat "$T/sim.err")" ;;
esac

# ------------------------------------------------------------------ helpers
# run NAME [env...] -- args...: runs ecsfleet (stdin closed, 120 s limit) with --endpoint and --region before the
# subcommand; stdout in $T/NAME.out, stderr in $T/NAME.err, status in RC, wall time (ms) in MS.
RC=0
MS=0
run() {
    local name="$1"; shift
    local envs=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    local t0 t1
    t0=$(date +%s%N)
    env ${envs[@]+"${envs[@]}"} timeout 120 "$EF" --endpoint "$URL" --region "$REGION" "$@" >"$T/$name.out" 2>"$T/$name.err" </dev/null
    RC=$?
    t1=$(date +%s%N)
    MS=$(( (t1 - t0) / 1000000 ))
}
# raw NAME args...: as run, but exactly the arguments given (no --endpoint/--region).
raw() {
    local name="$1"; shift
    local t0 t1
    t0=$(date +%s%N)
    timeout 120 "$EF" "$@" >"$T/$name.out" 2>"$T/$name.err" </dev/null
    RC=$?
    t1=$(date +%s%N)
    MS=$(( (t1 - t0) / 1000000 ))
}
out() { cat "$T/$1.out"; }
err() { cat "$T/$1.err"; }
ctx() { printf 'exit %s\n--- stdout\n%s\n--- stderr\n%s' "$RC" "$(head -c 3000 "$T/$1.out")" "$(head -c 3000 "$T/$1.err")"; }

# pycheck FILE CODE: runs CODE with d = the JSON in FILE (strictly parsed); the check fails on an exception,
# and prints what the assertion said.
pycheck() {
    python3 - "$1" "$2" <<'EOF' 2>&1
import json, sys, unicodedata
path, code = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    text = f.read()
d = json.loads(text)  # strict: raw control characters are an error
def by_id(items, key="InstanceId"):
    return {i[key]: i for i in items}
try:
    exec(code, {"d": d, "by_id": by_id, "text": text})
except AssertionError as e:
    print(f"assertion failed: {e}")
    sys.exit(1)
except Exception as e:
    print(f"{type(e).__name__}: {e}")
    sys.exit(1)
EOF
}
# expect NAME CHECK-DESCRIPTION FILE CODE: pass/fail from pycheck.
expect_json() {
    local desc="$1" file="$2" code="$3" why
    if why="$(pycheck "$file" "$code")"; then pass "$desc"; else fail "$desc" "$why"; fi
}
no_trace() {  # stderr of a run has no crash or stack trace
    ! grep -qiE 'fatal error|stack trace|backtrace|0x[0-9a-f]{8,}|Illegal instruction|Segmentation|Current stack' "$T/$1.err" "$T/$1.out"
}
instance_field() {  # instance_field ID FIELD: from a fresh list --output json
    run lf -- list --output json
    python3 -c 'import json,sys; d={i["InstanceId"]:i for i in json.load(open(sys.argv[1]))}; print(d.get(sys.argv[2],{}).get(sys.argv[3],"<absent>"))' "$T/lf.out" "$1" "$2"
}

RUNNING_ELIGIBLE="i-e2erun01 i-e2erun02 i-e2erun03 i-e2erun04 i-e2erun05 i-e2erun06 i-e2ecjk01 i-e2eesc01"
CJK_NAME="生产-网关-数据库"

# ================================================================== list
run list_json -- list --output json
if [ "$RC" -eq 0 ]; then pass "list --output json exits 0"; else fail "list --output json exits 0" "$(ctx list_json)"; fi
expect_json "list --output json: 117 instances of cn-hangzhou (11 named + 105 bulk + 1 stopped), none from cn-shanghai" "$T/list_json.out" '
ids = [i["InstanceId"] for i in d]
assert len(d) == 117, len(d)
assert len(set(ids)) == len(ids), "duplicates"
assert "i-e2esh01" not in ids
assert all(i["RegionId"] == "cn-hangzhou" for i in d)
'
expect_json "list --output json: statuses (116 Running, 1 Stopped) and API field names" "$T/list_json.out" '
from collections import Counter
c = Counter(i["Status"] for i in d)
assert c == {"Running": 116, "Stopped": 1}, c
fields = ["InstanceId", "InstanceName", "Status", "StoppedMode", "RegionId", "ZoneId", "InstanceType", "InstanceChargeType",
          "InstanceNetworkType", "OperationLocks", "VpcAttributes", "Tags", "CreationTime", "ExpiredTime", "Cpu", "Memory"]
for i in d:
    missing = [f for f in fields if f not in i and not (f == "VpcAttributes" and i["InstanceNetworkType"] == "classic")]
    assert not missing, (i["InstanceId"], missing)
'
expect_json "list --output json: names (CJK, escape sequences) and locks kept exactly; StoppedMode of running instances" "$T/list_json.out" '
m = by_id(d)
assert m["i-e2ecjk01"]["InstanceName"] == "生产-网关-数据库", m["i-e2ecjk01"]["InstanceName"]
assert m["i-e2eesc01"]["InstanceName"] == "\u001b[31mred\u001b[0m\u001b]0;pwned\u0007\u001b[2Jx", repr(m["i-e2eesc01"]["InstanceName"])
locks = lambda i: [l["LockReason"] for l in i["OperationLocks"]["LockReason"]]
assert locks(m["i-e2esec01"]) == ["security"], locks(m["i-e2esec01"])
assert locks(m["i-e2efin01"]) == ["financial"], locks(m["i-e2efin01"])
assert m["i-e2eclassic01"]["InstanceNetworkType"] == "classic"
assert m["i-e2eclassic01"]["StoppedMode"] == "Not-applicable", m["i-e2eclassic01"]["StoppedMode"]
assert m["i-e2erun01"]["StoppedMode"] == "KeepCharging", m["i-e2erun01"]["StoppedMode"]
assert m["i-e2estop01"]["Status"] == "Stopped"
'

ALIBABA_CLOUD_REGION_ID=cn-hangzhou raw list_all --endpoint "$URL" list --all-regions --output json
if [ "$RC" -eq 0 ]; then
    expect_json "list --all-regions: every region DescribeRegions names (cn-hangzhou and cn-shanghai here)" "$T/list_all.out" '
from collections import Counter
c = Counter(i["RegionId"] for i in d)
assert c["cn-hangzhou"] == 117 and c["cn-shanghai"] == 1, c
'
else fail "list --all-regions exits 0" "$(ctx list_all)"; fi
# No --region, no ALIBABA_CLOUD_REGION_ID, no profile: DescribeRegions goes to cn-hangzhou's endpoint instead of "No region".
raw list_all_noregion --endpoint "$URL" list --all-regions --output json
if [ "$RC" -eq 0 ]; then
    expect_json "list --all-regions with no default region at all (no profile, no ALIBABA_CLOUD_REGION_ID) still lists every region" "$T/list_all_noregion.out" '
from collections import Counter
c = Counter(i["RegionId"] for i in d)
assert c["cn-hangzhou"] == 117 and c["cn-shanghai"] == 1, c
'
else fail "list --all-regions with no default region at all exits 0 (DescribeRegions falls back to cn-hangzhou)" "$(ctx list_all_noregion)"; fi
run list_all_region -- list --all-regions
if [ "$RC" -eq 2 ] && grep -q -- "--all-regions" "$T/list_all_region.err"; then pass "list --all-regions with --region: usage error (exit 2) naming both"
else fail "list --all-regions with --region: usage error (exit 2) naming both" "$(ctx list_all_region)"; fi

run list_table -- list
if [ "$RC" -eq 0 ]; then pass "list (table) exits 0"; else fail "list (table) exits 0" "$(ctx list_table)"; fi
if python3 - "$T/list_table.out" <<'EOF'
import sys
data = open(sys.argv[1], "rb").read()
bad = sorted({b for b in data if (b < 0x20 and b != 0x0A) or b == 0x7F})
sys.exit(1 if bad or b"\xc2\x9b" in data else 0)
EOF
then pass "list table contains no ESC (0x1b) or other control byte"
else fail "list table contains no ESC (0x1b) or other control byte" "$(grep -a -n $'\x1b' "$T/list_table.out" | cat -v | head -3)"; fi
if why="$(python3 - "$T/list_table.out" <<'EOF'
import sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w
header = lines[0]
assert header.startswith("ID"), header
col = {name: width(header[:header.index(name)]) for name in ("NAME", "STATUS")}
def row(iid):
    r = [l for l in lines if l.startswith(iid + " ")]
    assert len(r) == 1, f"{iid}: {len(r)} rows"
    return r[0]
for iid in ("i-e2ecjk01", "i-e2eesc01", "i-e2erun01", "i-e2estop01"):
    line = row(iid)
    for status in ("Running", "Stopped"):
        k = line.find("  " + status)
        if k >= 0:
            break
    assert k >= 0, line
    got = width(line[:k + 2])
    assert got == col["STATUS"], f"{iid}: STATUS at display column {got}, header at {col['STATUS']}: {line!r}"
cjk = row("i-e2ecjk01")
assert "生产-网关-数据库" in cjk, cjk
print("ok")
EOF
)"; then pass "list table aligns the CJK-named and escape-named rows (STATUS at the header's display column)"
else fail "list table aligns the CJK-named and escape-named rows (STATUS at the header's display column)" "$why"; fi
if grep -q "117 instances" "$T/list_table.out"; then pass "list table ends with the count (117 instances)"
else fail "list table ends with the count (117 instances)" "$(tail -n 2 "$T/list_table.out")"; fi

run list_v1 -- --signature v1 list --output json
if [ "$RC" -eq 0 ]; then expect_json "--signature v1 list works (117 instances)" "$T/list_v1.out" 'assert len(d) == 117, len(d)'
else fail "--signature v1 list works" "$(ctx list_v1)"; fi

raw list_after list --output json --endpoint "$URL" --region "$REGION"
[ "$RC" -eq 0 ] && pass "global options also accepted after the subcommand" || fail "global options also accepted after the subcommand" "$(ctx list_after)"

run list_verbose -- --verbose list --status Stopped
if [ "$RC" -eq 0 ] && grep -q "DescribeInstances" "$T/list_verbose.err" && ! grep -qF "$SECRET" "$T/list_verbose.err" "$T/list_verbose.out"; then
    pass "--verbose logs each request and never the secret"
else fail "--verbose logs each request and never the secret" "$(ctx list_verbose)"; fi

run list_status -- list --status Stopped --output json
expect_json "list --status Stopped: only i-e2estop01" "$T/list_status.out" 'assert [i["InstanceId"] for i in d] == ["i-e2estop01"], [i["InstanceId"] for i in d]'

# ================================================================== dry run changes nothing
run dry -- stop --instance-id i-e2erun01 --instance-id i-e2erun02 --instance-id i-e2eclassic01 --stopped-mode StopCharging --dry-run --output json
if [ "$RC" -eq 0 ]; then pass "stop --dry-run exits 0"; else fail "stop --dry-run exits 0" "$(ctx dry)"; fi
expect_json "stop --dry-run: each instance dry-run-passed, still Running" "$T/dry.out" '
m = by_id(d)
assert set(m) == {"i-e2erun01", "i-e2erun02", "i-e2eclassic01"}, set(m)
for r in d:
    assert r["Outcome"] == "dry-run-passed", r
    assert r["CurrentStatus"] == "Running", r
'
run dry_sf -- stop --instance-id i-e2erun01 --instance-id i-e2esec01 --batch SuccessFirst --dry-run --output json
expect_json "stop --dry-run --batch SuccessFirst: running passes, security-locked does not (exit 1)" "$T/dry_sf.out" "
assert $RC == 1, 'exit $RC'
m = by_id(d)
assert m['i-e2erun01']['Outcome'] == 'dry-run-passed', m['i-e2erun01']
assert m['i-e2esec01']['Outcome'] in ('skipped', 'dry-run-failed'), m['i-e2esec01']
assert m['i-e2esec01']['Code'] == 'InstanceLockedForSecurity', m['i-e2esec01']
"
sleep 0.8  # a stop the dry run wrongly sent would have finished by now
run dry_list -- list --output json
expect_json "after the dry runs nothing changed (116 Running, StoppedMode unchanged)" "$T/dry_list.out" '
from collections import Counter
assert Counter(i["Status"] for i in d) == {"Running": 116, "Stopped": 1}
m = by_id(d)
assert m["i-e2erun01"]["StoppedMode"] == "KeepCharging", m["i-e2erun01"]["StoppedMode"]
'

# ================================================================== refusals (exit 3)
if command -v setsid >/dev/null 2>&1; then
    t0=$(date +%s%N)
    timeout 60 setsid -w env CI=true "$EF" --endpoint "$URL" --region "$REGION" stop --instance-id i-e2erun01 >"$T/noyes.out" 2>"$T/noyes.err" </dev/null
    RC=$?
    if [ "$RC" -eq 3 ]; then pass "stop without --yes and no terminal (setsid, stdin closed) exits 3"
    else fail "stop without --yes and no terminal (setsid, stdin closed) exits 3" "$(ctx noyes)"; fi
    grep -qi -- "--yes" "$T/noyes.err" && pass "the refusal says to pass --yes" || fail "the refusal says to pass --yes" "$(ctx noyes)"
else
    fail "setsid is available (util-linux)"
fi

run deny ALIBABA_CLOUD_SAFETY_POLICY_RULES='ecs:Stop*=deny' -- stop --instance-id i-e2erun01 --yes
if [ "$RC" -eq 3 ] && grep -qF "ecs:Stop*" "$T/deny.err"; then pass "ALIBABA_CLOUD_SAFETY_POLICY_RULES='ecs:Stop*=deny' refuses with exit 3 naming the rule"
else fail "ALIBABA_CLOUD_SAFETY_POLICY_RULES='ecs:Stop*=deny' refuses with exit 3 naming the rule" "$(ctx deny)"; fi
run deny_other ALIBABA_CLOUD_SAFETY_POLICY_RULES='ecs:Start*=deny,ecs:Stop*=allow' -- stop --instance-id i-e2erun01 --dry-run
[ "$RC" -eq 0 ] && pass "a policy that denies only Start* lets a stop dry run through" || fail "a policy that denies only Start* lets a stop dry run through" "$(ctx deny_other)"

mkdir -p "$HOME/.aliyun"
printf '{"enabled": true, "rules": [{"pattern": "ecs:Stop*", "action": "confirm"}]}\n' >"$HOME/.aliyun/safety-policy.json"
run confirm -- stop --instance-id i-e2erun03
if [ "$RC" -eq 3 ]; then pass "safety-policy.json confirm, no terminal, no --yes: exit 3"
else fail "safety-policy.json confirm, no terminal, no --yes: exit 3" "$(ctx confirm)"; fi
if grep -qF "'ecs:Stop*'" "$T/confirm.err" && grep -qF "safety-policy.json" "$T/confirm.err" && grep -qF -- "--yes" "$T/confirm.err"; then
    pass "the confirm refusal names the rule ('ecs:Stop*' in safety-policy.json) and says --yes would proceed"
else fail "the confirm refusal names the rule ('ecs:Stop*' in safety-policy.json) and says --yes would proceed" "$(ctx confirm)"; fi
run confirm_off ALIBABA_CLOUD_SAFETY_POLICY_ENABLED=false -- stop --instance-id i-e2erun03 --dry-run
[ "$RC" -eq 0 ] && pass "ALIBABA_CLOUD_SAFETY_POLICY_ENABLED=false overrides the file (dry run exit 0)" || fail "ALIBABA_CLOUD_SAFETY_POLICY_ENABLED=false overrides the file (dry run exit 0)" "$(ctx confirm_off)"
run confirm_yes -- stop --instance-id i-e2erun03 --yes --wait --output json
if [ "$RC" -eq 0 ]; then expect_json "safety-policy.json confirm with --yes: stops (exit 0, i-e2erun03 stopped)" "$T/confirm_yes.out" '
assert [(r["InstanceId"], r["Outcome"], r["CurrentStatus"]) for r in d] == [("i-e2erun03", "stopped", "Stopped")], d'
else fail "safety-policy.json confirm with --yes: stops (exit 0)" "$(ctx confirm_yes)"; fi
rm -f "$HOME/.aliyun/safety-policy.json"

run still -- list --output json
expect_json "refused stops sent nothing (i-e2erun01 still Running)" "$T/still.out" '
m = by_id(d)
assert m["i-e2erun01"]["Status"] == "Running", m["i-e2erun01"]["Status"]
assert m["i-e2erun03"]["Status"] == "Stopped" and m["i-e2erun03"]["StoppedMode"] == "KeepCharging", (m["i-e2erun03"]["Status"], m["i-e2erun03"]["StoppedMode"])
'

# ================================================================== the main stop
run stop -- stop --instance-id i-e2erun01 --instance-id i-e2erun02 --instance-id i-e2ecjk01 --instance-id i-e2eesc01 \
    --instance-id i-e2eclassic01 --instance-id i-e2estop01 --instance-id i-e2esec01 --instance-id i-e2efin01 \
    --instance-id i-e2enothere99 --instance-id i-bad_id! \
    --batch SuccessFirst --stopped-mode StopCharging --yes --wait --output json
if [ "$RC" -eq 1 ]; then pass "stop SuccessFirst over a mix exits 1 (some could not be stopped)"
else fail "stop SuccessFirst over a mix exits 1 (some could not be stopped)" "$(ctx stop)"; fi
expect_json "stop: the right outcome and code for each instance" "$T/stop.out" '
m = by_id(d)
want = {
    "i-e2erun01": ("stopped", None), "i-e2erun02": ("stopped", None), "i-e2ecjk01": ("stopped", None),
    "i-e2eesc01": ("stopped", None), "i-e2eclassic01": ("stopped", None),
    "i-e2estop01": ("skipped", "IncorrectInstanceStatus"),
    "i-e2esec01": ("skipped", "InstanceLockedForSecurity"),
    "i-e2efin01": ("skipped", "InstanceExpiredOrInArrears"),
    "i-e2enothere99": ("failed", "InvalidInstanceId.NotFound"),
    "i-bad_id!": ("failed", "Abs.InvalidInstanceIds.MalFormed"),
}
assert set(m) == set(want), (sorted(m), sorted(want))
bad = []
for iid, (outcome, code) in want.items():
    r = m[iid]
    if r["Outcome"] != outcome or (code and r["Code"] != code):
        bad.append((iid, r["Outcome"], r["Code"], r["Message"]))
    if outcome == "stopped" and r["CurrentStatus"] != "Stopped":
        bad.append((iid, "CurrentStatus", r["CurrentStatus"]))
assert not bad, bad
assert [r["InstanceId"] for r in d] == ["i-e2erun01", "i-e2erun02", "i-e2ecjk01", "i-e2eesc01", "i-e2eclassic01", "i-e2estop01",
                                        "i-e2esec01", "i-e2efin01", "i-e2enothere99", "i-bad_id!"], "order"
'
run stop_table -- stop --instance-id i-e2erun01 --instance-id i-e2eesc01 --yes
if python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); sys.exit(1 if b"\x1b" in d else 0)' "$T/stop_table.out"; then
    pass "stop table output contains no ESC byte"
else fail "stop table output contains no ESC byte" "$(ctx stop_table)"; fi

run status -- status --instance-id i-e2erun01 --instance-id i-e2erun02 --instance-id i-e2ecjk01 --instance-id i-e2eesc01 \
    --instance-id i-e2eclassic01 --instance-id i-e2estop01 --instance-id i-e2esec01 --instance-id i-e2efin01 --instance-id i-e2erun04 --output json
if [ "$RC" -eq 0 ]; then pass "status exits 0"; else fail "status exits 0" "$(ctx status)"; fi
expect_json "status sees the end state" "$T/status.out" '
m = {r["InstanceId"]: r["Status"] for r in d}
want = {"i-e2erun01": "Stopped", "i-e2erun02": "Stopped", "i-e2ecjk01": "Stopped", "i-e2eesc01": "Stopped", "i-e2eclassic01": "Stopped",
        "i-e2estop01": "Stopped", "i-e2esec01": "Running", "i-e2efin01": "Running", "i-e2erun04": "Running"}
assert m == want, m
'
# The official SDK (installed by scripts/conformance.sh, which CI runs first) sees the same end state.
SDK_PY="$ROOT/.build/conformance-venv/bin/python"
if [ -x "$SDK_PY" ] && "$SDK_PY" -c 'import alibabacloud_ecs20140526.client' 2>/dev/null; then
    if why="$("$SDK_PY" - "$URL" "$AK" "$SECRET" 2>&1 <<'EOF'
import json, sys
from urllib.parse import urlparse
from alibabacloud_ecs20140526 import models
from alibabacloud_ecs20140526.client import Client
from alibabacloud_tea_openapi.models import Config
url, ak, secret = urlparse(sys.argv[1]), sys.argv[2], sys.argv[3]
client = Client(Config(access_key_id=ak, access_key_secret=secret, endpoint=url.netloc, protocol="http"))
ids = ["i-e2erun01", "i-e2erun02", "i-e2ecjk01", "i-e2eesc01", "i-e2eclassic01", "i-e2estop01", "i-e2esec01", "i-e2efin01"]
request = models.DescribeInstancesRequest(region_id="cn-hangzhou", instance_ids=json.dumps(ids), max_results=100)
got = {i.instance_id: (i.status, i.stopped_mode) for i in client.describe_instances(request).body.instances.instance}
want = {"i-e2erun01": ("Stopped", "StopCharging"), "i-e2erun02": ("Stopped", "StopCharging"), "i-e2ecjk01": ("Stopped", "StopCharging"),
        "i-e2eesc01": ("Stopped", "StopCharging"), "i-e2eclassic01": ("Stopped", "Not-applicable"), "i-e2estop01": ("Stopped", "KeepCharging")}
assert all(got.get(k) == v for k, v in want.items()), got
assert got["i-e2esec01"][0] == "Running" and got["i-e2efin01"][0] == "Running", got
EOF
)"; then pass "the official SDK (alibabacloud-ecs20140526) sees the same end state and StoppedMode"
    else fail "the official SDK (alibabacloud-ecs20140526) sees the same end state and StoppedMode" "$why"; fi
elif [ -n "$CALLER_CI" ]; then
    fail "the official SDK is installed in .build/conformance-venv (CI runs scripts/conformance.sh first)"
else
    echo "SKIP  the official SDK end-state check (run scripts/conformance.sh once to install the SDK)"
fi

run status_nf -- status --instance-id i-e2enothere99 --output json
if [ "$RC" -eq 1 ]; then expect_json "status of an unknown ID: NotFound, exit 1" "$T/status_nf.out" 'assert d[0]["Status"] == "NotFound", d'
else fail "status of an unknown ID: NotFound, exit 1" "$(ctx status_nf)"; fi

run stopped_list -- list --status Stopped --output json
expect_json "list --status Stopped sees the stopped instances" "$T/stopped_list.out" '
got = sorted(i["InstanceId"] for i in d)
want = sorted(["i-e2erun01", "i-e2erun02", "i-e2erun03", "i-e2ecjk01", "i-e2eesc01", "i-e2eclassic01", "i-e2estop01"])
assert got == want, got
assert all(i["Status"] == "Stopped" for i in d)
'
expect_json "StoppedMode: StopCharging on eligible instances, Not-applicable on classic" "$T/stopped_list.out" '
m = by_id(d)
bad = [(k, m[k]["StoppedMode"]) for k in ("i-e2erun01", "i-e2erun02", "i-e2ecjk01", "i-e2eesc01") if m[k]["StoppedMode"] != "StopCharging"]
assert not bad, bad
assert m["i-e2eclassic01"]["StoppedMode"] == "Not-applicable", m["i-e2eclassic01"]["StoppedMode"]
assert m["i-e2estop01"]["StoppedMode"] == "KeepCharging", m["i-e2estop01"]["StoppedMode"]
'

# ================================================================== the journal
run journal_json -- journal --output json --last 50
if [ "$RC" -eq 0 ]; then pass "journal --output json exits 0"; else fail "journal --output json exits 0" "$(ctx journal_json)"; fi
OP="$(python3 - "$T/journal_json.out" <<'EOF'
import json, sys
for e in reversed(json.load(open(sys.argv[1]))):
    ids = {r["InstanceId"] for r in e["Results"]}
    if "i-bad_id!" in ids and "i-e2eclassic01" in ids and e["Action"] == "stop":
        print(e["Operation"]); break
EOF
)"
if [ -n "$OP" ]; then pass "journal --output json lists the stop operation ($OP)"; else fail "journal --output json lists the stop operation" "$(head -c 2000 "$T/journal_json.out")"; fi
expect_json "journal --output json: the operation's final per-instance results" "$T/journal_json.out" "
e = [e for e in d if e['Operation'] == '$OP'][0]
assert e['Ended'], 'no end'
m = {r['InstanceId']: (r['Outcome'], r['Code']) for r in e['Results']}
assert m['i-e2erun01'][0] == 'stopped' and m['i-e2esec01'] == ('skipped', 'InstanceLockedForSecurity') and m['i-e2enothere99'] == ('failed', 'InvalidInstanceId.NotFound'), m
"
if [ -f "$JOURNAL" ]; then
    python3 - "$JOURNAL" <<'EOF' >"$T/journal_lines.json"
import json, sys
print(json.dumps([json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]))
EOF
    expect_json "journal file: begin, send, answer, outcome and end records for the stop" "$T/journal_lines.json" "
recs = [r for r in d if r['Operation'] == '$OP']
events = [r['Event'] for r in recs]
for ev in ('begin', 'send', 'answer', 'outcome', 'end'):
    assert ev in events, (ev, events)
assert events[0] == 'begin' and events[-1] == 'end', events
assert events.index('send') < events.index('answer'), events
sends = [r for r in recs if r['Event'] == 'send']
p = sends[0]['Parameters']
assert p.get('BatchOptimization') == 'SuccessFirst' and p.get('StoppedMode') == 'StopCharging', p
sent = sorted(v for k, v in p.items() if k.startswith('InstanceId.'))
assert sent == sorted(['i-e2erun01', 'i-e2erun02', 'i-e2ecjk01', 'i-e2eesc01', 'i-e2eclassic01']), sent
"
else
    fail "journal file exists at $JOURNAL"
fi
if grep -rqF "$SECRET" "$XDG_STATE_HOME"; then fail "no file under XDG_STATE_HOME holds the access key secret" "$(grep -rlF "$SECRET" "$XDG_STATE_HOME")"
else pass "no file under XDG_STATE_HOME (journal included) holds the access key secret"; fi
if [ -f "$JOURNAL" ] && [ "$(stat -c %a "$JOURNAL")" = "600" ]; then pass "journal file mode is 0600"
else fail "journal file mode is 0600" "$(stat -c %a "$JOURNAL" 2>&1)"; fi
run journal_table -- journal --last 3
if [ "$RC" -eq 0 ] && grep -q "$OP" "$T/journal_table.out" && ! grep -q $'\x1b' "$T/journal_table.out"; then pass "journal (table) shows the operation, no ESC byte"
else fail "journal (table) shows the operation, no ESC byte" "$(ctx journal_table)"; fi

# ================================================================== start them again, IDs from standard input
printf 'i-e2erun01\ni-e2erun02, i-e2erun03  # comment\ni-e2ecjk01 i-e2eesc01\ni-e2eclassic01\n' >"$T/start_ids.txt"
t0=$(date +%s%N)
timeout 120 "$EF" --endpoint "$URL" --region "$REGION" start --ids-from - --yes --wait --output json <"$T/start_ids.txt" >"$T/start.out" 2>"$T/start.err"
RC=$?
if [ "$RC" -eq 0 ]; then pass "start --ids-from - --yes --wait exits 0"; else fail "start --ids-from - --yes --wait exits 0" "$(ctx start)"; fi
expect_json "start: every instance read from stdin started" "$T/start.out" '
got = {r["InstanceId"]: (r["Outcome"], r["CurrentStatus"]) for r in d}
want = {k: ("started", "Running") for k in ["i-e2erun01", "i-e2erun02", "i-e2erun03", "i-e2ecjk01", "i-e2eesc01", "i-e2eclassic01"]}
assert got == want, got
'
run back -- list --output json
expect_json "after the start, all but i-e2estop01 are Running" "$T/back.out" '
from collections import Counter
assert Counter(i["Status"] for i in d) == {"Running": 116, "Stopped": 1}, Counter(i["Status"] for i in d)
'

# ================================================================== 101 IDs: two calls
for n in $(seq 1 101); do printf 'i-e2ebulk%03d\n' "$n"; done >"$T/bulk_ids.txt"
run bulk -- stop --ids-from "$T/bulk_ids.txt" --yes --output json
if [ "$RC" -eq 0 ]; then expect_json "stop of 101 IDs from a file: 101 accepted (exit 0)" "$T/bulk.out" '
from collections import Counter
assert len(d) == 101, len(d)
assert Counter(r["Outcome"] for r in d) == {"accepted": 101}, Counter(r["Outcome"] for r in d)
'
else fail "stop of 101 IDs from a file (exit 0)" "$(ctx bulk)"; fi
python3 - "$JOURNAL" <<'EOF' >"$T/journal_lines.json"
import json, sys
print(json.dumps([json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]))
EOF
expect_json "101 IDs are split into 2 calls of 100 and 1 (journal send records)" "$T/journal_lines.json" '
ops = [r["Operation"] for r in d if r["Event"] == "begin" and any(x["InstanceId"] == "i-e2ebulk101" for x in r.get("Results", []))]
assert ops, "no operation with i-e2ebulk101"
sends = [r for r in d if r["Operation"] == ops[-1] and r["Event"] == "send"]
sizes = sorted(len([k for k in r["Parameters"] if k.startswith("InstanceId.")]) for r in sends)
assert sizes == [1, 100], sizes
assert all(r["Action"] == "StopInstances" for r in sends), [r["Action"] for r in sends]
'

# ================================================================== operator mistakes (exit 2)
env -u ALIBABA_CLOUD_ACCESS_KEY_ID -u ALIBABA_CLOUD_ACCESS_KEY_SECRET timeout 60 "$EF" --endpoint "$URL" --region "$REGION" list \
    >"$T/nocreds.out" 2>"$T/nocreds.err" </dev/null
RC=$?
if [ "$RC" -eq 2 ] && grep -qF -- "--sandbox" "$T/nocreds.err" && no_trace nocreds; then pass "no credentials (no env, no config.json): exit 2, message mentions --sandbox"
else fail "no credentials (no env, no config.json): exit 2, message mentions --sandbox" "$(ctx nocreds)"; fi

env -u ALIBABA_CLOUD_ACCESS_KEY_SECRET timeout 60 "$EF" --endpoint "$URL" --region "$REGION" list >"$T/halfcreds.out" 2>"$T/halfcreds.err" </dev/null
RC=$?
if [ "$RC" -eq 2 ] && grep -q "ALIBABA_CLOUD_ACCESS_KEY_SECRET" "$T/halfcreds.err"; then pass "only the key ID set: exit 2 naming the missing variable"
else fail "only the key ID set: exit 2 naming the missing variable" "$(ctx halfcreds)"; fi

ALIBABA_CLOUD_ACCESS_KEY_SECRET=wrong-secret timeout 60 "$EF" --endpoint "$URL" --region "$REGION" list >"$T/badsecret.out" 2>"$T/badsecret.err" </dev/null
RC=$?
if [ "$RC" -eq 2 ] && grep -qi "secret" "$T/badsecret.err" && ! grep -qF "wrong-secret" "$T/badsecret.err"; then pass "wrong secret: exit 2, says the secret is wrong without printing it"
else fail "wrong secret: exit 2, says the secret is wrong without printing it" "$(ctx badsecret)"; fi

raw region --endpoint "$URL" --region xx-nowhere-1 list
if [ "$RC" -eq 2 ] && grep -q "xx-nowhere-1" "$T/region.err" && no_trace region; then pass "--region xx-nowhere-1: exit 2 with a message naming the region"
else fail "--region xx-nowhere-1: exit 2 with a message naming the region" "$(ctx region)"; fi

raw region_stop --endpoint "$URL" --region xx-nowhere-1 stop --instance-id i-e2erun01 --yes
if [ "$RC" -eq 2 ] && grep -q "xx-nowhere-1" "$T/region_stop.err"; then pass "stop in --region xx-nowhere-1: exit 2 with a message naming the region"
else fail "stop in --region xx-nowhere-1: exit 2 with a message naming the region" "$(ctx region_stop)"; fi

CLOSED_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
raw closed --endpoint "http://127.0.0.1:$CLOSED_PORT" --region "$REGION" list
if [ "$RC" -eq 2 ] && [ "$MS" -lt 10000 ] && no_trace closed; then pass "unreachable endpoint (closed port $CLOSED_PORT): exit 2 in ${MS} ms"
else fail "unreachable endpoint (closed port $CLOSED_PORT): exit 2 quickly (took ${MS} ms)" "$(ctx closed)"; fi
grep -qi "endpoint\|connect" "$T/closed.err" && pass "unreachable endpoint: the message says it cannot connect" || fail "unreachable endpoint: the message says it cannot connect" "$(ctx closed)"

raw closed_stop --endpoint "http://127.0.0.1:$CLOSED_PORT" --region "$REGION" stop --instance-id i-e2erun01 --yes
if [ "$RC" -eq 2 ] && [ "$MS" -lt 10000 ]; then pass "stop against an unreachable endpoint: exit 2 in ${MS} ms"
else fail "stop against an unreachable endpoint: exit 2 quickly (took ${MS} ms)" "$(ctx closed_stop)"; fi

raw insecure --endpoint http://ecs-sim.invalid:80 --region "$REGION" list
if [ "$RC" -eq 2 ] && grep -qF -- "--insecure-http" "$T/insecure.err" && [ "$MS" -lt 3000 ]; then pass "--endpoint http://ecs-sim.invalid:80 refused before any connection (exit 2 in ${MS} ms, mentions --insecure-http)"
else fail "--endpoint http://ecs-sim.invalid:80 refused before any connection (exit 2 quickly, mentions --insecure-http; took ${MS} ms)" "$(ctx insecure)"; fi
raw insecure_stop --endpoint http://ecs-sim.invalid:80 --region "$REGION" stop --instance-id i-e2erun01 --yes
if [ "$RC" -eq 2 ] && [ "$MS" -lt 3000 ]; then pass "stop with --endpoint http://ecs-sim.invalid:80 refused (exit 2 in ${MS} ms)"
else fail "stop with --endpoint http://ecs-sim.invalid:80 refused (exit 2 quickly; took ${MS} ms)" "$(ctx insecure_stop)"; fi

raw badscheme --endpoint ftp://127.0.0.1:21 --region "$REGION" list
[ "$RC" -eq 2 ] && no_trace badscheme && pass "--endpoint ftp://...: exit 2" || fail "--endpoint ftp://...: exit 2" "$(ctx badscheme)"

i=0
for args in "list --bogus-flag" "list --output xml" "stop --instance-id i-e2erun01 --batch Sometimes --yes" \
            "stop --instance-id i-e2erun01 --stopped-mode Hibernate --yes" "stop --yes" "list --status Sleeping" \
            "--signature v2 list" "stop --instance-id i-e2erun01 --timeout 0 --yes --wait" "frobnicate" "journal --last 0" \
            "status --ids-from $T/does-not-exist"; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    raw "badflag$i" --endpoint "$URL" --region "$REGION" $args
    if [ "$RC" -eq 2 ] && no_trace "badflag$i" && [ -s "$T/badflag$i.err" ]; then pass "bad usage 'ecsfleet $args': exit 2 with a message, no stack trace"
    else fail "bad usage 'ecsfleet $args': exit 2 with a message, no stack trace" "$(ctx "badflag$i")"; fi
done

# ================================================================== a second fleet: long and hostile names, stuck instances
# Its own simulator, so the counts above stay as they are: see review_fleet in fleet.py.
# start_sim NAME args...: starts ecs-sim with the suite's credentials; its URL in SIM_URL (empty if it did not start).
start_sim() {
    local name="$1"; shift
    ECS_SIM_LOG_LEVEL=warning "$SIM" --access-key-id "$AK" --access-key-secret "$SECRET" "$@" >"$T/$name.out" 2>"$T/$name.err" </dev/null &
    EXTRA_SIM_PIDS+=("$!")
    SIM_URL=""
    for _ in $(seq 1 300); do
        SIM_URL="$(head -n 1 "$T/$name.out" 2>/dev/null)"
        [ -n "$SIM_URL" ] && break
        kill -0 "$!" 2>/dev/null || break
        sleep 0.1
    done
}
# run_at URL NAME [env...] -- args...: runs ecsfleet against the simulator at URL, with the env assignments given.
run_at() {
    local url="$1" name="$2"; shift 2
    local envs=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    env ${envs[@]+"${envs[@]}"} timeout 120 "$EF" --endpoint "$url" --region "$REGION" "$@" >"$T/$name.out" 2>"$T/$name.err" </dev/null
    RC=$?
}
# rv NAME [env...] -- args...: as run, against the review fleet's simulator.
rv() { run_at "$RV_URL" "$@"; }
# no_raw_controls FILE...: no byte of a C0 control but newline, DEL, C1 control (UTF-8 C2 80-9F) or bidi control.
no_raw_controls() {
    python3 - "$@" <<'PY'
import re, sys
bad = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]")
found = [(p, m.group()) for p in sys.argv[1:] for m in [bad.search(open(p, "rb").read())] if m]
if found:
    print(found)
sys.exit(1 if found else 0)
PY
}

python3 "$HERE/fleet.py" "$T/review.json" review || abort "write the review fleet file"
start_sim rvsim --fleet "$T/review.json" --seed 7 --stop-delay 0.3-0.6 --start-delay 0.3-0.6
RV_URL="$SIM_URL"
case "$RV_URL" in
    http://*) pass "ecs-sim (review fleet) started at $RV_URL" ;;
    *) abort "ecs-sim (review fleet) started" "$(cat "$T/rvsim.err")" ;;
esac

# Table: a 135-character name (and a 162-column CJK one) is cut with … and leaves the other columns their room.
for cols in 80 120; do
    rv "rv_table$cols" COLUMNS="$cols" -- list
    if why="$(python3 - "$T/rv_table$cols.out" "$cols" <<'PY'
import sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
cols = int(sys.argv[2])
def width(s):
    return sum(0 if unicodedata.category(c) in ("Mn", "Me", "Cf") else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)
header = lines[0]
want = ["ID", "NAME", "STATUS", "PRIVATE IP", "PUBLIC IP"] + (["TYPE", "ZONE"] if cols >= 120 else [])
missing = [w for w in want if w not in header]
assert not missing, f"columns pushed out at {cols}: {missing} (header {header!r})"
too_wide = [l for l in lines if width(l) > cols]
assert not too_wide, f"lines wider than {cols}: {too_wide[:2]!r}"
status_at = width(header[:header.index("STATUS")])
name_at = width(header[:header.index("NAME")])
for iid in ("i-rvlong01", "i-rvlongcjk01", "i-rvrun01"):
    [line] = [l for l in lines if l.startswith(iid + " ")]
    k = line.index("  Running")
    assert width(line[:k + 2]) == status_at, f"{iid}: STATUS at {width(line[:k + 2])}, header at {status_at}: {line!r}"
    if iid != "i-rvrun01":
        name = line[len(header[:header.index("NAME")]):k].rstrip()
        assert name.endswith("…"), f"{iid}: name not ellipsised: {name!r}"
        assert 20 <= width(name) <= 40, f"{iid}: NAME takes {width(name)} columns"
cjk = [l for l in lines if l.startswith("i-rvlongcjk01 ")][0]
assert "生产环境" in cjk and "\ufffd" not in cjk, cjk
print("ok")
PY
)"; then pass "list table at COLUMNS=$cols: long names end in …, NAME is capped, STATUS aligned, the other columns survive"
    else fail "list table at COLUMNS=$cols: long names end in …, NAME is capped, STATUS aligned, the other columns survive" "$why"; fi
done
if no_raw_controls "$T/rv_table80.out" >/dev/null; then pass "list table: a name with C1 CSI (U+009B) and bidi controls reaches stdout as no raw control"
else fail "list table: a name with C1 CSI (U+009B) and bidi controls reaches stdout as no raw control" "$(no_raw_controls "$T/rv_table80.out")"; fi

# JSON: C1 controls, U+2028/U+2029 and bidi controls are \u escapes; the names parse back exactly.
rv rv_json -- list --output json
if why="$(no_raw_controls "$T/rv_json.out")"; then pass "list --output json writes U+009B, U+202E, U+2066/U+2069 and U+2028 as \\u escapes (no raw bytes)"
else fail "list --output json writes U+009B, U+202E, U+2066/U+2069 and U+2028 as \\u escapes (no raw bytes)" "$why"; fi
expect_json "list --output json: the hostile and long names parse back exactly" "$T/rv_json.out" '
m = by_id(d)
assert m["i-rvc1bidi01"]["InstanceName"] == "c1\u009b31mred\u202egnp.exe\u2066x\u2069\u2028y", repr(m["i-rvc1bidi01"]["InstanceName"])
assert len(m["i-rvlong01"]["InstanceName"]) == 135, len(m["i-rvlong01"]["InstanceName"])
assert "\\u009b" in text and "\\u202e" in text, "escapes"
'

# Exit status of stop/start: 0 only when every instance is where it was asked to be.
check_status() {  # check_status WANT DESCRIPTION args...
    local want="$1" desc="$2"; shift 2
    rv rv_status -- "$@" --yes --output json
    if [ "$RC" -eq "$want" ]; then pass "$desc: exit $want"; else fail "$desc: exit $want" "$(ctx rv_status)"; fi
}
check_status 0 "stop of an instance already Stopped (skipped, already there)" stop --instance-id i-rvstopped01
check_status 0 "stop --dry-run of an instance already Stopped" stop --instance-id i-rvstopped01 --dry-run
check_status 1 "stop of a Stopping instance (skipped, not Stopped)" stop --instance-id i-rvstopping01
check_status 1 "stop --dry-run of a Stopping instance" stop --instance-id i-rvstopping01 --dry-run
check_status 1 "stop of a Pending instance (skipped, InstanceNotReady)" stop --instance-id i-rvpend01
check_status 1 "stop of a Starting instance" stop --instance-id i-rvstarting01
check_status 1 "stop of a Stopped instance with a financial lock (skipped for the lock)" stop --instance-id i-rvstopfin01
check_status 1 "start of a Starting instance (skipped, not Running yet)" start --instance-id i-rvstarting01
check_status 1 "start --dry-run of a Stopped instance with a financial lock" start --instance-id i-rvstopfin01 --dry-run
check_status 0 "start --dry-run of a Running instance (already there)" start --instance-id i-rvrun01 --dry-run

# StopCharging on instances that cannot use it: the preflight says which will keep charging, and why.
rv rv_std -- stop --instance-id i-rvrun01 --instance-id i-rvsub01 --instance-id i-rvdisk01 --stopped-mode StopCharging --dry-run
if [ "$RC" -eq 0 ] && grep -q "^note: 2 instances would stop in standard mode and keep charging" "$T/rv_std.out" \
   && grep -q "i-rvsub01" <(grep "^note:" "$T/rv_std.out") && grep -q "local disks: i-rvdisk01" "$T/rv_std.out" \
   && ! grep "^note:" "$T/rv_std.out" | grep -q "i-rvrun01"; then
    pass "stop --stopped-mode StopCharging (table): a note names the 2 instances that stop in standard mode and why"
else fail "stop --stopped-mode StopCharging (table): a note names the 2 instances that stop in standard mode and why" "$(ctx rv_std)"; fi
rv rv_std_json -- stop --instance-id i-rvrun01 --instance-id i-rvsub01 --instance-id i-rvdisk01 --stopped-mode StopCharging --dry-run --output json
if [ "$RC" -eq 0 ] && grep -q "standard mode" "$T/rv_std_json.err" && grep -q "i-rvsub01" "$T/rv_std_json.err" && grep -q "i-rvdisk01" "$T/rv_std_json.err" \
   && ! grep -q "standard mode" "$T/rv_std_json.out"; then
    expect_json "stop --stopped-mode StopCharging --output json: the note goes to stderr, stdout stays the JSON array" "$T/rv_std_json.out" 'assert len(d) == 3, d'
else fail "stop --stopped-mode StopCharging --output json: the note goes to stderr, stdout stays the JSON array" "$(ctx rv_std_json)"; fi

# SuccessFirst dry run with --output json: the note about per-instance dry runs is on stderr.
rv rv_sf_json -- stop --instance-id i-rvrun01 --instance-id i-rvsub01 --batch SuccessFirst --dry-run --output json
if [ "$RC" -eq 0 ] && grep -q "SuccessFirst dry run" "$T/rv_sf_json.err"; then
    expect_json "stop --batch SuccessFirst --dry-run --output json: the per-instance dry-run note on stderr, JSON on stdout" "$T/rv_sf_json.out" '
assert [r["Outcome"] for r in d] == ["dry-run-passed", "dry-run-passed"], d'
else fail "stop --batch SuccessFirst --dry-run --output json: the per-instance dry-run note on stderr, JSON on stdout" "$(ctx rv_sf_json)"; fi

# --ids-from: a UTF-8 byte order mark and CRLF line ends (a file saved on Windows), from a file and from stdin.
printf '\xef\xbb\xbfi-rvrun01\r\ni-rvsub01, i-rvdisk01  # comment\r\n\r\n' >"$T/bom_ids.txt"
rv rv_bom -- status --ids-from "$T/bom_ids.txt" --output json
if [ "$RC" -eq 0 ]; then expect_json "--ids-from FILE with a BOM and CRLF: every ID read (the first one too)" "$T/rv_bom.out" '
assert [(r["InstanceId"], r["Status"]) for r in d] == [("i-rvrun01", "Running"), ("i-rvsub01", "Running"), ("i-rvdisk01", "Running")], d'
else fail "--ids-from FILE with a BOM and CRLF: every ID read (exit 0)" "$(ctx rv_bom)"; fi
timeout 60 "$EF" --endpoint "$RV_URL" --region "$REGION" status --ids-from - --output json <"$T/bom_ids.txt" >"$T/rv_bom_stdin.out" 2>"$T/rv_bom_stdin.err"
RC=$?
if [ "$RC" -eq 0 ]; then expect_json "--ids-from - (stdin) with a BOM and CRLF: every ID read" "$T/rv_bom_stdin.out" 'assert [r["InstanceId"] for r in d] == ["i-rvrun01", "i-rvsub01", "i-rvdisk01"], d'
else fail "--ids-from - (stdin) with a BOM and CRLF: every ID read (exit 0)" "$(ctx rv_bom_stdin)"; fi

# status of a malformed ID: a usage error naming it (escaped), not NotFound.
rv rv_malformed -- status --instance-id foo --instance-id i-rvrun01
if [ "$RC" -eq 2 ] && grep -qF "'foo' is not an instance ID" "$T/rv_malformed.err" && ! grep -q "NotFound" "$T/rv_malformed.out" "$T/rv_malformed.err"; then
    pass "status --instance-id foo: exit 2, says 'foo' is not an instance ID"
else fail "status --instance-id foo: exit 2, says 'foo' is not an instance ID" "$(ctx rv_malformed)"; fi
printf 'i-rvrun01\ni-\033[2J\033]0;pwned\007x\n' >"$T/esc_ids.txt"
rv rv_malformed_esc -- status --ids-from "$T/esc_ids.txt"
if [ "$RC" -eq 2 ] && grep -qF 'i-\u{1B}[2J\u{1B}]0;pwned\u{7}x' "$T/rv_malformed_esc.err" && no_raw_controls "$T/rv_malformed_esc.err" >/dev/null; then
    pass "status with an escape-laden ID from --ids-from: exit 2, the ID shown with visible escapes, no raw control byte"
else fail "status with an escape-laden ID from --ids-from: exit 2, the ID shown with visible escapes, no raw control byte" "$(ctx rv_malformed_esc | cat -v)"; fi

# Control characters in what the operator typed never reach stderr raw.
i=0
for args in $'list --region cn-\e[31mhz' $'list --status Run\e]0;x\a' $'list --tag =\e[2J' $'status --ids-from /nope/\e[2J' \
            $'stop --instance-id i-rvrun01 --batch \xc2\x9bX' $'--signature v\xe2\x80\xae3 list'; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    timeout 60 "$EF" --endpoint "$RV_URL" $args >"$T/ctl$i.out" 2>"$T/ctl$i.err" </dev/null
    RC=$?
    if [ "$RC" -eq 2 ] && [ -s "$T/ctl$i.err" ] && grep -qF '\u{' "$T/ctl$i.err" && no_raw_controls "$T/ctl$i.err" >/dev/null; then
        pass "bad value with control characters ($(printf '%s' "$args" | cat -v)): exit 2, escaped as \\u{..} in the message"
    else fail "bad value with control characters ($(printf '%s' "$args" | cat -v)): exit 2, escaped as \\u{..} in the message" "$(ctx "ctl$i" | cat -v)"; fi
done

# --endpoint needs a scheme and a host.
raw notaurl --endpoint notaurl --region "$REGION" list
if [ "$RC" -eq 2 ] && [ "$MS" -lt 3000 ] && grep -qF "'notaurl'" "$T/notaurl.err" && grep -qF "http:// or https://" "$T/notaurl.err" \
   && grep -qF "such as https://" "$T/notaurl.err"; then pass "--endpoint notaurl: exit 2 at once, says a http:// or https:// URL is needed, with an example"
else fail "--endpoint notaurl: exit 2 at once, says a http:// or https:// URL is needed, with an example" "$(ctx notaurl)"; fi

# --sandbox and --endpoint together: which fleet would a stop reach? Refused before anything starts.
raw sandboxendpoint --sandbox --endpoint "$URL" list
if [ "$RC" -eq 2 ] && grep -qF -- "--sandbox runs its own simulator" "$T/sandboxendpoint.err" && [ ! -s "$T/sandboxendpoint.out" ]; then
    pass "--sandbox with --endpoint: exit 2, says to drop one, lists nothing"
else fail "--sandbox with --endpoint: exit 2, says to drop one, lists nothing" "$(ctx sandboxendpoint)"; fi

# Negative or zero counts: the command's own message, not ArgumentParser's "Missing value".
i=0
for args in "journal --last -3" "journal --last=-3" "journal --last 0" "stop --instance-id i-rvrun01 --timeout -1 --yes --wait" \
            "stop --instance-id i-rvrun01 --timeout=-1 --yes --wait" "start --instance-id i-rvrun01 --timeout 0 --yes --wait"; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    rv "neg$i" -- $args
    if [ "$RC" -eq 2 ] && grep -q "must be a positive number" "$T/neg$i.err" && ! grep -qi "missing value" "$T/neg$i.err"; then
        pass "'ecsfleet $args': exit 2, 'must be a positive number'"
    else fail "'ecsfleet $args': exit 2, 'must be a positive number'" "$(ctx "neg$i")"; fi
done

# ecs-sim --regions with no region in it.
timeout 30 "$SIM" --regions , >"$T/sim_regions.out" 2>"$T/sim_regions.err" </dev/null
RC=$?
if [ "$RC" -eq 2 ] && grep -q "names no region" "$T/sim_regions.err" && [ ! -s "$T/sim_regions.out" ]; then pass "ecs-sim --regions , : exit 2 naming the problem"
else fail "ecs-sim --regions , : exit 2 naming the problem" "$(ctx sim_regions)"; fi

# ================================================================== the service failing (fault injection): exit 1, one line
start_sim faultsim --generate 5 --regions "$REGION" --seed 3 --faults error503=1
FAULT_URL="$SIM_URL"
start_sim throttlesim --generate 5 --regions "$REGION" --seed 3 --faults throttle=1
THROTTLE_URL="$SIM_URL"
if [ -n "$FAULT_URL" ] && [ -n "$THROTTLE_URL" ]; then
    pass "ecs-sim with --faults error503=1 and --faults throttle=1 started"
    one_line_failure() {  # one_line_failure NAME DESCRIPTION PATTERN...: exit 1, nothing on stdout, one line on stderr with each pattern
        local name="$1" desc="$2" ok=1; shift 2
        [ "$RC" -eq 1 ] && [ ! -s "$T/$name.out" ] && [ "$(wc -l <"$T/$name.err")" -eq 1 ] || ok=0
        for p in "$@"; do grep -qF -- "$p" "$T/$name.err" || ok=0; done
        if [ "$ok" -eq 1 ]; then pass "$desc"; else fail "$desc" "$(ctx "$name")"; fi
    }
    raw f_list --endpoint "$FAULT_URL" --region "$REGION" list --output json
    one_line_failure f_list "list while every call answers 503: exit 1 (not 2), one line, after the retries" \
        "DescribeInstances in $REGION failed after 4 attempts" "ServiceUnavailable" "try again later"
    raw f_stop --endpoint "$FAULT_URL" --region "$REGION" stop --instance-id i-abc123 --yes
    one_line_failure f_stop "stop whose preflight DescribeInstances keeps failing: exit 1, one line, nothing sent" \
        "DescribeInstances in $REGION failed" "Nothing was sent"
    raw f_status --endpoint "$FAULT_URL" --region "$REGION" status --instance-id i-abc123
    one_line_failure f_status "status while every call answers 503: exit 1, one line" "DescribeInstances in $REGION failed" "ServiceUnavailable"
    raw f_throttle --endpoint "$THROTTLE_URL" --region "$REGION" list
    one_line_failure f_throttle "list while every call is throttled: exit 1 after the retries (honouring x-acs-retry-after)" \
        "failed after 4 attempts" "Throttling.User"
else
    fail "ecs-sim with --faults started" "$(cat "$T/faultsim.err" "$T/throttlesim.err")"
fi

# ================================================================== operator review: prompts, regions, reachability, interrupts
# A simulator of its own with slow transitions (3 s), so that a stop can be caught between its send and its end.
start_sim opsim --fleet "$T/fleet.json" --seed 11 --stop-delay 3-3 --start-delay 3-3
OP_URL="$SIM_URL"
case "$OP_URL" in
    http://*) pass "ecs-sim (slow transitions, for interrupts) started at $OP_URL" ;;
    *) abort "ecs-sim (slow transitions) started" "$(cat "$T/opsim.err")" ;;
esac
OP_PORT="${OP_URL##*:}"
# op NAME [env...] -- args...: as run, against the slow simulator.
op() { run_at "$OP_URL" "$@"; }
op_status() {  # op_status ID: the instance's status on the slow simulator
    timeout 60 "$EF" --endpoint "$OP_URL" --region "$REGION" status --instance-id "$1" --output json 2>/dev/null \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Status"])' 2>/dev/null
}
sends() { local n; n="$(grep -c '"Event":"send"' "$JOURNAL" 2>/dev/null)"; echo "${n:-0}"; }
# in_background NAME SIGNAL [env...] -- ecsfleet args...: starts ecsfleet in the background, waits until the journal
# has a new send record (the call went out), sends SIGNAL, and waits for it: status in RC, output in $T/NAME.*.
in_background() {
    local name="$1" sig="$2"; shift 2
    local envs=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    local before pid
    before="$(sends)"
    env ${envs[@]+"${envs[@]}"} timeout 120 "$EF" "$@" >"$T/$name.out" 2>"$T/$name.err" </dev/null &
    pid=$!
    for _ in $(seq 1 300); do [ "$(sends)" -gt "$before" ] && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    sleep 0.2
    kill "-$sig" "$pid" 2>/dev/null
    wait "$pid"
    RC=$?
}
last_operation() { python3 -c 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1]) if l.strip()]; print([x for x in r if x["Event"]=="begin"][-1]["Operation"])' "$JOURNAL"; }

# --- plain HTTP only to loopback literals: names that merely start with 127. are not this machine.
for host in "http://127.evil.invalid:80" "http://127.0.0.1.ecs-sim.invalid"; do
    raw loopname --endpoint "$host" --region "$REGION" list
    if [ "$RC" -eq 2 ] && grep -qF -- "--insecure-http" "$T/loopname.err" && [ "$MS" -lt 3000 ]; then
        pass "--endpoint $host: refused as plain HTTP off loopback (exit 2, --insecure-http named)"
    else fail "--endpoint $host: refused as plain HTTP off loopback (exit 2, --insecure-http named)" "$(ctx loopname)"; fi
done

# --- the confirmation prompt says "Type yes": y and Y are no; yes in any case is yes (a pseudo-terminal answers).
# ask_tty ANSWER NAME args...: runs ecsfleet on a new pseudo-terminal (its controlling terminal and stdin), waits for
# the question, then types ANSWER or, for --signal-INT/--signal-TERM, sends that signal; status in RC.
cat >"$T/ask_tty.py" <<'PY'
import os, pty, select, signal, sys, time
answer, out_path, err_path, argv = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
pid, fd = pty.fork()
if pid == 0:
    err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(err, 2)
    os.execvp(argv[0], argv)
seen, deadline, sent = b"", time.time() + 60, False
while True:
    if not sent and b"Type yes" in seen:
        if answer.startswith("--signal-"):
            time.sleep(0.3)
            os.kill(pid, getattr(signal, "SIG" + answer[len("--signal-"):]))
        else:
            os.write(fd, answer.encode() + b"\n")
        sent = True
    r, _, _ = select.select([fd], [], [], 0.2)
    if r:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        seen += data
    if time.time() > deadline:
        os.kill(pid, signal.SIGKILL)
        break
_, status = os.waitpid(pid, 0)
open(out_path, "wb").write(seen)
print(os.waitstatus_to_exitcode(status))
PY
ask_tty() {
    local answer="$1" name="$2"; shift 2
    RC="$(timeout 90 python3 "$T/ask_tty.py" "$answer" "$T/$name.out" "$T/$name.err" "$EF" --endpoint "$OP_URL" --region "$REGION" "$@")"
}
for answer in y Y; do
    ask_tty "$answer" "ask_$answer" stop --instance-id i-e2erun01
    if [ "$RC" = 3 ] && grep -q "Type yes to continue" "$T/ask_$answer.out" && grep -q "Not confirmed" "$T/ask_$answer.err" \
       && [ "$(op_status i-e2erun01)" = Running ]; then pass "stop, answering '$answer' to 'Type yes to continue': not confirmed (exit 3), nothing sent"
    else fail "stop, answering '$answer' to 'Type yes to continue': not confirmed (exit 3), nothing sent" "$(ctx "ask_$answer")"; fi
done
ask_tty YES ask_yes stop --instance-id i-e2erun01
if [ "$RC" = 0 ] && [ "$(op_status i-e2erun01)" != Running ]; then pass "stop, answering 'YES': confirmed (exit 0), the stop is sent"
else fail "stop, answering 'YES': confirmed (exit 0), the stop is sent" "$(ctx ask_yes)"; fi
ask_tty --signal-INT ask_int stop --instance-id i-e2erun02
if [ "$RC" = 130 ] && [ "$(cat "$T/ask_int.err")" = "ecsfleet: interrupted; nothing was sent." ] && [ "$(op_status i-e2erun02)" = Running ]; then
    pass "SIGINT at the confirmation prompt: exit 130, one line 'interrupted; nothing was sent.', nothing sent"
else fail "SIGINT at the confirmation prompt: exit 130, one line 'interrupted; nothing was sent.', nothing sent" "$(ctx ask_int)"; fi

# --- several regions for stop, start and status (each ID's region is looked up); one for journal --resume
op regions1 -- --region cn-shanghai status --instance-id i-e2erun02 i-e2esh01 --output json
if [ "$RC" -eq 0 ] && why="$(pycheck "$T/regions1.out" 'assert [(r["InstanceId"], r["RegionId"]) for r in d] == [("i-e2erun02", "cn-hangzhou"), ("i-e2esh01", "cn-shanghai")], d')"; then
    pass "status with two --region: each ID in its own region"
else fail "status with two --region: each ID in its own region" "${why:-}$(ctx regions1)"; fi
op regions2 -- --region cn-shanghai journal --resume
if [ "$RC" -eq 2 ] && grep -q "works in one region" "$T/regions2.err" && grep -qF "cn-hangzhou, cn-shanghai" "$T/regions2.err" && [ ! -s "$T/regions2.out" ]; then
    pass "'journal --resume' with two --region: exit 2, says it works in one region"
else fail "'journal --resume' with two --region: exit 2, says it works in one region" "$(ctx regions2)"; fi
op regions_same -- --region "$REGION" status --instance-id i-e2erun02 --output json
[ "$RC" -eq 0 ] && pass "the same --region twice is one region (status exit 0)" || fail "the same --region twice is one region (status exit 0)" "$(ctx regions_same)"

# --- an endpoint that cannot be reached is the operator's to fix (exit 2), whatever the reason, and says so plainly
raw dns --endpoint https://ecs-sim.invalid --region "$REGION" list
if [ "$RC" -eq 2 ] && grep -q "could not be resolved" "$T/dns.err" && grep -qF "Check the network, --endpoint" "$T/dns.err" \
   && ! grep -q "service's side" "$T/dns.err" && [ "$(wc -l <"$T/dns.err")" -eq 1 ]; then pass "--endpoint https://ecs-sim.invalid (DNS failure): exit 2, one line, 'could not be resolved', check the network or --endpoint"
else fail "--endpoint https://ecs-sim.invalid (DNS failure): exit 2, one line, 'could not be resolved', check the network or --endpoint" "$(ctx dns)"; fi
raw tls --endpoint "https://127.0.0.1:$OP_PORT" --region "$REGION" list
if [ "$RC" -eq 2 ] && grep -q "TLS handshake failed" "$T/tls.err" && grep -qF "Check the network, --endpoint" "$T/tls.err" \
   && ! grep -qE '/work|\.build|checkouts|\.cc|BoringSSL|service.s side' "$T/tls.err" && [ "$(wc -l <"$T/tls.err")" -eq 1 ]; then
    pass "--endpoint https:// to a plain-HTTP port (TLS failure): exit 2, one line, 'TLS handshake failed', no source path or BoringSSL text"
else fail "--endpoint https:// to a plain-HTTP port (TLS failure): exit 2, one line, 'TLS handshake failed', no source path or BoringSSL text" "$(ctx tls)"; fi
raw tls_stop --endpoint "https://127.0.0.1:$OP_PORT" --region "$REGION" stop --instance-id i-e2erun02 --yes
if [ "$RC" -eq 2 ] && grep -q "TLS handshake failed" "$T/tls_stop.err" && grep -q "Nothing was sent" "$T/tls_stop.err"; then pass "stop over a failing TLS handshake: exit 2, nothing sent"
else fail "stop over a failing TLS handshake: exit 2, nothing sent" "$(ctx tls_stop)"; fi

# --- AllTogether with instances the preflight leaves out: a note says "all or nothing" covers only those sent
op alltogether -- stop --instance-id i-e2erun03 --instance-id i-e2esec01 --instance-id i-e2enothere99 --dry-run
if [ "$RC" -eq 1 ] && grep -q '^note: With AllTogether, the 2 instances the preflight skipped were not part of the dry run, so "all or nothing" applies only to the 1 checked' "$T/alltogether.out"; then
    pass "stop --dry-run (AllTogether) with 2 left out by the preflight: a note says all-or-nothing covers the 1 checked"
else fail "stop --dry-run (AllTogether) with 2 left out by the preflight: a note says all-or-nothing covers the 1 checked" "$(ctx alltogether)"; fi
op alltogether_json -- stop --instance-id i-e2erun03 --instance-id i-e2esec01 --yes --output json
if [ "$RC" -eq 1 ] && grep -q 'With AllTogether, the 1 instance the preflight skipped was not part of the call, so "all or nothing" applies only to the 1 sent' "$T/alltogether_json.err"; then
    expect_json "stop --output json (AllTogether) with a locked instance: the note on stderr, stdout stays the JSON array" "$T/alltogether_json.out" 'assert len(d) == 2, d'
else fail "stop --output json (AllTogether) with a locked instance: the note on stderr, stdout stays the JSON array" "$(ctx alltogether_json)"; fi
op successfirst -- stop --instance-id i-e2erun04 --instance-id i-e2esec01 --batch SuccessFirst --dry-run
if ! grep -q "With AllTogether" "$T/successfirst.out" "$T/successfirst.err"; then pass "SuccessFirst: no all-or-nothing note"
else fail "SuccessFirst: no all-or-nothing note" "$(ctx successfirst)"; fi

# --- tables at 80 columns: ID, OUTCOME, CODE, CURRENT and MESSAGE (cut with …); REGION and PREVIOUS go first; the
# summary fits; the journal's lines too.
fits80() {  # fits80 FILE COLUMN...: no line but notes (prose, one line each) wider than 80 columns; the header has each COLUMN
    python3 - "$@" <<'PY'
import sys, unicodedata
path, want = sys.argv[1], sys.argv[2:]
lines = open(path, encoding="utf-8").read().rstrip("\n").split("\n")
width = lambda s: sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)
wide = [l for l in lines if width(l) > 80 and not l.startswith("note: ")]
assert not wide, f"wider than 80: {wide[:3]!r}"
missing = [w for w in want if w not in lines[0].split()]
assert not missing, f"missing columns {missing} in {lines[0]!r}"
print("ok")
PY
}
op table80 COLUMNS=80 -- stop --instance-id i-e2erun04 --instance-id i-e2esec01 --instance-id i-e2enothere99 --instance-id i-e2estop01 --stopped-mode StopCharging --dry-run
if why="$(fits80 "$T/table80.out" ID OUTCOME CODE CURRENT MESSAGE)" && grep -q "…" "$T/table80.out" && ! head -n 1 "$T/table80.out" | grep -qE "REGION|PREVIOUS" \
   && grep -q "^(operation [0-9a-z-]*)$" "$T/table80.out"; then pass "stop table at COLUMNS=80: ID, OUTCOME, CODE, CURRENT and MESSAGE (cut with …), no line over 80, the summary wrapped"
else fail "stop table at COLUMNS=80: ID, OUTCOME, CODE, CURRENT and MESSAGE (cut with …), no line over 80, the summary wrapped" "${why:-}$(ctx table80)"; fi
op journal80 COLUMNS=80 -- journal --last 4
if why="$(python3 - "$T/journal80.out" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().rstrip("\n").split("\n")
wide = [l for l in lines if len(l) > 80]
assert not wide, f"wider than 80: {wide[:3]!r}"
assert any("stop (dry run)" in l for l in lines), "no dry run marked"
assert any("StopCharging, AllTogether" in l for l in lines), "options not shown"
print("ok")
PY
)"; then pass "journal table at COLUMNS=80: no line over 80, dry runs marked 'stop (dry run)', options shown"
else fail "journal table at COLUMNS=80: no line over 80, dry runs marked 'stop (dry run)', options shown" "$why$(ctx journal80)"; fi

# --- interrupting stop --wait: one line on stderr, exit 130, the operation left for journal --resume
in_background int_stop INT -- --endpoint "$OP_URL" --region "$REGION" stop --instance-id i-e2erun05 --instance-id i-e2erun06 --yes --wait
INT_OP="$(last_operation)"
if [ "$RC" -eq 130 ] && [ "$(cat "$T/int_stop.err")" = "ecsfleet: interrupted; operation $INT_OP was sent and stays in the journal: run \`ecsfleet journal --resume $INT_OP\` to finish it" ]; then
    pass "SIGINT during stop --wait: exit 130, one line naming operation $INT_OP and \`ecsfleet journal --resume\`"
else fail "SIGINT during stop --wait: exit 130, one line naming the operation and \`ecsfleet journal --resume\`" "$(ctx int_stop)"; fi
op int_journal -- journal --last 1
if grep -qF "INTERRUPTED (run \`ecsfleet journal --resume $INT_OP\`)" "$T/int_journal.out" && grep -qF "$INT_OP" "$T/int_journal.out"; then pass "journal shows the interrupted stop as INTERRUPTED with the command that finishes it"
else fail "journal shows the interrupted stop as INTERRUPTED with the command that finishes it" "$(ctx int_journal)"; fi
env -u ALIBABA_CLOUD_ACCESS_KEY_ID -u ALIBABA_CLOUD_ACCESS_KEY_SECRET timeout 120 "$EF" --sandbox journal --resume >"$T/int_wrong.out" 2>"$T/int_wrong.err" </dev/null
RC=$?
if [ "$RC" -eq 2 ] && grep -qF "$INT_OP" "$T/int_wrong.err" && grep -q "ALIBABA_CLOUD_ACCESS_KEY_ID" "$T/int_wrong.err" && ! grep -q -- "--profile environment" "$T/int_wrong.err" \
   && [ ! -s "$T/int_wrong.out" ]; then pass "--sandbox journal --resume of an operation made with ALIBABA_CLOUD_* credentials: exit 2, says to set those variables (not --profile environment), on stderr"
else fail "--sandbox journal --resume of an operation made with ALIBABA_CLOUD_* credentials: exit 2, says to set those variables, on stderr" "$(ctx int_wrong)"; fi
# No --region and no ALIBABA_CLOUD_REGION_ID: the region comes from the journal.
raw int_resume --endpoint "$OP_URL" journal --resume --output json
if [ "$RC" -eq 0 ] && grep -q "Resumed stop $INT_OP" "$T/int_resume.err"; then
    expect_json "journal --resume --output json (no --region): a JSON array of the resumed instances, stopped, each with its Operation" "$T/int_resume.out" "
assert sorted((r['InstanceId'], r['Outcome'], r['CurrentStatus'], r['Operation']) for r in d) == [('i-e2erun05', 'stopped', 'Stopped', '$INT_OP'), ('i-e2erun06', 'stopped', 'Stopped', '$INT_OP')], d
assert all(set(r) >= {'InstanceId', 'RegionId', 'Outcome', 'Code', 'Message', 'PreviousStatus', 'CurrentStatus'} for r in d), d
"
else fail "journal --resume --output json (no --region): exit 0, finishes the interrupted stop" "$(ctx int_resume)"; fi
raw int_again --endpoint "$OP_URL" journal --resume --output json
if [ "$RC" -eq 0 ] && [ "$(tr -d ' \n' <"$T/int_again.out")" = "[]" ] && grep -qi "nothing to resume" "$T/int_again.err"; then pass "journal --resume --output json with nothing left: [] on stdout, the message on stderr"
else fail "journal --resume --output json with nothing left: [] on stdout, the message on stderr" "$(ctx int_again)"; fi

# --- SIGTERM during start --wait: exit 143; resumed afterwards.
in_background term_start TERM -- --endpoint "$OP_URL" --region "$REGION" start --instance-id i-e2erun05 --yes --wait
TERM_OP="$(last_operation)"
if [ "$RC" -eq 143 ] && grep -qF "interrupted; operation $TERM_OP was sent" "$T/term_start.err" && [ "$(wc -l <"$T/term_start.err")" -eq 1 ]; then pass "SIGTERM during start --wait: exit 143, one line"
else fail "SIGTERM during start --wait: exit 143, one line" "$(ctx term_start)"; fi
op term_resume -- journal --resume
if [ "$RC" -eq 0 ] && grep -qF "Resumed start $TERM_OP" "$T/term_resume.out" && [ "$(op_status i-e2erun05)" = Running ]; then pass "journal --resume finishes the interrupted start (i-e2erun05 Running)"
else fail "journal --resume finishes the interrupted start" "$(ctx term_resume)"; fi

# --- an operation made with an aliyun CLI profile is resumed with that profile
mkdir -p "$HOME/.aliyun"
printf '{"current": "", "profiles": [{"name": "e2e-prof", "mode": "AK", "access_key_id": "%s", "access_key_secret": "%s", "region_id": "%s"}]}\n' \
    "$AK" "$SECRET" "$REGION" >"$HOME/.aliyun/config.json"
in_background prof_stop INT -- --endpoint "$OP_URL" --profile e2e-prof stop --instance-id i-e2erun04 --yes --wait
PROF_OP="$(last_operation)"
if [ "$RC" -eq 130 ] && grep -qF "run \`ecsfleet --profile e2e-prof journal --resume " "$T/prof_stop.err"; then pass "SIGINT during stop --wait --profile e2e-prof: the line says \`ecsfleet --profile e2e-prof journal --resume\`"
else fail "SIGINT during stop --wait --profile e2e-prof: the line says \`ecsfleet --profile e2e-prof journal --resume\`" "$(ctx prof_stop)"; fi
op prof_wrong -- journal --resume
if [ "$RC" -eq 2 ] && grep -qF "$PROF_OP" "$T/prof_wrong.err" && grep -qF "ecsfleet --profile e2e-prof journal --resume" "$T/prof_wrong.err"; then
    pass "journal --resume with other credentials: exit 2, says to resume with --profile e2e-prof"
else fail "journal --resume with other credentials: exit 2, says to resume with --profile e2e-prof" "$(ctx prof_wrong)"; fi
op prof_resume -- --profile e2e-prof journal --resume
if [ "$RC" -eq 0 ] && grep -qF "Resumed stop $PROF_OP" "$T/prof_resume.out"; then pass "--profile e2e-prof journal --resume finishes it"
else fail "--profile e2e-prof journal --resume finishes it" "$(ctx prof_resume)"; fi
rm -f "$HOME/.aliyun/config.json"

# --- the sandbox's operations are resumed with --sandbox
SB_ID="$(env -u ALIBABA_CLOUD_ACCESS_KEY_ID -u ALIBABA_CLOUD_ACCESS_KEY_SECRET timeout 120 "$EF" --sandbox list --region cn-hangzhou --status Running --output json 2>/dev/null \
    | python3 -c 'import json,sys; print([i["InstanceId"] for i in json.load(sys.stdin) if not i["OperationLocks"]["LockReason"]][0])' 2>/dev/null)"
if [ -n "$SB_ID" ]; then
    in_background sb_stop INT -u ALIBABA_CLOUD_ACCESS_KEY_ID -u ALIBABA_CLOUD_ACCESS_KEY_SECRET -- --sandbox --region cn-hangzhou stop --instance-id "$SB_ID" --yes --wait
    SB_OP="$(last_operation)"
    if [ "$RC" -eq 130 ] && grep -qF "operation $SB_OP was sent and stays in the journal: run \`ecsfleet --sandbox journal --resume $SB_OP\` to finish it" "$T/sb_stop.err"; then
        pass "SIGINT during --sandbox stop --wait: exit 130, says \`ecsfleet --sandbox journal --resume\`"
    else fail "SIGINT during --sandbox stop --wait: exit 130, says \`ecsfleet --sandbox journal --resume\`" "$(ctx sb_stop)"; fi
    op sb_wrong -- journal --resume --output json
    if [ "$RC" -eq 2 ] && grep -qF "$SB_OP" "$T/sb_wrong.err" && grep -qF "\`ecsfleet --sandbox journal --resume\`" "$T/sb_wrong.err" && [ "$(tr -d ' \n' <"$T/sb_wrong.out")" = "[]" ]; then
        pass "journal --resume of a sandbox operation without --sandbox: exit 2, says to use --sandbox, [] on stdout"
    else fail "journal --resume of a sandbox operation without --sandbox: exit 2, says to use --sandbox, [] on stdout" "$(ctx sb_wrong)"; fi
    env -u ALIBABA_CLOUD_ACCESS_KEY_ID -u ALIBABA_CLOUD_ACCESS_KEY_SECRET timeout 120 "$EF" --sandbox journal --resume --output json >"$T/sb_resume.out" 2>"$T/sb_resume.err" </dev/null
    RC=$?
    if [ "$RC" -eq 0 ]; then expect_json "--sandbox journal --resume finishes the sandbox's interrupted stop" "$T/sb_resume.out" "
assert [(r['InstanceId'], r['Outcome'], r['Operation']) for r in d] == [('$SB_ID', 'stopped', '$SB_OP')], d"
    else fail "--sandbox journal --resume finishes the sandbox's interrupted stop (exit 0)" "$(ctx sb_resume)"; fi
else
    fail "a running, unlocked sandbox instance to stop"
fi

# --- small messages
printf '# nothing here\n\n   # still nothing\n' >"$T/comments_ids.txt"
printf '\xff\xfei\x00-\x00a\x00b\x00c\x00\n\x00' >"$T/utf16_ids.txt"
printf 'i-abc\xe9def\n' >"$T/latin1_ids.txt"
mkdir -p "$T/ids_dir"
check_ids() {  # check_ids FILE PATTERN DESCRIPTION
    op idsfrom -- status --ids-from "$1"
    if [ "$RC" -eq 2 ] && grep -qF -- "$2" "$T/idsfrom.err" && [ "$(wc -l <"$T/idsfrom.err")" -eq 1 ]; then pass "--ids-from $3: exit 2, '$2'"
    else fail "--ids-from $3: exit 2, '$2'" "$(ctx idsfrom)"; fi
}
check_ids "$T/comments_ids.txt" "$T/comments_ids.txt holds no instance IDs" "a file of comments only"
check_ids "$T/utf16_ids.txt" "$T/utf16_ids.txt is not UTF-8 text" "a UTF-16 file"
check_ids "$T/latin1_ids.txt" "$T/latin1_ids.txt is not UTF-8 text" "a Latin-1 file"
check_ids "$T/no-such-file" "no such file" "a missing file"
check_ids "$T/ids_dir" "$T/ids_dir is a directory" "a directory"
if [ "$(id -u)" -ne 0 ]; then
    printf 'i-e2erun01\n' >"$T/noread_ids.txt"; chmod 000 "$T/noread_ids.txt"
    check_ids "$T/noread_ids.txt" "permission denied" "an unreadable file"
fi
printf 'x' >"$T/state_is_a_file"
op journal_file XDG_STATE_HOME="$T/state_is_a_file/state" -- stop --instance-id i-e2erun02 --yes
if [ "$RC" -eq 2 ] && grep -qF "XDG_STATE_HOME" "$T/journal_file.err" && grep -qF "$T/state_is_a_file/state/ecsfleet/journal.jsonl" "$T/journal_file.err" \
   && grep -qF "is a file, not a directory" "$T/journal_file.err" && ! grep -qi "NSCocoaErrorDomain\|error 512" "$T/journal_file.err" \
   && [ "$(op_status i-e2erun02)" = Running ]; then pass "a journal that cannot be written: exit 2, names the path, why and XDG_STATE_HOME, nothing sent"
else fail "a journal that cannot be written: exit 2, names the path, why and XDG_STATE_HOME, nothing sent" "$(ctx journal_file)"; fi

sim_bad() {  # sim_bad NAME PATTERN DESCRIPTION args...: ecs-sim exits 2 at once with one line holding PATTERN, prints no URL
    local name="$1" pattern="$2" desc="$3"; shift 3
    timeout 30 "$SIM" "$@" >"$T/$name.out" 2>"$T/$name.err" </dev/null
    RC=$?
    if [ "$RC" -eq 2 ] && [ ! -s "$T/$name.out" ] && [ "$(wc -l <"$T/$name.err")" -eq 1 ] && grep -qF -- "$pattern" "$T/$name.err"; then pass "ecs-sim $desc: exit 2, one line, '$pattern'"
    else fail "ecs-sim $desc: exit 2, one line, '$pattern'" "$(ctx "$name")"; fi
}
sim_bad sim_busy "port $OP_PORT is in use" "--port $OP_PORT (taken)" --port "$OP_PORT" --generate 5
sim_bad sim_neg "--generate must be a number of instances from 1" "--generate -5" --generate -5
sim_bad sim_zero "--generate must be a number of instances from 1" "--generate 0" --generate 0
printf '[]\n' >"$T/empty_fleet.json"
printf '{"Instances": {"Instance": []}, "TotalCount": 0}\n' >"$T/empty_fleet2.json"
sim_bad sim_empty "$T/empty_fleet.json holds no instances" "--fleet (an empty array)" --fleet "$T/empty_fleet.json"
sim_bad sim_empty2 "$T/empty_fleet2.json holds no instances" "--fleet (a DescribeInstances body without instances)" --fleet "$T/empty_fleet2.json"

# ================================================================== sandbox and resume
env -u ALIBABA_CLOUD_ACCESS_KEY_ID -u ALIBABA_CLOUD_ACCESS_KEY_SECRET timeout 120 "$EF" --sandbox list --output json \
    >"$T/sandbox.out" 2>"$T/sandbox.err" </dev/null
RC=$?
if [ "$RC" -eq 0 ]; then expect_json "ecsfleet --sandbox list works with no credentials" "$T/sandbox.out" 'assert len(d) > 0, len(d)'
else fail "ecsfleet --sandbox list works with no credentials" "$(ctx sandbox)"; fi
env -u ALIBABA_CLOUD_ACCESS_KEY_ID -u ALIBABA_CLOUD_ACCESS_KEY_SECRET timeout 120 "$EF" --sandbox list >"$T/sandbox_t.out" 2>"$T/sandbox_t.err" </dev/null
RC=$?
if [ "$RC" -eq 0 ] && grep -q "instances" "$T/sandbox_t.out" && ! grep -q $'\x1b' "$T/sandbox_t.out"; then pass "ecsfleet --sandbox list (table) works, no ESC byte"
else fail "ecsfleet --sandbox list (table) works, no ESC byte" "$(ctx sandbox_t)"; fi

run resume -- journal --resume
if [ "$RC" -eq 0 ] && grep -qi "nothing to resume" "$T/resume.out"; then pass "journal --resume with nothing to resume exits 0"
else fail "journal --resume with nothing to resume exits 0" "$(ctx resume)"; fi

if grep -rqF "$SECRET" "$XDG_STATE_HOME" "$T"/*.out "$T"/*.err 2>/dev/null; then fail "the secret appears in no output and no state file" "$(grep -rlF "$SECRET" "$XDG_STATE_HOME" "$T"/*.out "$T"/*.err)"
else pass "the secret appears in no output and no state file"; fi

kill -0 "$SIM_PID" 2>/dev/null && pass "ecs-sim still running at the end" || fail "ecs-sim still running at the end" "$(tail -n 20 "$T/sim.err")"
finish
