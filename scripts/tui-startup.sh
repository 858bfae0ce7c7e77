#!/usr/bin/env bash
# Time from launching `ecsfleet --sandbox` to the first instance rows on screen (issue 4, item 11: < 300 ms).
#
# Usage: bash scripts/tui-startup.sh [RUNS (default 7)] [--no-build]
#
# Each run starts the release binary in a detached tmux session of 120x40 with a fresh temporary XDG_STATE_HOME
# (so the sandbox generates its fleet as on a first start), polls `tmux capture-pane` until a line shows an
# instance ID, and records the elapsed wall time; the session is then killed. Prints every run and the median.
# The figure includes starting the process under tmux (a few milliseconds) and the polling interval (~2 ms).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=7
build=1
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        ''|*[!0-9]*) echo "usage: $0 [RUNS] [--no-build]" >&2; exit 2 ;;
        *) runs=$arg ;;
    esac
done
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 2; }
if [ "$build" = 1 ]; then swift build -c release --product ecsfleet >/dev/null; fi
bin=$(swift build -c release --show-bin-path)/ecsfleet
[ -x "$bin" ] || { echo "no release binary at $bin" >&2; exit 2; }

session="ecsfleet-startup-$$"
times=()
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; }
trap cleanup EXIT
for ((i = 1; i <= runs; i++)); do
    state=$(mktemp -d)
    start=$(date +%s%N)
    tmux new-session -d -s "$session" -x 120 -y 40 "env XDG_STATE_HOME=$state XDG_CONFIG_HOME=$state TERM=xterm-256color $bin --sandbox"
    shown=""
    while :; do
        now=$(date +%s%N)
        if tmux capture-pane -p -t "$session" 2>/dev/null | grep -Eq '(^| )i-[0-9a-z]{8,}'; then shown=$now; break; fi
        if (( now - start > 10000000000 )); then break; fi
        sleep 0.002
    done
    cleanup
    rm -rf "$state"
    if [ -z "$shown" ]; then echo "run $i: no instance row within 10 s" >&2; exit 1; fi
    ms=$(( (shown - start) / 1000000 ))
    times+=("$ms")
    echo "run $i: first rows after $ms ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')
echo "median: $median ms over $runs runs (target < 300 ms)"
