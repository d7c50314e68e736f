"""NumPy peer of the decomposition benchmarks (bench/TensorNetworks.Benchmarks/Decompositions), and the
table that joins both sides with the FLOP floors. Run with Debian's interpreter (NumPy 1.24 on OpenBLAS):

    /usr/bin/python3 bench/peers/decomp_peer.py run [--only NAME,...] [--repeats N] > peer.json
    /usr/bin/python3 bench/peers/decomp_peer.py table PEER_DIR BDN_DIR

`run` prints one JSON object, workload name -> median microseconds per call (1 warm-up call, then
--repeats timed calls); names equal the BenchmarkDotNet method names. Every workload is float64 and
is the tn algorithm written straightforwardly in NumPy: CP-ALS with MTTKRP = unfold(X, n) @ khatri_rao,
the Hadamard product of the other Gram matrices and a solve, column normalization and the expanded
fit; HOSVD by the thin SVD of each unfolding and mode products; TT-SVD by sequential reshape + thin SVD;
TT rounding by a right-to-left QR sweep and a left-to-right truncated SVD sweep.

`table` reads every *.json of PEER_DIR (merged; repeated names take the median) and every
*-report-full-compressed.json under BDN_DIR, and prints the markdown table of bench/decomp.sh. The
floor of a workload is its FLOP count (below) divided by tn's measured 1024³ dgemm rate (Gemm1024).
OpenBLAS runs OPENBLAS_NUM_THREADS threads (default here: 2; bench/decomp.sh sets it for both sides).
"""

import argparse
import glob
import json
import os
import statistics
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")
import numpy as np  # noqa: E402 (after the thread setting, which OpenBLAS reads when it loads)

CUBE, CP_RANK, TUCKER_RANK = 200, 20, 20
TT_SVD_ORDER, TT_SVD_MODE, TT_SVD_MAX_RANK = 10, 4, 32
ROUND_ORDER, ROUND_MODE, ROUND_RANK = 20, 4, 20
GEMM = 1024
CP_LONG, CP_SHORT = 6, 1  # sweeps of the two CP-ALS fits; their difference over 5 is one sweep
NAMES = ["Gemm1024", "CpAls1Sweep", "CpAls6Sweeps", "Hosvd", "TtSvd", "TtRound"]


def ranks(order, mode, cap):
    """r_0..r_d = min(cap, mode^k, mode^(d-k)), as DecompositionWorkload.Ranks."""
    return [min(cap, mode ** k, mode ** (order - k)) for k in range(order + 1)]


# ---- the algorithms -------------------------------------------------------------------------------

def unfold(x, n):
    return np.moveaxis(x, n, 0).reshape(x.shape[n], -1)


def khatri_rao(b, c):
    """Row-major Khatri-Rao: row (j, k) = b[j] * c[k], matching unfold's column order."""
    return (b[:, None, :] * c[None, :, :]).reshape(-1, b.shape[1])


def cp_als(x, rank, sweeps, rng):
    factors = [rng.standard_normal((s, rank)) for s in x.shape]
    weights = np.ones(rank)
    norm_squared = np.vdot(x, x)
    fits = []
    for _ in range(sweeps):
        for n in range(x.ndim):
            others = [factors[m] for m in range(x.ndim) if m != n]
            mttkrp = unfold(x, n) @ khatri_rao(*others)
            hadamard = np.prod([f.T @ f for f in others], axis=0)
            scaled = np.linalg.solve(hadamard, mttkrp.T).T
            norms = np.linalg.norm(scaled, axis=0)
            norms[norms == 0] = 1
            factors[n], weights = scaled / norms, norms
        inner = np.sum(mttkrp * factors[-1] * weights)
        approx = weights @ np.prod([f.T @ f for f in factors], axis=0) @ weights
        fits.append(1 - np.sqrt(max(norm_squared - 2 * inner + approx, 0)) / np.sqrt(norm_squared))
    return weights, factors, fits


def hosvd(x, tucker_ranks):
    factors = [np.linalg.svd(unfold(x, n), full_matrices=False)[0][:, :r] for n, r in enumerate(tucker_ranks)]
    core = x
    for n, u in enumerate(factors):
        core = np.moveaxis(np.tensordot(core, u, axes=([n], [0])), -1, n)
    return core, factors


def tt_svd(x, caps):
    modes, cores, rest, r = x.shape, [], x, 1
    for k in range(len(modes) - 1):
        u, s, vt = np.linalg.svd(rest.reshape(r * modes[k], -1), full_matrices=False)
        rank = min(caps[k + 1], int(np.count_nonzero(s)))
        cores.append(u[:, :rank].reshape(r, modes[k], rank))
        rest, r = s[:rank, None] * vt[:rank], rank
    cores.append(rest.reshape(r, modes[-1], 1))
    return cores


def tt_round(cores, caps):
    cores, d = list(cores), len(cores)
    for k in range(d - 1, 0, -1):
        a, n, b = cores[k].shape
        q, r = np.linalg.qr(cores[k].reshape(a, n * b).T)
        cores[k] = q.T.reshape(q.shape[1], n, b)
        cores[k - 1] = np.tensordot(cores[k - 1], r, axes=([2], [1]))
    for k in range(d - 1):
        a, n, b = cores[k].shape
        u, s, vt = np.linalg.svd(cores[k].reshape(a * n, b), full_matrices=False)
        rank = min(caps[k + 1], int(np.count_nonzero(s)))
        cores[k] = u[:, :rank].reshape(a, n, rank)
        cores[k + 1] = np.tensordot(s[:rank, None] * vt[:rank], cores[k + 1], axes=([1], [0]))
    return cores


def tt_random(rng, order, mode, tt_ranks):
    return [rng.standard_normal((tt_ranks[k], mode, tt_ranks[k + 1])) for k in range(order)]


def tt_add(a, b):
    """Block cores as TtArithmetic.Add: [A B] first, [A; B] last, diag(A, B) between."""
    d, cores = len(a), []
    for k, (x, y) in enumerate(zip(a, b)):
        if k == 0:
            cores.append(np.concatenate([x, y], axis=2))
        elif k == d - 1:
            cores.append(np.concatenate([x, y], axis=0))
        else:
            block = np.zeros((x.shape[0] + y.shape[0], x.shape[1], x.shape[2] + y.shape[2]))
            block[:x.shape[0], :, :x.shape[2]] = x
            block[x.shape[0]:, :, x.shape[2]:] = y
            cores.append(block)
    return cores


def workloads(only):
    """Name -> zero-argument call, with inputs built only for the requested names."""
    rng = np.random.default_rng(11)
    result = {}
    if "Gemm1024" in only:
        a, b = rng.standard_normal((GEMM, GEMM)), rng.standard_normal((GEMM, GEMM))
        result["Gemm1024"] = lambda: a @ b
    if only & {"CpAls1Sweep", "CpAls6Sweeps", "Hosvd"}:
        cube = rng.standard_normal((CUBE, CUBE, CUBE))
        result["CpAls1Sweep"] = lambda: cp_als(cube, CP_RANK, CP_SHORT, np.random.default_rng(3))
        result["CpAls6Sweeps"] = lambda: cp_als(cube, CP_RANK, CP_LONG, np.random.default_rng(3))
        result["Hosvd"] = lambda: hosvd(cube, [TUCKER_RANK] * 3)
    if "TtSvd" in only:
        dense = rng.standard_normal((TT_SVD_MODE,) * TT_SVD_ORDER)
        caps = ranks(TT_SVD_ORDER, TT_SVD_MODE, TT_SVD_MAX_RANK)
        result["TtSvd"] = lambda: tt_svd(dense, caps)
    if "TtRound" in only:
        tt_ranks = ranks(ROUND_ORDER, ROUND_MODE, ROUND_RANK)
        total = tt_add(tt_random(rng, ROUND_ORDER, ROUND_MODE, tt_ranks), tt_random(rng, ROUND_ORDER, ROUND_MODE, tt_ranks))
        result["TtRound"] = lambda: tt_round(total, tt_ranks)
    return {name: call for name, call in result.items() if name in only}


def run(args):
    only = set(args.only.split(",")) if args.only else set(NAMES)
    medians = {}
    for name, call in workloads(only).items():
        call()
        samples = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            call()
            samples.append(time.perf_counter() - start)
        medians[name] = statistics.median(samples) * 1e6
        print(f"{name}: median {medians[name]:,.0f} µs of {args.repeats}", file=sys.stderr)
    json.dump(medians, sys.stdout, indent=2)
    print()


# ---- the floors -----------------------------------------------------------------------------------

def svd_floor(m, n, kept):
    """Truncated SVD of an m×n matrix keeping `kept` triplets, done the cheapest dense way: the Gram
    matrix of the short side (2·s²·l), its symmetric eigendecomposition (9·s³) and the other side's
    vectors by one product with the matrix (2·m·n·kept)."""
    s, l = min(m, n), max(m, n)
    return 2 * s * s * l + 9 * s ** 3 + 2 * m * n * kept


def qr_floor(m, n):
    """Householder QR of an m×n matrix with the m×k factor Q formed (k = min(m, n)): geqrf
    2·k²·max(m, n) − ⅔·k³ plus orgqr 2·m·k² − ⅔·k³."""
    k = min(m, n)
    return 2 * k * k * max(m, n) + 2 * m * k * k - 4 * k ** 3 / 3


def flops():
    """FLOP counts of the dominant kernels of each workload (see docs/performance-decompositions.md)."""
    cube = CUBE ** 3
    cp_sweep = 3 * 2 * cube * CP_RANK  # three MTTKRPs, naive order: 2·I·J·K·R each
    hosvd_flops = 3 * (2 * CUBE * cube + 9 * CUBE ** 3)  # per mode: Gram X₍ₙ₎X₍ₙ₎ᵀ and its eigenvectors
    r = TUCKER_RANK
    hosvd_flops += 2 * r * cube + 2 * r * r * CUBE * CUBE + 2 * r ** 3 * CUBE  # core: three mode products
    caps = ranks(TT_SVD_ORDER, TT_SVD_MODE, TT_SVD_MAX_RANK)
    tt_svd_flops, size = 0, TT_SVD_MODE ** TT_SVD_ORDER
    for k in range(TT_SVD_ORDER - 1):
        rows = caps[k] * TT_SVD_MODE
        tt_svd_flops += svd_floor(rows, size // rows, caps[k + 1])
        size = caps[k + 1] * (size // rows)
    return {"CpAlsSweep": cp_sweep, "Hosvd": hosvd_flops, "TtSvd": tt_svd_flops, "TtRound": round_flops()}


def round_flops():
    """QR sweep (QR of each core's (n·b)×a transpose, R into the left neighbour) then the SVD sweep
    (truncated SVD of each (a·n)×b core, diag(s)·Vᵀ into the right neighbour), on the sum's ranks."""
    half = ranks(ROUND_ORDER, ROUND_MODE, ROUND_RANK)
    r = [1] + [2 * x for x in half[1:-1]] + [1]
    n, d, total = ROUND_MODE, ROUND_ORDER, 0
    for k in range(d - 1, 0, -1):
        m, cols = n * r[k + 1], r[k]
        kept = min(m, cols)
        total += qr_floor(m, cols) + 2 * r[k - 1] * n * cols * kept
        r[k] = kept
    caps = ranks(ROUND_ORDER, ROUND_MODE, ROUND_RANK)
    for k in range(d - 1):
        m, cols = r[k] * n, r[k + 1]
        kept = min(caps[k + 1], m, cols)
        total += svd_floor(m, cols, kept) + 2 * kept * cols * n * r[k + 2]
        r[k + 1] = kept
    return total


# ---- the table ------------------------------------------------------------------------------------

def merged_peer(peer_dir):
    values = {}
    for path in sorted(glob.glob(os.path.join(peer_dir, "*.json"))):
        with open(path) as f:
            for name, micros in json.load(f).items():
                values.setdefault(name, []).append(micros)
    return {name: statistics.median(v) for name, v in values.items()}


def merged_tn(bdn_dir):
    """Method -> (median µs, allocated bytes), the median over runs when a method ran more than once."""
    times, allocated = {}, {}
    pattern = os.path.join(bdn_dir, "**", "*-report-full-compressed.json")
    for path in sorted(glob.glob(pattern, recursive=True)):
        with open(path) as f:
            for bench in json.load(f)["Benchmarks"]:
                if bench.get("Statistics") is None:
                    continue
                times.setdefault(bench["Method"], []).append(bench["Statistics"]["Median"] / 1000)
                allocated[bench["Method"]] = (bench.get("Memory") or {}).get("BytesAllocatedPerOperation")
    return {name: (statistics.median(t), allocated.get(name)) for name, t in times.items()}


def per_sweep(values):
    """Adds CpAlsSweep = (6-sweep fit − 1-sweep fit) / 5 to a name -> value map."""
    long, short = values.get("CpAls6Sweeps"), values.get("CpAls1Sweep")
    if long is not None and short is not None:
        values["CpAlsSweep"] = (long - short) / (CP_LONG - CP_SHORT)
    return values


def ms(micros):
    return "—" if micros is None else f"{micros / 1000:,.1f} ms" if micros >= 1000 else f"{micros:,.0f} µs"


def table(args):
    peer = per_sweep(merged_peer(args.peer_dir))
    tn_pairs = merged_tn(args.bdn_dir)
    tn = per_sweep({name: t for name, (t, _) in tn_pairs.items()})
    alloc = per_sweep({name: a for name, (_, a) in tn_pairs.items() if a is not None})
    gemm_flops = 2 * GEMM ** 3
    rate = gemm_flops / (tn["Gemm1024"] * 1e-6) if "Gemm1024" in tn else None
    peer_rate = gemm_flops / (peer["Gemm1024"] * 1e-6) if "Gemm1024" in peer else None
    print(f"dgemm 1024³: tn {ms(tn.get('Gemm1024'))} = {rate / 1e9 if rate else float('nan'):.1f} GFLOP/s; "
          f"NumPy {ms(peer.get('Gemm1024'))} = {peer_rate / 1e9 if peer_rate else float('nan'):.1f} GFLOP/s. "
          f"floor = FLOPs / tn's rate.")
    print()
    print("| workload | FLOPs | floor | tn | NumPy | NumPy/tn | tn/floor | tn allocated |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|")
    labels = {"CpAlsSweep": "CP-ALS sweep, 200³, R=20", "Hosvd": "HOSVD 200³ → (20,20,20)",
              "TtSvd": "TT-SVD 4^10, ranks ≤ 32", "TtRound": "TT rounding, d=20, n=4, 40 → 20"}
    for name, count in flops().items():
        floor = count / rate * 1e6 if rate else None
        t, p = tn.get(name), peer.get(name)
        speed = f"{p / t:.2f}×" if t and p else "—"
        over = f"{t / floor:.1f}×" if t and floor else "—"
        a = alloc.get(name)
        print(f"| {labels[name]} | {count / 1e9:.3g} G | {ms(floor)} | {ms(t)} | {ms(p)} | {speed} | {over} | "
              f"{'—' if a is None else f'{a / 1e6:,.1f} MB'} |")
    print()
    print("raw medians: " + ", ".join(f"{n} tn {ms(tn.get(n))} / NumPy {ms(peer.get(n))}" for n in NAMES))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run_parser = sub.add_parser("run", help="time the NumPy workloads, print JSON")
    run_parser.add_argument("--only", default="", help="comma-separated workload names (default: all)")
    run_parser.add_argument("--repeats", type=int, default=7)
    table_parser = sub.add_parser("table", help="join the peer and tn results into the markdown table")
    table_parser.add_argument("peer_dir")
    table_parser.add_argument("bdn_dir")
    args = parser.parse_args()
    if args.command == "run":
        print(f"NumPy {np.__version__}, OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}", file=sys.stderr)
        run(args)
    else:
        table(args)


if __name__ == "__main__":
    main()
