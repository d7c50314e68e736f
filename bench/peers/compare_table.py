"""Joins a peer's medians with BenchmarkDotNet's JSON results into one markdown table.

    python3 bench/peers/compare_table.py PEER_JSON BDN_RESULTS_DIR [--peer-name PyTorch]

PEER_JSON maps workload name -> median microseconds (as engine_peer.py and einsum_peer.py print it);
BDN_RESULTS_DIR holds the *-report-full-compressed.json files of a run with --exporters json.
Rows join on the BenchmarkDotNet method name; a workload measured on one side only shows a dash
on the other. Times are medians per operation (BenchmarkDotNet divides by OperationsPerInvoke).
"""

import argparse
import glob
import json
import os

DASH = "—"


def tn_results(results_dir):
    """Method name -> (median microseconds, allocated bytes per operation or None)."""
    results = {}
    for path in sorted(glob.glob(os.path.join(results_dir, "*-report-full-compressed.json"))):
        with open(path) as f:
            for bench in json.load(f)["Benchmarks"]:
                stats = bench.get("Statistics")
                if stats is None:
                    continue
                allocated = (bench.get("Memory") or {}).get("BytesAllocatedPerOperation")
                results[bench["Method"]] = (stats["Median"] / 1000, allocated)
    return results


def microseconds(value):
    if value is None:
        return DASH
    return f"{value:,.0f} µs" if value >= 100 else f"{value:.3g} µs"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("peer_json")
    parser.add_argument("results_dir")
    parser.add_argument("--peer-name", default="PyTorch")
    args = parser.parse_args()

    with open(args.peer_json) as f:
        peer = json.load(f)
    tn = tn_results(args.results_dir)

    print(f"| workload | tn median | {args.peer_name} median | speed-up ({args.peer_name}/tn) | tn allocated |")
    print("|---|--:|--:|--:|--:|")
    for name in list(peer) + [n for n in tn if n not in peer]:
        tn_time, allocated = tn.get(name, (None, None))
        peer_time = peer.get(name)
        speedup = f"{peer_time / tn_time:.3g}×" if tn_time and peer_time else DASH
        allocated_text = DASH if allocated is None else f"{allocated:,} B"
        print(f"| {name} | {microseconds(tn_time)} | {microseconds(peer_time)} | {speedup} | {allocated_text} |")


if __name__ == "__main__":
    main()
