#!/usr/bin/env bash
# Fault soak: SuccessFirst stops of a whole region through a hostile network, killed with SIGKILL at three
# points and resumed, then checked from the journal and the simulator (a pass/fail test, not a benchmark).
#
#   bash scripts/soak.sh [--small] [--instances N] [bin-dir]     (default bin dir: $(swift build --show-bin-path))
#
# 1. starts `ecs-sim` with N running instances in cn-hangzhou (default 2,000; --small: 600, for CI, under a minute)
#    and faults on every call: throttling (with x-acs-retry-after), 500s, 503s, connections dropped before the call
#    is applied (`drop`) and after (`droplate`);
# 2. `ecsfleet stop --batch SuccessFirst --yes --wait` of every running instance, killed with SIGKILL
#    (a) as soon as the journal shows the first call about to be sent, (b) once half the calls have their answer,
#    (c) once every call has its answer and the command is tracking, each on its own third of the fleet; after each
#    kill `ecsfleet journal --resume` finishes the operation;
# 3. rounds without a kill until nothing is running (a call that failed for good, a 500 on a stop, is run again
#    as a new operation, as an operator would);
# 4. checks and prints: every instance Stopped in the simulator; every instance's outcome in each operation;
#    calls that named each instance (from the journal's `send` records) and that no stop was accepted twice;
#    that no resume sent anything; that every journal line is valid JSON and every operation ended.
#
# Exits 0 when every check passed, 1 when one failed, 2 on bad usage or when it could not run.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N=2000
BIN_DIR=""
while [ $# -gt 0 ]; do
    case "$1" in
        --small) N=600; shift ;;
        --instances) N="$2"; shift 2 ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        -*) echo "soak.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
        *) BIN_DIR="$1"; shift ;;
    esac
done
case "$N" in ''|*[!0-9]*) echo "soak.sh: --instances must be a number" >&2; exit 2 ;; esac
[ -n "$BIN_DIR" ] || BIN_DIR="$(cd "$ROOT" && swift build --show-bin-path </dev/null)"

say() { printf 'soak: %s\n' "$*" >&2; }
T="$(mktemp -d "${TMPDIR:-/tmp}/ecsfleet-soak.XXXXXX")"
SIM_PID=""
RUN_PID=""
cleanup() {
    [ -n "$RUN_PID" ] && kill -KILL "$RUN_PID" 2>/dev/null
    if [ -n "$SIM_PID" ] && kill -0 "$SIM_PID" 2>/dev/null; then
        kill -TERM "$SIM_PID" 2>/dev/null
        for _ in $(seq 1 50); do kill -0 "$SIM_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SIM_PID" 2>/dev/null
    fi
    [ -n "${KEEP_SOAK_TMP:-}" ] && say "kept $T" || rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for b in ecsfleet ecs-sim; do
    [ -x "$BIN_DIR/$b" ] || { say "no $BIN_DIR/$b (build with: swift build --product $b)"; exit 2; }
done
mkdir -p "$T/bin" "$T/home" "$T/state"
cp "$BIN_DIR/ecsfleet" "$BIN_DIR/ecs-sim" "$T/bin/"
EF="$T/bin/ecsfleet"

export HOME="$T/home" XDG_STATE_HOME="$T/state" CI=true
unset ALIBABA_CLOUD_PROFILE ALIBABA_CLOUD_SECURITY_TOKEN ALIBABA_CLOUD_SAFETY_POLICY_ENABLED ALIBABA_CLOUD_SAFETY_POLICY_RULES
export ALIBABA_CLOUD_ACCESS_KEY_ID=sandbox ALIBABA_CLOUD_ACCESS_KEY_SECRET=sandbox-secret ALIBABA_CLOUD_REGION_ID=cn-hangzhou
JOURNAL="$XDG_STATE_HOME/ecsfleet/journal.jsonl"
FAULTS="throttle=0.05,error500=0.02,error503=0.05,drop=0.03,droplate=0.03"

"$T/bin/ecs-sim" --generate 0 --pool "cn-hangzhou=$N" --regions cn-hangzhou --seed 11 --stop-delay 1-3 --faults "$FAULTS" \
    >"$T/sim.out" 2>"$T/sim.err" </dev/null &
SIM_PID=$!
URL=""
for _ in $(seq 1 300); do
    URL="$(head -n 1 "$T/sim.out" 2>/dev/null)"
    [ -n "$URL" ] && break
    kill -0 "$SIM_PID" 2>/dev/null || break
    sleep 0.1
done
case "$URL" in http://*) ;; *) cat "$T/sim.err" >&2; say "ecs-sim did not start"; exit 2 ;; esac
say "ecs-sim at $URL: $N instances, faults $FAULTS"

# running FILE: the IDs of the instances still Running, one a line, into FILE; the Stopping count in STOPPING.
STOPPING=0
running() {
    local tries
    for tries in 1 2 3; do
        "$EF" --endpoint "$URL" list --output json >"$T/list.json" 2>"$T/list.err" </dev/null && break
        [ "$tries" -eq 3 ] && { cat "$T/list.err" >&2; say "cannot list the fleet"; exit 2; }
    done
    python3 - "$T/list.json" "$1" <<'EOF'
import json, sys
fleet = json.load(open(sys.argv[1]))
open(sys.argv[2], "w").write("".join(i["InstanceId"] + "\n" for i in fleet if i["Status"] == "Running"))
print(sum(1 for i in fleet if i["Status"] == "Stopping"))
EOF
}

count_events() { local c; c="$(grep -c "\"Event\": *\"$1\"" "$JOURNAL" 2>/dev/null)"; echo "${c:-0}"; }
sends() { count_events send; }
answers() { count_events answer; }

# round NAME KILL [IDS]: stops the instances in IDS (default: every running one); KILL is none, first, half or
# tracking (see the top).
ROUND=0
RESUME_SENT=0
LABELS=""
round() {
    local name="$1" kill_at="$2" ids="${3:-$T/ids-$ROUND.txt}" count calls before_sends before_answers rc
    [ $# -ge 3 ] || STOPPING="$(running "$ids")"
    count="$(wc -l <"$ids")"
    [ "$count" -gt 0 ] || return 1
    calls=$(( (count + 99) / 100 ))
    before_sends="$(sends)"; before_answers="$(answers)"
    "$EF" --endpoint "$URL" stop --ids-from "$ids" --batch SuccessFirst --yes --wait --timeout 120 --output json \
        >"$T/round-$ROUND.out" 2>"$T/round-$ROUND.err" </dev/null &
    RUN_PID=$!
    if [ "$kill_at" != none ]; then
        for _ in $(seq 1 2400); do
            kill -0 "$RUN_PID" 2>/dev/null || break
            local s=$(( $(sends) - before_sends )) a=$(( $(answers) - before_answers ))
            case "$kill_at" in
                first) [ "$s" -ge 1 ] && break ;;                             # a call about to go, no answer yet
                half) [ "$a" -ge $(( (calls + 1) / 2 )) ] && break ;;          # half the calls answered
                tracking) [ "$s" -ge "$calls" ] && [ "$a" -ge "$s" ] && { sleep 0.5; break; } ;;
            esac
            sleep 0.02
        done
        kill -KILL "$RUN_PID" 2>/dev/null
    fi
    { wait "$RUN_PID"; } 2>/dev/null; rc=$?
    RUN_PID=""
    say "round $ROUND ($name): $count running, $calls calls; ecsfleet stop exited $rc"
    LABELS="$LABELS$name;"
    if [ "$kill_at" != none ]; then
        local s0 s1
        s0="$(sends)"
        "$EF" --endpoint "$URL" journal --resume >"$T/resume-$ROUND.out" 2>"$T/resume-$ROUND.err" </dev/null
        rc=$?
        s1="$(sends)"
        RESUME_SENT=$(( RESUME_SENT + s1 - s0 ))
        say "  journal --resume exited $rc: $(head -c 300 "$T/resume-$ROUND.err" | tr '\n' ' ')"
    fi
    ROUND=$((ROUND + 1))
    return 0
}

started=$(date +%s)
# A third of the fleet for each kill, so that each one interrupts an operation of several calls.
running "$T/all.txt" >/dev/null
split -n l/3 -d "$T/all.txt" "$T/part-"
round "killed at the first send" first "$T/part-00"
round "killed once half the calls were answered" half "$T/part-01"
round "killed while tracking" tracking "$T/part-02"
for extra in 1 2 3 4 5 6; do round "to the end, no kill" none || break; done
# Instances still Stopping when the last round found none running: let them arrive.
for _ in $(seq 1 60); do
    STOPPING="$(running "$T/left.txt")"
    [ "$STOPPING" -eq 0 ] && [ ! -s "$T/left.txt" ] && break
    sleep 0.5
done
say "$ROUND rounds in $(( $(date +%s) - started )) s"

python3 - "$JOURNAL" "$T/list.json" "$N" "$RESUME_SENT" "$LABELS" <<'EOF'
import collections, json, sys

journal, listing, n, resume_sent, labels = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5].split(";")
checks = []
def check(ok, what):
    checks.append(ok)
    print(("PASS  " if ok else "FAIL  ") + what)

records, bad = [], 0
for line in open(journal, encoding="utf-8"):
    try:
        r = json.loads(line)
        assert isinstance(r, dict) and r.get("Operation") and r.get("Event") and r.get("Time")
        records.append(r)
    except (ValueError, AssertionError):
        bad += 1
ops = list(dict.fromkeys(r["Operation"] for r in records))
events = collections.defaultdict(set)
final = collections.defaultdict(dict)
sent = collections.Counter()
accepted = collections.Counter()
done = set()        # accepted or stopped by some operation
resent = set()      # named by a call after that
for r in records:
    events[r["Operation"]].add(r["Event"])
    for res in r.get("Results", []):
        final[r["Operation"]][res["InstanceId"]] = res["Outcome"] + (" " + res["Code"] if res.get("Code") and res["Outcome"] == "failed" else "")
        if r["Event"] in ("answer", "outcome") and res["Outcome"] == "accepted":
            accepted[res["InstanceId"]] += 1
    if r["Event"] == "send":
        for res in r.get("Results", []):
            sent[res["InstanceId"]] += 1
            if res["InstanceId"] in done:
                resent.add(res["InstanceId"])
    for res in r.get("Results", []):
        if res["Outcome"] in ("accepted", "stopped"):
            done.add(res["InstanceId"])

print("== outcomes by operation")
for i, op in enumerate(ops):
    counts = collections.Counter(final[op].values())
    label = labels[i] if i < len(labels) else ""
    print(f"  {op} ({label}): " + ", ".join(f"{v} {k}" for k, v in counts.most_common()))
fleet = json.load(open(listing))
status = collections.Counter(i["Status"] for i in fleet)
print("== the simulator's fleet: " + ", ".join(f"{v} {k}" for k, v in status.most_common()))
hist = collections.Counter(sent.values())
print("== calls naming each instance (journal send records): " + ", ".join(f"{k} call{'s' if k > 1 else ''}: {v} instances" for k, v in sorted(hist.items())))
twice = [i for i, c in accepted.items() if c > 1]

check(status.get("Stopped", 0) == n and len(fleet) == n, f"every instance final: {status.get('Stopped', 0)} of {n} Stopped")
check(not twice, f"no stop accepted twice ({len(twice)} instances were)" + (": " + ", ".join(twice[:5]) if twice else ""))
check(len(sent) == n and not resent,
      f"every instance sent, and none named by a call once a stop of it was accepted ({len(sent)} sent, {len(resent)} sent again)")
check(resume_sent == 0, f"nothing re-sent by journal --resume ({resume_sent} calls)")
check(bad == 0, f"journal valid: {len(records)} records, {bad} unreadable lines")
unended = [op for op in ops if "end" not in events[op] or "begin" not in events[op]]
check(not unended, f"every operation has its begin and end ({len(ops)} operations, {len(unended)} not ended)")
print("soak: " + ("PASS" if all(checks) else "FAIL"))
sys.exit(0 if all(checks) else 1)
EOF
