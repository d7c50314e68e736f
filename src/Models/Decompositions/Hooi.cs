using TensorNetworks.Training.Data;
using TensorNetworks.Training;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// Tucker decomposition by higher-order orthogonal iteration (HOOI), started from <see cref="Hosvd.Fit"/>.
/// Each sweep sets, for n = 0, …, N−1, Uₙ ← the Rₙ leading left singular vectors of Y₍ₙ₎ with
/// Y = X ×_{m≠n} Uₘᵀ, then the core G = X ×₀ U₀ᵀ ⋯ ×_{N−1} U_{N−1}ᵀ. Every update maximizes ‖G‖ over one
/// factor, so the error ‖X − X̂‖² = ‖X‖² − ‖G‖² never increases and never exceeds the HOSVD's. The sweeps
/// run as an <see cref="AlternatingScheme"/> of closed-form <see cref="Block"/>s under
/// <see cref="Trainer.Fit"/>. Computed in the input's dtype.
/// </summary>
/// <example><code>
/// HooiResult r = Hooi.Fit(x, [3, 3, 2], maxIterations: 100, tolerance: 1e-12);
/// TuckerTensor t = r.Decomposition;
/// </code></example>
public static class Hooi
{
    /// <summary>Fits a rank-(R₀, …, R_{N−1}) Tucker decomposition to <paramref name="tensor"/>.</summary>
    /// <param name="tensor">X, with at least one mode and finite entries.</param>
    /// <param name="ranks">Rₙ with 1 ≤ Rₙ ≤ Iₙ and Rₙ ≤ Π_{m≠n} Rₘ.</param>
    /// <param name="maxIterations">Maximum number of sweeps; default 50.</param>
    /// <param name="tolerance">Stop when the fit changes by less than this between two sweeps; default 1e-10 for
    /// float64 and 1e-6 for float32 (a float32 fit moves by a few 1e-7 from sweep to sweep at convergence).</param>
    /// <exception cref="ArgumentException">As for <see cref="Hosvd.Fit"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a rank breaks the rules above (the message names it
    /// and the limit), <paramref name="maxIterations"/> is below 1, or <paramref name="tolerance"/> is negative or not finite.</exception>
    /// <example><code>HooiResult r = Hooi.Fit(TN.Randn(new Generator(0), DType.Float64, 8, 7, 6), [2, 3, 2]);</code></example>
    public static HooiResult Fit(Tensor tensor, IReadOnlyList<int> ranks, int maxIterations = 50, double? tolerance = null)
    {
        if (maxIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, $"Hooi.Fit: maxIterations must be at least 1, got {maxIterations}.");
        Tensor x = Hosvd.Checked(tensor, ranks, "Hooi.Fit");
        double stop = tolerance ?? (x.DType == DType.Float32 ? 1e-6 : 1e-10);
        if (!(stop >= 0) || !double.IsFinite(stop))
            throw new ArgumentOutOfRangeException(nameof(tolerance), stop, $"Hooi.Fit: tolerance must be finite and >= 0, got {stop}.");
        var model = new HooiModel(Hosvd.Fit(x, ranks));
        var sweep = new HooiSweep(x, model);
        var monitor = new FitMonitor("Hooi", Math.Sqrt(sweep.NormSquared), stop);
        var options = new TrainOptions { Epochs = maxIterations, Callbacks = [monitor] };
        FitResult run = Trainer.Fit(model, new FullBatch(new Batch(x)), sweep.SquaredError, new AlternatingScheme(sweep.Blocks()), options);
        return new HooiResult(model.Snapshot(), monitor.History, monitor.Converged, run);
    }
}
