#!/usr/bin/env bash
# End-to-end suite of the interactive screen: the real ecsfleet binary driven inside tmux, against ecs-sim.
#
#   bash Tests/EndToEnd/tui.sh [bin-dir]       (default bin dir: $(swift build --show-bin-path))
#
# Writes a fleet file (Tests/EndToEnd/tui-fleet.py), starts ecs-sim on it, and runs `ecsfleet` (no subcommand) in
# detached tmux sessions on a private server (tmux -L ecsfleet-e2e-PID): keys go in with send-keys, the screen comes
# back with capture-pane (-e for colours), and every expectation is polled with a deadline (Tests/EndToEnd/tui-poll.py),
# never a fixed sleep. HOME, XDG_STATE_HOME and XDG_CONFIG_HOME point into a temporary directory. Each pane runs
# `ecsfleet ...; echo EXIT=$?; stty -a; sleep 600`, so the exit status and the terminal modes after exit stay readable.
# Prints one line per check (with its time), ends with "N passed, N failed", exits non-zero on any failure. Needs
# tmux (3.x) and python3, no terminal of its own (works with CI=true, stdin closed, no controlling terminal); kills
# its tmux server and the simulator it started, and removes its temporary files (KEEP_E2E_TMP=1 keeps them).
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
SOCK="ecsfleet-e2e-$$"
T="$(mktemp -d "${TMPDIR:-/tmp}/ecsfleet-tui.XXXXXX")"
SUITE_T0=$(date +%s%N)

tm() { tmux -u -f "$T/tmux.conf" -L "$SOCK" "$@"; }

SOCK_PATH=""
cleanup() {
    tm kill-server >/dev/null 2>&1
    [ -n "$SOCK_PATH" ] && rm -f "$SOCK_PATH"      # kill-server leaves the socket file behind
    if [ -n "$SIM_PID" ] && kill -0 "$SIM_PID" 2>/dev/null; then
        kill -TERM "$SIM_PID" 2>/dev/null
        for _ in $(seq 1 50); do kill -0 "$SIM_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SIM_PID" 2>/dev/null
        wait "$SIM_PID" 2>/dev/null
    fi
    [ -n "${SIM2_PID:-}" ] && kill -TERM "$SIM2_PID" 2>/dev/null
    [ -n "${KEEP_E2E_TMP:-}" ] && echo "kept $T" || rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# ------------------------------------------------------------------ reporting
CHECK=""
CHECK_T0=0
begin() { CHECK="$1"; CHECK_T0=$(date +%s%N); }
elapsed() { printf '%d.%d s' $(( ($(date +%s%N) - CHECK_T0) / 1000000000 )) $(( ($(date +%s%N) - CHECK_T0) / 100000000 % 10 )); }
pass() { PASSED=$((PASSED + 1)); printf 'PASS  %s  (%s%s)\n' "$CHECK" "$(elapsed)" "${1:+; $1}"; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
fail() {
    FAILED=$((FAILED + 1)); printf 'FAIL  %s  (%s)\n' "$CHECK" "$(elapsed)"
    if [ $# -ge 1 ] && [ -n "$1" ]; then printf '%s\n' "$1" | head -n 70 | sed 's/^/        /'; fi
}
finish() {
    local ms=$(( ($(date +%s%N) - SUITE_T0) / 1000000 ))
    printf 'total %d.%d s\n' $((ms / 1000)) $((ms % 1000 / 100))
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ] && exit 0 || exit 1
}
abort() { begin "$1"; fail "${2:-}"; finish; }

# ------------------------------------------------------------------ prerequisites, binaries (private copies)
command -v tmux >/dev/null 2>&1 || abort "tmux is installed" "the screen suite drives ecsfleet inside tmux"
command -v python3 >/dev/null 2>&1 || abort "python3 is installed"
for b in ecsfleet ecs-sim; do
    [ -x "$BIN_DIR/$b" ] || abort "binary $BIN_DIR/$b exists (build with: swift build --product $b)"
done
mkdir -p "$T/bin" "$T/home" "$T/state" "$T/config" "$T/sandbox/home"
EF="$T/bin/ecsfleet"
SIM="$T/bin/ecs-sim"
# A copy taken while a concurrent build is linking is torn: take it again until both copies run.
for attempt in $(seq 1 30); do
    cp "$BIN_DIR/ecsfleet" "$BIN_DIR/ecs-sim" "$T/bin/" 2>/dev/null \
        && "$EF" --help >/dev/null 2>&1 </dev/null && "$SIM" --help >/dev/null 2>&1 </dev/null && break
    [ "$attempt" -eq 30 ] && abort "copies of the binaries run (--help)" "$("$EF" --help 2>&1 </dev/null | tail -n 5)"
    sleep 2
done

# The environment of everything started here: nothing of the real user's, a UTF-8 locale (the screen draws CJK and
# U+FFFD only in one; C.UTF-8 is built into glibc since 2.35, older systems may only have en_US.UTF-8).
UTF8_LOCALE=C.UTF-8
for l in C.UTF-8 C.utf8 en_US.UTF-8 en_US.utf8; do
    if locale -a 2>/dev/null | grep -qx "$l"; then UTF8_LOCALE="$l"; break; fi
done
export LANG="$UTF8_LOCALE" LC_ALL="$UTF8_LOCALE"
unset ALIBABA_CLOUD_PROFILE ALIBABA_CLOUD_REGION_ID ALIBABA_CLOUD_SECURITY_TOKEN NO_COLOR \
      ALIBABA_CLOUD_SAFETY_POLICY_ENABLED ALIBABA_CLOUD_SAFETY_POLICY_RULES TMUX TMUX_PANE
export HOME="$T/home" XDG_STATE_HOME="$T/state" XDG_CONFIG_HOME="$T/config"
export ALIBABA_CLOUD_ACCESS_KEY_ID=sandbox ALIBABA_CLOUD_ACCESS_KEY_SECRET=sandbox-secret
JOURNAL="$XDG_STATE_HOME/ecsfleet/journal.jsonl"
LOG="$XDG_STATE_HOME/ecsfleet/ecsfleet.log"
REGION=cn-hangzhou

# tmux: our own configuration only. No client ever attaches; resize-window sizes a window and makes its
# window-size manual by itself (a `set -g window-size manual` in the configuration file makes the tmux 3.3a server
# exit at start-up: "server exited unexpectedly").
TERMNAME=screen
for t in tmux-256color screen-256color; do
    if infocmp "$t" >/dev/null 2>&1; then TERMNAME="$t"; break; fi
done
cat >"$T/tmux.conf" <<EOF
set -g default-terminal "$TERMNAME"
set -g history-limit 2000
set -g escape-time 0
EOF

# ------------------------------------------------------------------ simulator
python3 "$HERE/tui-fleet.py" "$T/fleet.json" || abort "write the fleet file"
# start_sim NAME STOP-DELAY: starts ecs-sim on the fleet file; sets STARTED_PID and STARTED_URL (empty if it failed).
start_sim() {
    ECS_SIM_LOG_LEVEL=warning "$SIM" --fleet "$T/fleet.json" --seed 7 --stop-delay "$2" --start-delay 0.5-1 \
        >"$T/$1.out" 2>"$T/$1.err" </dev/null &
    STARTED_PID=$!
    STARTED_URL=""
    for _ in $(seq 1 300); do
        STARTED_URL="$(head -n 1 "$T/$1.out" 2>/dev/null)"
        [ -n "$STARTED_URL" ] && break
        kill -0 "$STARTED_PID" 2>/dev/null || break
        sleep 0.1
    done
    case "$STARTED_URL" in http://*) ;; *) STARTED_URL="" ;; esac
}
start_sim sim 0.5-1
SIM_PID=$STARTED_PID URL=$STARTED_URL
[ -n "$URL" ] || abort "ecs-sim started" "$(cat "$T/sim.err")"
echo "ecs-sim at $URL, tmux -L $SOCK, TERM=$TERMNAME, LANG=$LANG, $(tmux -V)"

# ------------------------------------------------------------------ helpers
# launch NAME COLS ROWS MODE ARGS...: a detached tmux session NAME of COLS x ROWS whose pane runs ecsfleet ARGS,
# then `echo EXIT=$?; stty -a` and sleeps (the pane stays readable). MODE: "sim" (credentials for ecs-sim, HOME in
# $T/home) or "sandbox" (no credentials at all, HOME in $T/sandbox/home).
launch() {
    local name="$1" cols="$2" rows="$3" mode="$4"; shift 4
    local script="$T/pane-$name.sh"
    {
        echo '#!/usr/bin/env bash'
        printf 'cd %q || exit 1\n' "$T"
        if [ "$mode" = sandbox ]; then
            echo 'unset ALIBABA_CLOUD_ACCESS_KEY_ID ALIBABA_CLOUD_ACCESS_KEY_SECRET'
            printf 'export HOME=%q XDG_STATE_HOME=%q XDG_CONFIG_HOME=%q\n' \
                "$T/sandbox/home" "$T/sandbox/home/.local/state" "$T/sandbox/home/.config"
        fi
        printf '%q ' "$EF" "$@"; echo
        echo 'echo EXIT=$?'
        echo 'stty -a'
        echo 'exec sleep 600'
    } >"$script"
    tm new-session -d -s "$name" -x "$cols" -y "$rows" "bash $(printf %q "$script")" 2>"$T/tmux-$name.err" ||
        echo "tmux new-session $name failed: $(cat "$T/tmux-$name.err")" >&2
    [ -n "$SOCK_PATH" ] || SOCK_PATH="$(tm display-message -p '#{socket_path}' 2>/dev/null)"
}
keys() { local s="$1"; shift; tm send-keys -t "$s" "$@"; }     # keys SESSION KEY...   (tmux key names)
typed() { tm send-keys -t "$1" -l "$2"; }                        # typed SESSION TEXT    (literally)
# poll SESSION SECONDS EXPR: waits until the python EXPR over the pane holds (see tui-poll.py for the names);
# on a timeout WHY holds the reason and the last pane. The last pane text is in $T/last-SESSION.txt.
WHY=""
poll() { WHY="$(python3 "$HERE/tui-poll.py" "$SOCK" "$1" "$2" "$3" "$T/last-$1.txt" 2>&1)"; }
# pyc CODE [ARGS...]: runs python CODE (with sys.argv = ARGS); passes when it exits 0, its output is the reason.
pyc() { local code="$1"; shift; WHY="$(python3 -c "$code" "$@" 2>&1)"; }

# Python snippets shared by the checks.
PY_COMMON='
import json, re, sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
def dcol(line, sub):
    i = line.find(sub)
    return -1 if i < 0 else width(line[:i])
'

PROD_RUNNING="['i-tuia%02d' % n for n in range(1, 17)] + ['i-tuicjk01', 'i-tuiesc01', 'i-tuisec01']"
TEN="['i-tuia%02d' % n for n in range(1, 11)]"
HINTS='lines[-1].startswith(" j/k move")'

# ================================================================== session 1: the whole tour at 120x40
S=s1
launch "$S" 120 40 sim --endpoint "$URL" --region "$REGION"
S1_UP=1

begin "[1] 120x40: the list appears; the header shows profile, region and counts"
if poll "$S" 30 "len(ids()) == 23 and 'environment' in lines[0] and 'cn-hangzhou' in lines[0] \
        and '22 Running' in lines[0] and '1 Stopped' in lines[0] and $HINTS"; then pass; else fail "$WHY"; S1_UP=0; fi

skip_s1() { [ "$S1_UP" -eq 1 ] && return 1; fail "skipped: the first screen never came up"; return 0; }

begin "[2] filter /tag:env=prod status:Running + Enter: only the 19 prod Running instances, '19 of 23'"
if ! skip_s1; then
    keys "$S" /
    if poll "$S" 10 "'Enter keeps' in text or lines[1].startswith('/')"; then
        typed "$S" 'tag:env=prod status:Running'
        keys "$S" Enter
        if poll "$S" 10 "'19 of 23' in lines[1] and 'tag:env=prod status:Running' in lines[1] \
                and sorted(ids()) == sorted($PROD_RUNNING) \
                and all('Running' in l for l in lines if re.match(r'^\W*i-tui', l))"; then pass; else fail "$WHY"; fi
    else fail "the filter line did not open on /: $WHY"; fi
fi

begin "[3] Space ten times marks the first ten: header shows '10 marked'"
if ! skip_s1; then
    for _ in 1 2 3 4 5 6 7 8 9 10; do keys "$S" Space; done
    if poll "$S" 10 "lines[1].startswith('10 marked') and \
            sorted(m.group(1) for m in (re.match(r'^\S\s+(i-\w+)', l) for l in lines) if m) == $TEN"; then
        pass; else fail "$WHY"; fi
fi

begin "[4] P opens the stop dialog straight into a preview: all ten targets 'dry run passed'"
if ! skip_s1; then
    keys "$S" P
    if poll "$S" 20 "'Stop 10 instances' in text and \
            sorted(re.search(r'(i-tuia\d\d)', l).group(1) for l in lines if 'dry run passed' in l and re.search(r'i-tuia\d\d', l)) == $TEN \
            and 'preview: 10 dry run passed, 0 failed' in text"; then
        pass; else fail "$WHY"; fi
fi

begin "[5] m m b: StoppedMode StopCharging, BatchOptimization SuccessFirst, 1 not eligible (the PrePaid target)"
if ! skip_s1; then
    keys "$S" m m b
    if poll "$S" 10 "'StoppedMode: StopCharging' in text and 'BatchOptimization: SuccessFirst' in text \
            and re.search(r'StopCharging\s+1 not eligible', text) is not None \
            and any(re.match(r'^[│|] i-tuia01 .*PrePaid', l) for l in lines)"; then pass; else fail "$WHY"; fi
fi

begin "[6] s, type 10, Enter: results 'Stopping 10:' live (in flight, per-instance Stopping), then '10 done, 0 failed'"
if ! skip_s1; then
    keys "$S" s
    if poll "$S" 10 "'Type 10 and Enter' in text"; then
        typed "$S" 10
        keys "$S" Enter
        live=""
        if poll "$S" 15 "re.search(r'Stopping 10: \d+ done, \d+ failed, [1-9]\d* in flight', text) is not None \
                and any(re.search(r'^i-tuia\d\d\s.*\sStopping\s', l) for l in lines)"; then live=yes; fi
        livewhy="$WHY"
        if poll "$S" 30 "'Stopping 10: 10 done, 0 failed, 0 in flight' in text and \
                sorted(re.match(r'(i-tuia\d\d)', l).group(1) for l in lines \
                       if re.match(r'^i-tuia\d\d\s+web-a\d\d\s+cn-hangzhou\s+Stopped\s', l)) == $TEN"; then
            if [ -n "$live" ]; then pass; else fail "finished, but the live state (in flight, Stopping) was never seen: $livewhy"; fi
        else fail "$WHY"; fi
    else fail "no typed confirmation after s: $WHY"; fi
fi

begin "[7] through the API: the ten Stopped (StopCharging; the PrePaid one not), journal begin/send/answer/end"
if timeout 60 "$EF" --endpoint "$URL" --region "$REGION" list --output json >"$T/list.json" 2>"$T/list.err" </dev/null \
    && pyc "$PY_COMMON
d = {i['InstanceId']: i for i in json.load(open(sys.argv[1]))}
bad = []
for n in range(1, 11):
    i = d['i-tuia%02d' % n]
    want = ('Not-applicable', 'KeepCharging') if n == 1 else ('StopCharging',)
    if i['Status'] != 'Stopped' or i.get('StoppedMode') not in want:
        bad.append(f\"{i['InstanceId']}: {i['Status']} {i.get('StoppedMode')} (want Stopped {'/'.join(want)})\")
for n in range(11, 17):
    if d['i-tuia%02d' % n]['Status'] != 'Running': bad.append(f'i-tuia{n} is not Running (was not a target)')
recs = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
ops = {}
for r in recs: ops.setdefault(r['Operation'], []).append(r)
def is_the_stop(rs):
    sends = [r for r in rs if r['Event'] == 'send']
    return sends and all(s.get('Parameters', {}).get('StoppedMode') == 'StopCharging' and
                         s.get('Parameters', {}).get('BatchOptimization') == 'SuccessFirst' and
                         'DryRun' not in s.get('Parameters', {}) for s in sends)
stops = [(k, rs) for k, rs in ops.items() if is_the_stop(rs)]
if len(stops) != 1:
    bad.append(f'{len(stops)} journal operations send StopCharging/SuccessFirst without DryRun (want 1): {list(ops)}')
else:
    k, rs = stops[0]
    ev = [r['Event'] for r in rs]
    for e in ('begin', 'send', 'answer', 'end'):
        if e not in ev: bad.append(f'operation {k}: no {e} record (has {ev})')
    if ev[0] != 'begin' or ev[-1] != 'end': bad.append(f'operation {k}: events out of order: {ev}')
    sent = sorted(v for s in rs if s['Event'] == 'send' for p, v in s['Parameters'].items() if p.startswith('InstanceId.'))
    if sent != $TEN: bad.append(f'operation {k}: sent {sent}')
    print(f'operation {k}: {ev}')
if bad:
    print('\n'.join(bad)); sys.exit(1)
" "$T/list.json" "$JOURNAL"; then pass "$WHY"; else fail "$WHY
$(head -c 1500 "$T/list.err")"; fi

begin "[8] resize 80x24 / 200x60 / 50x12 / 120x40: re-laid out each time"
if ! skip_s1; then
    # The column header must end with a whole column name (a crop of the 120-column layout would not).
    COLHDR="re.search(r'(ID|NAME|STATUS|LAST OPERATION|TYPE|ZONE|PRIVATE IP|PUBLIC/EIP|CHARGE|ECO|LOCK|TAGS|REGION)$', lines[2]) is not None"
    # resize_step LABEL COLS ROWS EXPR: resizes the window (nothing but the list step when COLS is -), polls EXPR.
    resize_ok=1
    note=""
    steps=""
    resize_step() {
        [ "$resize_ok" -eq 1 ] || return 0
        local t0
        t0=$(date +%s%N)
        [ "$2" = - ] || tm resize-window -t "$S" -x "$2" -y "$3"
        if poll "$S" 10 "$4"; then note+="${note:+, }$1 $(ms_since "$t0") ms"; else resize_ok=0; steps="$1: $WHY"; fi
    }
    keys "$S" Escape      # back from the results to the list
    resize_step list - - "'PRIVATE IP' in lines[2] and ids() and $HINTS"
    resize_step 80x24 80 24 "cols == 80 and rows == 24 and len(lines) == 24 and $HINTS and width(lines[-1]) <= 80 \
        and 'cn-hangzhou' in lines[0] and lines[2].lstrip().startswith('ID') and $COLHDR and ids()"
    resize_step 200x60 200 60 "cols == 200 and rows == 60 and len(lines) == 60 and $HINTS and 'TAGS' in lines[2] \
        and 'ZONE' in lines[2] and $COLHDR and ids()"
    resize_step 50x12 50 12 "cols == 50 and rows == 12 and 'need 60x15' in text and not ids()"
    resize_step 120x40 120 40 "cols == 120 and rows == 40 and len(lines) == 40 and $HINTS and 'PUBLIC/EIP' in lines[2] \
        and 'TAGS' not in lines[2] and 'need 60x15' not in text and lines[1].startswith('10 marked') and ids()"
    if [ "$resize_ok" -eq 1 ]; then pass "$note"; else fail "$steps"; fi
fi

begin "[9] CJK name shown whole and aligned (STATUS and IP columns at the same display column as ASCII rows)"
if ! skip_s1; then
    if poll "$S" 10 "'i-tuicjk01' in text and 'i-tuia11' in text"; then
        if pyc "$PY_COMMON
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
c = next(l for l in lines if 'i-tuicjk01' in l)
a = next(l for l in lines if 'i-tuia11' in l)
bad = []
if '生产-网关-数据库' not in c: bad.append('the CJK name is not shown whole')
for sub in ('Running', '172.16.'):
    if dcol(c, sub) != dcol(a, sub) or dcol(c, sub) < 0:
        bad.append(f'{sub!r} at display column {dcol(c, sub)} on the CJK row, {dcol(a, sub)} on an ASCII row')
if width(c) != width(a): bad.append(f'row widths differ: {width(c)} vs {width(a)}')
if bad:
    print('\n'.join(bad + ['CJK:   ' + c, 'ASCII: ' + a])); sys.exit(1)
" "$T/last-$S.txt"; then pass; else fail "$WHY"; fi
    else fail "$WHY"; fi
fi

# A red foreground in capture-pane -e output (the next row is the security-locked one: red SECURITY is its own).
RED="r'\x1b\[(?:[0-9;]*;)?(?:31|91|38;5;(?:1|9|160|196))m'"
begin "[9b] escape sequences in a name never reach the terminal: U+FFFD shown, row not red, title unchanged"
if ! skip_s1; then
    if poll "$S" 10 "'i-tuiesc01' in text and '\ufffd' in row('i-tuiesc01') and 'red' in row('i-tuiesc01') \
            and not re.search($RED, esc_lines[row_index('i-tuiesc01')]) \
            and not re.search($RED, re.sub(r'(?:\x1b\[[0-9;]*m)+SECURITY', '', esc_lines[row_index('i-tuiesc01') + 1])) \
            and 'pwned' not in title and 'pwned' in row('i-tuiesc01')"; then pass; else fail "$WHY"; fi
fi

begin "[10] ? shows the help ('mark or unmark'), Esc closes it"
if ! skip_s1; then
    keys "$S" '?'
    if poll "$S" 10 "'mark or unmark' in text and 'Help' in text"; then
        keys "$S" Escape
        if poll "$S" 10 "'mark or unmark' not in text and 'Help: keys' not in text and ids() and $HINTS"; then pass
        else fail "Esc did not close the help: $WHY"; fi
    else fail "$WHY"; fi
fi

begin "[10b] ? over the stop dialog: its keys first, PgDn scrolls (more above and below), Esc returns to the same dialog"
if ! skip_s1; then
    keys "$S" S
    if poll "$S" 10 "'Stop 10 instances' in text" && { keys "$S" f; poll "$S" 10 "'ForceStop: ON' in text"; }; then
        keys "$S" '?'
        if poll "$S" 10 "'Help: keys' in text and 0 <= row_index('Stop / start dialog') < row_index('Instance list') \
                and re.search(r'1-\d+ of \d+ ↓ more', text) is not None and lines[-1].startswith(' j/k scroll')"; then
            keys "$S" PgDn
            if poll "$S" 10 "'Stop / start dialog' not in text and re.search(r'\d+-\d+ of \d+ ↑↓ more', text) is not None"; then
                keys "$S" Escape
                if poll "$S" 10 "'Help: keys' not in text and 'Stop 10 instances' in text and 'ForceStop: ON' in text \
                        and 'f force' in lines[-1]"; then
                    keys "$S" c
                    if poll "$S" 10 "'Stop 10 instances' not in text and ids() and $HINTS"; then pass
                    else fail "c did not cancel the dialog: $WHY"; fi
                else fail "Esc did not return to the dialog as it was: $WHY"; fi
            else fail "PgDn did not scroll the help: $WHY"; fi
        else fail "no help over the dialog: $WHY"; fi
    else fail "no stop dialog with ForceStop on: $WHY"; fi
fi

begin "[11] Ctrl-C quits at once with 130; the terminal is sane (icanon, echo) and the alternate screen left"
if ! skip_s1; then
    keys "$S" C-c
    if poll "$S" 15 "'EXIT=130' in text and re.search(r'(?<![-\w])icanon\b', text) is not None \
            and re.search(r'(?<![-\w])echo\b', text) is not None and not ids()"; then
        alt="$(tm display-message -p -t "$S" '#{alternate_on}')"
        if [ "$alt" = 0 ]; then pass; else fail "alternate_on=$alt after the exit"; fi
    else fail "$WHY"; fi
fi
tm kill-session -t "$S" 2>/dev/null

# ================================================================== session 2: start dialog, the quit question, q
S=s2
launch "$S" 120 40 sim --endpoint "$URL" --region "$REGION"
begin "[12a] W start for the stopped one: y confirms; q while in flight asks (n stays); q afterwards exits 0"
if poll "$S" 30 "len(ids()) == 23 and $HINTS and 'Stopped' in row('i-tuistop01')"; then
    keys "$S" G Space                    # i-tuistop01, last by ID and Stopped in the fleet file
    if poll "$S" 10 "lines[1].startswith('1 marked')" && { keys "$S" W; poll "$S" 10 "'Start 1 instance' in text"; } \
        && { keys "$S" s; poll "$S" 10 "re.search(r'Press y to start 1 instances?\\b', text) is not None"; }; then
        keys "$S" y
        if poll "$S" 10 "re.search(r'Starting 1: \d+ done, \d+ failed, [1-9]\d* in flight', text) is not None"; then
            keys "$S" q q            # back to the list, then quit while the start is in flight (it takes 0.5-1 s)
            if poll "$S" 10 "'Quit?' in text"; then
                keys "$S" n
                # Finished: the instance Running and the operation over ("start finished" comes with its end).
                if poll "$S" 20 "'Quit?' not in text and 'Running' in row('i-tuistop01') and 'start finished' in lines[1]"; then
                    keys "$S" q
                    if poll "$S" 10 "'EXIT=0' in text"; then pass; else fail "q with nothing in flight: $WHY"; fi
                else fail "after n: $WHY"; fi
            else fail "no quit question while the start was in flight: $WHY"; fi
        else fail "the start did not run: $WHY"; fi
    else fail "$WHY"; fi
else fail "$WHY"; fi
tm kill-session -t "$S" 2>/dev/null

# ================================================================== session 3: read-only
S=s3
launch "$S" 120 40 sim --readonly --endpoint "$URL" --region "$REGION"
begin "[12b] --readonly: READ-ONLY in the header, S opens no stop dialog but says why (S/W hints greyed), :readonly off is refused, q exits 0"
if poll "$S" 30 "len(ids()) == 23 and 'READ-ONLY' in lines[0] and $HINTS \
        and re.search(r'\x1b\[2mS\x1b\[0m', esc_lines[len(lines) - 1]) is not None \
        and re.search(r'\x1b\[2mW\x1b\[0m', esc_lines[len(lines) - 1]) is not None"; then
    # S then /: the filter line opens only if S left the screen in the list (a dialog has no binding for /).
    keys "$S" S /
    if poll "$S" 10 "'Enter keeps' in text and not re.search(r'(Stop|Start) \d+ instance', text)"; then
        keys "$S" Escape
        if poll "$S" 10 "'Enter keeps' not in text and ids() and $HINTS" \
            && { keys "$S" S; poll "$S" 10 "'S (stop) is disabled: read-only mode (started with --readonly)' in lines[1]"; } \
            && { keys "$S" :; typed "$S" "readonly off"; keys "$S" Enter; poll "$S" 10 "'Started with --readonly' in lines[1] and 'READ-ONLY' in lines[0]"; }; then
            keys "$S" q
            if poll "$S" 10 "'EXIT=0' in text"; then pass; else fail "q: $WHY"; fi
        else fail "$WHY"; fi
    else fail "after S then /: $WHY"; fi
else fail "$WHY"; fi
tm kill-session -t "$S" 2>/dev/null

# ================================================================== session 5: Ctrl-C while a stop is in flight
# A second simulator whose stops take 3-4 s, so the interrupt lands while the instance is Stopping.
start_sim sim2 3-4
SIM2_PID=$STARTED_PID URL2=$STARTED_URL
S=s5
launch "$S" 120 40 sim --endpoint "$URL2" --region "$REGION"
begin "[12c] Ctrl-C while a stop is in flight: exit 130, the journal keeps it unfinished, journal --resume ends it Stopped"
if poll "$S" 30 "len(ids()) == 23 and $HINTS and ids()[0] == 'i-tuia01'" \
    && { keys "$S" S; poll "$S" 10 "'Stop 1 instance' in text"; } \
    && { keys "$S" s; poll "$S" 10 "'Press y to stop 1 instance' in text"; }; then
    keys "$S" y
    if poll "$S" 10 "re.search(r'Stopping 1: 0 done, 0 failed, 1 in flight', text) is not None \
            and re.search(r'accepted|Stopping', row('i-tuia01')) is not None"; then
        keys "$S" C-c
        if poll "$S" 15 "'EXIT=130' in text"; then
            pyc '
import json, sys
ops = {}
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    ops.setdefault(r["Operation"], []).append(r)
last = list(ops.values())[-1]
events = [r["Event"] for r in last]
if "end" in events: print("the interrupted stop was journaled as ended:", events); sys.exit(1)
if "send" not in events: print("no send:", events); sys.exit(1)
' "$JOURNAL"
            if [ -z "$WHY" ]; then
                "$EF" journal >"$T/journal5.out" 2>&1 </dev/null
                if grep -q 'INTERRUPTED' "$T/journal5.out"; then
                    for _ in $(seq 1 100); do
                        "$EF" --endpoint "$URL2" --region "$REGION" status --instance-id i-tuia01 2>/dev/null </dev/null | grep -q Stopped && break
                        sleep 0.2
                    done
                    "$EF" --endpoint "$URL2" --region "$REGION" journal --resume >"$T/resume5.out" 2>&1 </dev/null
                    rc=$?
                    "$EF" journal >"$T/journal5b.out" 2>&1 </dev/null
                    if [ "$rc" -eq 0 ] && grep -q '1 stopped' "$T/resume5.out" && ! grep -q 'INTERRUPTED' "$T/journal5b.out"; then pass
                    else fail "resume exit $rc: $(cat "$T/resume5.out"; tail -n 5 "$T/journal5b.out")"; fi
                else fail "ecsfleet journal does not say INTERRUPTED: $(tail -n 8 "$T/journal5.out")"; fi
            else fail "$WHY"; fi
        else fail "Ctrl-C: $WHY"; fi
    else fail "the stop did not go out: $WHY"; fi
else fail "$WHY"; fi
tm kill-session -t "$S" 2>/dev/null
kill -TERM "$SIM2_PID" 2>/dev/null; wait "$SIM2_PID" 2>/dev/null

# ================================================================== no terminal
begin "[13] ecsfleet with no subcommand and stdin not a terminal exits 2, telling to use a subcommand"
timeout 30 "$EF" --endpoint "$URL" --region "$REGION" </dev/null >"$T/notty.out" 2>"$T/notty.err"
rc=$?
if [ "$rc" -eq 2 ] && grep -qi 'subcommand' "$T/notty.err" && ! grep -q $'\e' "$T/notty.out" "$T/notty.err"; then pass
else fail "exit $rc
--- stdout
$(head -c 1000 "$T/notty.out" | cat -v)
--- stderr
$(head -c 1000 "$T/notty.err" | cat -v)"; fi

# ================================================================== session 4: sandbox at 80x24
S=s4
launch "$S" 80 24 sandbox --sandbox
begin "[14] 80x24 --sandbox, no credentials, HOME in temp: the list appears with a SANDBOX badge"
if poll "$S" 30 "len(ids()) >= 10 and 'SANDBOX' in lines[0] and $HINTS and len(lines) == 24"; then
    keys "$S" q
    if poll "$S" 10 "'EXIT=0' in text"; then pass; else fail "q: $WHY"; fi
else fail "$WHY"; fi
tm kill-session -t "$S" 2>/dev/null

# ================================================================== the log
begin "[15] the screen's log: written, no secret, no crash"
if [ -s "$LOG" ] && ! grep -q 'sandbox-secret' "$LOG" \
    && ! grep -qiE 'fatal error|stack trace|backtrace|Segmentation|Illegal instruction' "$LOG"; then pass
else fail "$(ls -l "$LOG" 2>&1; tail -n 20 "$LOG" 2>/dev/null)"; fi

finish
