#!/usr/bin/env bash
# Key-to-screen latency of the app while Word2Vec trains, in a real terminal (tmux, 80x24).
# For each key: send it with tmux, then poll the screen every 5 ms until the text that key
# brings up is there; prints milliseconds.  Needs tmux.  Run from the repo root:
#     bash bench/tui_latency.sh [ROUNDS] [idle]
# With "idle" nothing trains: the same pane switches, for the baseline of the app's own drawing.
set -u
rounds=${1:-3}
mode=${2:-train}
sock=wordlab-latency
t() { tmux -L "$sock" "$@"; }
wait_for() {  # TEXT [SECONDS]
  local deadline=$(( $(date +%s) + ${2:-20} ))
  until t capture-pane -p -t main | grep -qF -- "$1"; do
    (( $(date +%s) > deadline )) && { echo "timeout waiting for '$1'" >&2; return 1; }
    sleep 0.005
  done
}
key() {  # KEY TEXT
  local start=$(date +%s%N)
  t send-keys -t main "$1"
  wait_for "$2" 5 || return
  printf '%-6s %-22s %4d ms\n' "$1" "'$2'" $(( ($(date +%s%N) - start) / 1000000 ))
}
t kill-server 2>/dev/null
t -f /dev/null new-session -d -s main -x 80 -y 24 "env TERM=xterm-256color ${PYTHON:-.venv/bin/python} -m tui toy-world"
trap 't kill-server 2>/dev/null' EXIT
wait_for "Corpora (Enter" || exit 1
sleep 1
# Train pane: 10000 epochs (1000 took only ~30 s with the kernels, and a run that ended
# mid-way made a Space start a new run instead of pausing), so every key lands while training
t send-keys -t main 3; sleep 1
if [ "$mode" != idle ]; then
  # f: the form's first field (model); six Tabs: arch, loss, dim, window, negative, epochs
  t send-keys -t main f; for _ in 1 2 3 4 5 6; do t send-keys -t main Tab; sleep 0.1; done
  for k in End C-u 1 0 0 0 0 Enter; do t send-keys -t main "$k"; sleep 0.15; done
  wait_for "TRAINING" || { t capture-pane -p -t main >&2; exit 1; }
  sleep 3; t send-keys -t main Escape; sleep 1
fi
for _ in $(seq "$rounds"); do
  key 4 "sentence:";        sleep 0.6
  key 3 "loss over the run"; sleep 0.6
  key 7 "next-word";        sleep 0.6
  key 2 "one-hot L2";       sleep 0.6
  key 6 "Analogies";        sleep 0.6
  key 3 "loss over the run"; sleep 0.6
  [ "$mode" = idle ] && continue
  key Space "PAUSED";       sleep 0.4
  key Space "TRAINING";     sleep 0.6
done
t send-keys -t main s
