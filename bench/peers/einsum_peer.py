"""PyTorch peer of the einsum benchmarks (bench/TensorNetworks.Benchmarks/Einsum).

Run with Debian's interpreter, which has python3-torch (not the pyenv python3 first on PATH):

    /usr/bin/python3 bench/peers/einsum_peer.py [--min-run-time SECONDS] [--threads N] > peer.json

Prints one JSON object on stdout, workload name -> median microseconds per call, as
engine_peer.py does; environment facts go to stderr. Workload names equal the BenchmarkDotNet
method names. Every workload is Float32 through torch.einsum on 2 threads (or --threads); the
ForwardBackward variants sum the result and back-propagate into every operand (gradients
cleared first, as zero_grad(set_to_none=True) does). Whether torch.einsum plans the order
(opt_einsum installed) or contracts left to right is noted on the first line of stderr.
"""

import json
import sys

import torch

from engine_peer import arguments, measure

TT_EQUATION = "nabcd,xaeA,AbfB,BcgC,Cdhy->nefgh"


def einsum_workloads():
    """Name -> (equation, operand shapes); the shapes match EinsumWorkload.cs."""
    return {
        "CpReconstruct": ("ir,jr,kr->ijk", [(100, 10), (100, 10), (100, 10)]),
        "TuckerReconstruct": ("abc,ia,jb,kc->ijk", [(8, 8, 8), (64, 8), (64, 8), (64, 8)]),
        "TtMatrixApply": (TT_EQUATION, [(256, 4, 8, 8, 4), (1, 4, 4, 8), (8, 8, 8, 8), (8, 8, 8, 8), (8, 4, 4, 1)]),
        "MpsSiteStep": ("nd,ldr,nl->nr", [(512, 2), (20, 2, 20), (512, 20)]),
    }


def workloads():
    """Name -> (statement, globals, calls per statement): each einsum forward, then forward+backward."""
    g = torch.Generator().manual_seed(0)
    result = {}
    for name, (equation, shapes) in einsum_workloads().items():
        operands = [torch.randn(*shape, generator=g, dtype=torch.float32) for shape in shapes]
        tracked = [o.clone().requires_grad_() for o in operands]

        def forward_backward(equation=equation, tracked=tracked):
            for t in tracked:
                t.grad = None
            torch.einsum(equation, *tracked).sum().backward()

        result[name] = ("torch.einsum(equation, *operands)", dict(equation=equation, operands=operands), 1)
        result[name + "ForwardBackward"] = ("run()", dict(run=forward_backward), 1)
        # tn's scoped forms release intermediates at once; PyTorch's reference counting always does.
        result[name + "Scoped"] = result[name]
        result[name + "ForwardBackwardScoped"] = result[name + "ForwardBackward"]
    return result


def main():
    args = arguments()
    planned = torch.backends.opt_einsum.is_available() and torch.backends.opt_einsum.enabled
    order = f"opt_einsum {torch.backends.opt_einsum.strategy}" if planned else "left to right"
    medians = measure(workloads(), args.min_run_time, args.threads, f", torch.einsum order: {order}")
    json.dump(medians, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
