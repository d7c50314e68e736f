#!/usr/bin/env bash
# Whole-program comparison of examples/QuickStart with its PyTorch peer (bench/peers/quickstart_peer.py):
# the same data, model, batch size, optimizer, schedule and epochs, run back to back, ROUNDS times
# alternating. Prints training seconds, whole-program seconds and test accuracy of each, and the ratios.
#
#   dotnet build -c Release && bench/quickstart.sh          # ROUNDS=3 EPOCHS=3 THREADS=2 by default
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${ROUNDS:-3} epochs=${EPOCHS:-3} threads=${THREADS:-2}
export OPENBLAS_NUM_THREADS=$threads DOTNET_PROCESSOR_COUNT=$threads
dll=$root/examples/QuickStart/bin/Release/net10.0/QuickStart.dll
[[ -f $dll ]] || { echo "No Release build at $dll: run 'dotnet build -c Release' first." >&2; exit 1; }
out=$(mktemp -d)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$rounds"); do
  start=$(date +%s.%N)
  dotnet "$dll" --epochs "$epochs" --out "$out/run" > "$out/tn.txt" 2>&1 < /dev/null
  end=$(date +%s.%N)
  train=$(grep -oE 'steps in [0-9.]+ s' "$out/tn.txt" | grep -oE '[0-9.]+' | head -1)
  acc=$(grep -oE 'Test accuracy: [0-9.]+' "$out/tn.txt" | grep -oE '[0-9.]+$')
  echo "tn $train $(awk "BEGIN{print $end - $start}") $acc" >> "$out/results"
  /usr/bin/python3 "$root/bench/peers/quickstart_peer.py" --epochs "$epochs" --threads "$threads" > "$out/torch.json"
  /usr/bin/python3 -c "import json,sys; d=json.load(open('$out/torch.json')); print('torch', d['train_seconds'], d['program_seconds'], 100*d['test_accuracy'])" >> "$out/results"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$out/results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
def med(side, col): return statistics.median(float(r[col]) for r in rows if r[0] == side)
tn_train, tn_prog, tn_acc = med("tn", 1), med("tn", 2), med("tn", 3)
pt_train, pt_prog, pt_acc = med("torch", 1), med("torch", 2), med("torch", 3)
print("| | tn | PyTorch | PyTorch / tn |")
print("|---|---|---|---|")
print(f"| training (median s) | {tn_train:.2f} | {pt_train:.2f} | {pt_train / tn_train:.1f}x |")
print(f"| whole program (median s) | {tn_prog:.2f} | {pt_prog:.2f} | {pt_prog / tn_prog:.1f}x |")
print(f"| test accuracy (%) | {tn_acc:.2f} | {pt_acc:.2f} | |")
PY
rm -rf "$out"
