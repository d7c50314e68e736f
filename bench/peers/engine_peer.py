"""PyTorch peer of the engine benchmarks (bench/TensorNetworks.Benchmarks/Engine).

Run with Debian's interpreter, which has python3-torch (not the pyenv python3 first on PATH):

    /usr/bin/python3 bench/peers/engine_peer.py [--min-run-time SECONDS] [--threads N] > peer.json

Prints one JSON object on stdout, workload name -> median microseconds per call (the chain
workload is per matmul, as in BenchmarkDotNet's OperationsPerInvoke); environment facts go to
stderr. Workload names equal the BenchmarkDotNet method names, so bench/compare.sh can
join the two. Every workload is Float32 on 2 threads (unless --threads says otherwise), timed with torch.utils.benchmark.Timer's
blocked_autorange (its block-size estimate is the warm-up; the median is over blocks).

OpenBLAS environment: this torch (Debian build, BLAS_INFO=generic) calls BLAS through
libblas.so.3, which is OpenBLAS (openblas-pthread), for 2-D matmul and for each matrix of a
batched matmul. So OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE DO affect torch: on this machine
OPENBLAS_CORETYPE=Haswell (AVX2 kernels) makes the 1024^3 matmul about 1.7x slower than
OpenBLAS's own choice (Cooperlake, AVX-512). Run the peer and tn under the same environment, as
compare.sh does, so both use the same OpenBLAS kernels; elementwise ops and 10x10 work
do not go through OpenBLAS.
"""

import argparse
import json
import os
import sys

import torch
import torch.utils.benchmark as benchmark

THREADS = 2
CHAIN_LENGTH = 64


def workloads():
    """Name -> (statement, globals, calls per statement)."""
    g = torch.Generator().manual_seed(0)

    def randn(*shape):
        return torch.randn(*shape, generator=g, dtype=torch.float32)

    a, b = randn(10, 10), randn(10, 10)
    chain_input = randn(10, 10)
    chain_weights = [(randn(10, 10) / 10 ** 0.5).requires_grad_() for _ in range(CHAIN_LENGTH)]

    def chain_forward_backward():
        for w in chain_weights:
            w.grad = None
        y = chain_input
        for w in chain_weights:
            y = torch.matmul(y, w)
        y.sum().backward()

    batch_a, batch_b = randn(4096, 10, 10), randn(4096, 10, 10)
    batch_a_tracked = batch_a.clone().requires_grad_()
    batch_b_tracked = batch_b.clone().requires_grad_()

    def batched_forward_backward():
        batch_a_tracked.grad = None
        batch_b_tracked.grad = None
        torch.matmul(batch_a_tracked, batch_b_tracked).sum().backward()

    x, y = randn(1 << 20), randn(1 << 20)
    mse_leaf = x.clone().requires_grad_()

    def mse_forward_backward():
        mse_leaf.grad = None
        torch.nn.functional.mse_loss(mse_leaf, y).backward()

    rows = randn(1024, 1024)
    row_indices = torch.tensor([i * 7919 % 1024 for i in range(4096)])
    cube = randn(64, 64, 1024)
    gemm_a, gemm_b = randn(1024, 1024), randn(1024, 1024)

    return {
        "Add10x10": ("a + b", dict(a=a, b=b), 1),
        "MatMul10x10": ("torch.matmul(a, b)", dict(a=a, b=b), 1),
        "MatMulChain64ForwardBackwardPerOp": ("run()", dict(run=chain_forward_backward), CHAIN_LENGTH),
        "BatchedMatMul4096x10x10": ("torch.matmul(a, b)", dict(a=batch_a, b=batch_b), 1),
        "BatchedMatMul4096x10x10ForwardBackward": ("run()", dict(run=batched_forward_backward), 1),
        "Add1M": ("x + y", dict(x=x, y=y), 1),
        "Multiply1M": ("x * y", dict(x=x, y=y), 1),
        "Exp1M": ("torch.exp(x)", dict(x=x), 1),
        "Sigmoid1M": ("torch.sigmoid(x)", dict(x=x), 1),
        # tn's scoped forms release each result at once; PyTorch's reference counting always does.
        "Add1MScoped": ("x + y", dict(x=x, y=y), 1),
        "Multiply1MScoped": ("x * y", dict(x=x, y=y), 1),
        "Exp1MScoped": ("torch.exp(x)", dict(x=x), 1),
        "Sigmoid1MScoped": ("torch.sigmoid(x)", dict(x=x), 1),
        "Exp1MScopedF64": ("torch.exp(x)", dict(x=x.double()), 1),
        "Sigmoid1MScopedF64": ("torch.sigmoid(x)", dict(x=x.double()), 1),
        "MseLoss1MScoped": ("torch.nn.functional.mse_loss(x, y)", dict(x=x, y=y), 1),
        "MseLossForwardBackward1M": ("run()", dict(run=mse_forward_backward), 1),
        "IndexSelect4096Of1024x1024Scoped": ("rows.index_select(0, row_indices)", dict(rows=rows, row_indices=row_indices), 1),
        "Cat2x1MScoped": ("torch.cat([x, y])", dict(x=x, y=y), 1),
        "Permute102Of64x64x1024Scoped": ("cube.permute(1, 0, 2).contiguous()", dict(cube=cube), 1),
        "MatMul1024": ("torch.matmul(a, b)", dict(a=gemm_a, b=gemm_b), 1),
        **axis_sum_workloads(g),
        **line_reduction_workloads(g),
        **small_unary_workloads(g),
        **softmax_workloads(),
    }


def axis_sum_workloads(g):
    """Sums along a strided axis, and the same with their backward (AxisSumBenchmarks)."""
    shapes = {"2048x512": ((2048, 512), 0), "512x2048": ((512, 2048), 0), "2Mx2": ((1 << 21, 2), 0),
              "2x2M": ((2, 1 << 21), 0), "64x256x64": ((64, 256, 64), 1)}
    result = {}
    for dtype, suffix in ((torch.float32, ""), (torch.float64, "Float64")):
        for name, (shape, axis) in shapes.items():
            x = torch.randn(*shape, generator=g, dtype=dtype)
            leaf = x.clone().requires_grad_()

            def forward_backward(leaf=leaf, axis=axis):
                leaf.grad = None
                leaf.sum(axis).sum().backward()

            result[f"SumAxis{axis}_{name}{suffix}"] = ("x.sum(axis)", dict(x=x, axis=axis), 1)
            result[f"SumAxis{axis}_{name}{suffix}ForwardBackward"] = ("run()", dict(run=forward_backward), 1)
    return result


def line_reduction_workloads(g):
    """Reductions along the last axis of 2048x512 (LineReductionBenchmarks)."""
    result = {}
    for dtype, suffix in ((torch.float32, ""), (torch.float64, "Float64")):
        x = torch.randn(2048, 512, generator=g, dtype=dtype)
        result[f"RowSums2048x512{suffix}"] = ("x.sum(1)", dict(x=x), 1)
        result[f"RowMax2048x512{suffix}"] = ("x.amax(1)", dict(x=x), 1)
        result[f"RowArgMax2048x512{suffix}"] = ("x.argmax(1)", dict(x=x), 1)
        result[f"RowNorms2048x512{suffix}"] = ("torch.linalg.vector_norm(x, 2, 1)", dict(x=x), 1)
    return result


def small_unary_workloads(g):
    """One transcendental call on 1- and 10-element tensors (SmallUnaryBenchmarks)."""
    one, ten = torch.randn(1, generator=g), torch.randn(10, generator=g)
    one_double, ten_double = one.double(), ten.double()
    return {
        "Exp1": ("torch.exp(x)", dict(x=one), 1),
        "Exp10": ("torch.exp(x)", dict(x=ten), 1),
        "Exp1Float64": ("torch.exp(x)", dict(x=one_double), 1),
        "Exp10Float64": ("torch.exp(x)", dict(x=ten_double), 1),
        "Sigmoid10": ("torch.sigmoid(x)", dict(x=ten), 1),
        "Tanh10Float64": ("torch.tanh(x)", dict(x=ten_double), 1),
        "Softplus10": ("torch.nn.functional.softplus(x)", dict(x=ten), 1),
    }


def softmax_workloads():
    """The softmax family along the last axis of 4096x1000 (and LogSoftmax along axis 0 of 512x2048) and
    cross-entropy with integer labels and mean reduction, forward and forward+backward, as in
    bench/TensorNetworks.Benchmarks/Engine/SoftmaxBenchmarks.cs and CrossEntropyBenchmarks.cs. Float32, or
    Float64 where the name ends in F64. The *Backward workloads time the gradient kernel alone (given the
    forward's output and an upstream gradient); *ForwardBackward ones the op and Backward through autograd,
    gradients cleared first."""
    g = torch.Generator().manual_seed(5)
    functional = torch.nn.functional
    named = {}
    for dtype, suffix in ((torch.float32, ""), (torch.float64, "F64")):
        def randn(*shape):
            return torch.randn(*shape, generator=g, dtype=dtype)

        x, upstream = randn(4096, 1000), randn(4096, 1000)
        s, l = torch.softmax(x, -1), torch.log_softmax(x, -1)
        tracked = x.clone().requires_grad_()

        def forward_backward(op, tracked=tracked, upstream=upstream):
            tracked.grad = None
            op(tracked, -1).backward(upstream)

        columns = randn(512, 2048)
        named.update({
            f"Softmax4096x1000{suffix}": ("torch.softmax(x, -1)", dict(x=x), 1),
            f"LogSoftmax4096x1000{suffix}": ("torch.log_softmax(x, -1)", dict(x=x), 1),
            f"LogSumExp4096x1000{suffix}": ("torch.logsumexp(x, -1)", dict(x=x), 1),
            f"SoftmaxBackward4096x1000{suffix}": (
                "torch._softmax_backward_data(g, s, -1, s.dtype)", dict(g=upstream, s=s), 1),
            f"LogSoftmaxBackward4096x1000{suffix}": (
                "torch._log_softmax_backward_data(g, l, -1, l.dtype)", dict(g=upstream, l=l), 1),
            f"SoftmaxForwardBackward4096x1000{suffix}": (
                "run(torch.softmax)", dict(run=forward_backward), 1),
            f"LogSoftmaxForwardBackward4096x1000{suffix}": (
                "run(torch.log_softmax)", dict(run=forward_backward), 1),
            f"LogSoftmaxAxis0Of512x2048{suffix}": ("torch.log_softmax(x, 0)", dict(x=columns), 1),
        })
        for rows, classes in ((128, 10), (1024, 10), (4096, 1000)):
            logits = randn(rows, classes)
            labels = torch.randint(0, classes, (rows,), generator=g)
            logits_tracked = logits.clone().requires_grad_()

            def loss_forward_backward(logits=logits_tracked, labels=labels):
                logits.grad = None
                functional.cross_entropy(logits, labels).backward()

            named.update({
                f"CrossEntropy{rows}x{classes}{suffix}": (
                    "f.cross_entropy(x, y)", dict(f=functional, x=logits, y=labels), 1),
                f"CrossEntropyForwardBackward{rows}x{classes}{suffix}": (
                    "run()", dict(run=loss_forward_backward), 1),
            })
    return named


def measure(named_workloads, min_run_time, threads=THREADS, note=""):
    """Median microseconds per call of each workload on `threads` threads; the environment (and
    note) on the first line of stderr, then each median."""
    torch.set_num_threads(threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}, "
          f"OPENBLAS_L2_SIZE={os.environ.get('OPENBLAS_L2_SIZE', '(unset)')}{note}", file=sys.stderr)
    medians = {}
    for name, (stmt, scope, calls) in named_workloads.items():
        timer = benchmark.Timer(stmt, globals={"torch": torch, **scope}, num_threads=threads, label=name)
        measurement = timer.blocked_autorange(min_run_time=min_run_time)
        medians[name] = measurement.median * 1e6 / calls
        print(f"{name}: {medians[name]:.3f} us", file=sys.stderr)
    return medians


def arguments():
    """The peers' command line: --min-run-time and --threads."""
    parser = argparse.ArgumentParser(description=sys.modules["__main__"].__doc__.splitlines()[0])
    parser.add_argument("--min-run-time", type=float, default=3.0, help="seconds measured per workload")
    parser.add_argument("--threads", type=int, default=THREADS, help=f"intra-op threads (default {THREADS})")
    return parser.parse_args()


def main():
    args = arguments()
    json.dump(measure(workloads(), args.min_run_time, args.threads), sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
