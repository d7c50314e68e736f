using TensorNetworks.Training.Data;
using TensorNetworks.Training;
using TensorNetworks.Training.Callbacks;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// Tensor-ring alternating least squares: each core in turn is set to the exact least-squares solution with the
/// others fixed, so the error never increases from sweep to sweep. It runs as an <see cref="AlternatingScheme"/> of
/// closed-form <see cref="Block"/>s driven by <see cref="Trainer.Fit"/> (one epoch = one sweep). Ring ALS is not
/// guaranteed to reach the global optimum: from an unlucky start it can stall in a local minimum or a swamp. Fitting a
/// planted 4×5×6 ring of ranks 2 from twelve seeds, six stalled at error 0.13; of a 6×7×8 ring of ranks (2, 3, 2, 2), five
/// at 0.2-0.27. <see cref="TensorRingAlsOptions.Starts"/> fits from several seeds and keeps the best.
/// </summary>
/// <example><code>
/// var planted = TensorRing.Random(new Generator(3), [4, 5, 6], [2, 2, 2, 2]);
/// TensorRingFitResult fit = TensorRingAls.Fit(planted.ToDense(), [2, 2, 2, 2], new TensorRingAlsOptions { TargetError = 1e-8, Starts = 8 });
/// // fit.ErrorHistory[^1] ≤ 1e-8, reached from start fit.Start
/// </code></example>
public static class TensorRingAls
{
    /// <summary>
    /// Fits a ring of ranks r_0..r_N (length N+1, r_N = r_0) to <paramref name="tensor"/> by ALS: the update of core k
    /// solves min ‖T_(k)ᵀ − A_k·X‖_F where A_k holds the subchain of the other cores (see the remarks of
    /// <see cref="TensorRingAls"/>); the loss reported per sweep is ‖T − ring‖_F/‖T‖_F. Computed in the tensor's dtype.
    /// </summary>
    /// <param name="tensor">The target, at least 2 modes, float32 or float64, not all zero.</param>
    /// <param name="ranks">r_0..r_N, each at least 1, with r_N = r_0.</param>
    /// <param name="options">Sweeps, stopping rules and seed; null for the defaults.</param>
    /// <exception cref="ArgumentException">When the tensor has fewer than 2 modes, a zero extent, or is all zeros, or
    /// the rank list has the wrong length or r_N ≠ r_0, or r_{k-1}·r_k exceeds Π_{j≠k} n_j (the least-squares problem
    /// of core k would be underdetermined).</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a rank is below 1 or an option is out of range.</exception>
    /// <example><code>
    /// TensorRingFitResult fit = TensorRingAls.Fit(t, [2, 3, 2, 2], new TensorRingAlsOptions { Seed = 1 });
    /// TensorRing ring = fit.Ring;
    /// </code></example>
    public static TensorRingFitResult Fit(Tensor tensor, IReadOnlyList<int> ranks, TensorRingAlsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        options ??= new TensorRingAlsOptions();
        options.Check();
        (Tensor target, double norm, int[] modes, int[] r) = Problem("TensorRingAls.Fit", tensor, ranks);
        return BestOfStarts(options.Starts, options.TargetError, start => FitFrom(target, norm, modes, r, options, options.Seed + (ulong)start));
    }

    /// <summary>The fit with the lowest final error among <paramref name="starts"/> calls of <paramref name="fit"/> (given the
    /// start's index), stopping at the first whose error is at most <paramref name="targetError"/> when that is positive.</summary>
    internal static TensorRingFitResult BestOfStarts(int starts, double targetError, Func<int, TensorRingFitResult> fit)
    {
        TensorRingFitResult? best = null;
        for (int start = 0; start < starts; start++)
        {
            TensorRingFitResult result = fit(start) with { Start = start };
            if (best is null || result.ErrorHistory[^1] < best.ErrorHistory[^1]) best = result;
            if (targetError > 0 && best.ErrorHistory[^1] <= targetError) break;
        }
        return best!;
    }

    /// <summary>One ALS fit from the initial cores drawn with <paramref name="seed"/>.</summary>
    private static TensorRingFitResult FitFrom(Tensor target, double norm, int[] modes, int[] r, TensorRingAlsOptions options, ulong seed)
    {
        var module = new TensorRingModule(Initial(seed, modes, r, target.DType));
        Tensor[] unfoldings;
        using (TN.NoGrad()) unfoldings = [.. Enumerable.Range(0, modes.Length).Select(k => TensorRingModule.CyclicUnfolding(target, k))];
        Block[] blocks = [.. module.Cores.Select((p, k) => Block.ClosedForm(p.Name, [p], _ => module.Solve(k, unfoldings[k])))];

        var callbacks = new List<Callback>();
        if (options.TargetError > 0) callbacks.Add(new TensorRingAlsTarget(options.TargetError));
        FitResult result = Trainer.Fit(module, new FullBatch(new Batch(target)), _ => module.RelativeError(target, norm), new AlternatingScheme(blocks),
            new TrainOptions { Epochs = options.MaxSweeps, LossTolerance = options.Tolerance > 0 ? options.Tolerance : null, Callbacks = callbacks });
        return new TensorRingFitResult(module.ToRing(), [.. result.History.Select(h => h.MeanLoss)], result.StopReason, result.Message);
    }

    /// <summary>Validates a ring-fitting problem: the target (detached), its norm, its modes and the full rank list.</summary>
    internal static (Tensor Target, double Norm, int[] Modes, int[] Ranks) Problem(string context, Tensor tensor, IReadOnlyList<int> ranks)
    {
        int[] modes = tensor.Shape.ToArray();
        if (modes.Length < 2 || modes.Any(n => n < 1))
            throw new ArgumentException($"{context}: the tensor has shape {tensor.Shape}; a ring needs at least 2 modes, each of size at least 1.", nameof(tensor));
        int[] r = TensorTrainChecks.Ranks(context, ranks, modes.Length, ring: true);
        long total = modes.Aggregate(1L, (p, n) => p * n);
        for (int k = 0; k < modes.Length; k++)
            if ((long)r[k] * r[k + 1] > total / modes[k])
                throw new ArgumentException($"{context}: core {k} has r_{k} · r_{k + 1} = {r[k]} · {r[k + 1]} = {r[k] * r[k + 1]} unknowns per entry but only {total / modes[k]} equations (Π_(j≠{k}) n_j for shape {tensor.Shape}); lower the ranks.", nameof(ranks));
        Tensor target = tensor.Detach();
        double norm;
        using (TN.NoGrad()) norm = target.Norm().Item();
        if (norm == 0)
            throw new ArgumentException($"{context}: the tensor is all zeros; the relative error is undefined (the zero ring is the answer).", nameof(tensor));
        return (target, norm, modes, r);
    }

    internal static TensorRing Initial(ulong seed, int[] modes, int[] ranks, DType dtype)
    {
        var generator = new Generator(seed);
        return new TensorRing([.. modes.Select((n, k) => TN.Randn(generator, dtype, ranks[k], n, ranks[k + 1]) * (1.0 / Math.Sqrt(Math.Max(ranks[k], ranks[k + 1]))))]);
    }
}
