using TensorNetworks.Training.Data;
using TensorNetworks.Training;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// CP decomposition by alternating least squares (CP-ALS). Each sweep updates every factor in turn with
/// the others fixed, by the closed-form least-squares solution
/// Aₙ·diag(λ) ← X₍ₙ₎(⊙_{m≠n} Aₘ)·(⊛_{m≠n} AₘᵀAₘ)^† — the MTTKRP times the pseudo-inverse of the Hadamard
/// product of the Gram matrices, obtained by a least-squares solve — and then normalizes the columns of
/// Aₙ into the weights λ. The sweeps run as an <see cref="AlternatingScheme"/> of one closed-form
/// <see cref="Block"/> per factor under <see cref="Trainer.Fit"/>, with the squared error ‖X − X̂‖² as
/// the objective; the fit 1 − ‖X − X̂‖/‖X‖ is computed from ‖X‖², the last MTTKRP and the Gram matrices
/// without forming X̂ (X̂ is formed only once the residual is below 1% of ‖X‖, where that expansion
/// would lose the fit to cancellation). With exact block solves the fit never decreases.
/// </summary>
/// <example><code>
/// CpAlsResult r = CpAls.Fit(x, rank: 3, new CpAlsOptions { Tolerance = 1e-12, Seed = 7 });
/// CpTensor cp = r.Decomposition;
/// double error = (x - cp.ToDense()).Norm().Item() / x.Norm().Item();
/// </code></example>
public static class CpAls
{
    /// <summary>Fits a rank-<paramref name="rank"/> CP decomposition to <paramref name="tensor"/> (computed in its dtype).</summary>
    /// <param name="tensor">X, with at least 2 modes, finite entries.</param>
    /// <param name="rank">R ≥ 1 (may exceed the mode sizes).</param>
    /// <param name="options">Iterations, tolerance, initialization and seed; null for the defaults.</param>
    /// <returns>The decomposition, the fit after each sweep, and the trainer's record of the run.</returns>
    /// <exception cref="ArgumentException">When the tensor has fewer than 2 modes or a NaN or infinite entry.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the rank is below 1, MaxIterations is below 1, or
    /// Tolerance is negative or not finite (the message shows the value).</exception>
    /// <example><code>
    /// var g = new Generator(0);
    /// var planted = new CpTensor([TN.Randn(g, DType.Float64, 12, 3), TN.Randn(g, DType.Float64, 10, 3), TN.Randn(g, DType.Float64, 8, 3)]);
    /// CpAlsResult r = CpAls.Fit(planted.ToDense(), 3, new CpAlsOptions { MaxIterations = 500, Tolerance = 1e-12 });
    /// </code></example>
    public static CpAlsResult Fit(Tensor tensor, int rank, CpAlsOptions? options = null)
    {
        options ??= new CpAlsOptions();
        Check(tensor, rank, options);
        Tensor x = tensor.Detach();
        double normSquared = FiniteNormSquared(x);
        var model = new CpModel(Initial(x, rank, options));
        var sweep = new CpAlsSweep(x, model, normSquared);
        var monitor = new FitMonitor("CpAls", Math.Sqrt(sweep.NormSquared), options.Tolerance);
        var trainOptions = new TrainOptions { Epochs = options.MaxIterations, Callbacks = [monitor, .. options.Callbacks] };
        FitResult run = Trainer.Fit(model, new FullBatch(new Batch(x)), sweep.SquaredError, new AlternatingScheme(sweep.Blocks()), trainOptions);
        return new CpAlsResult(model.Snapshot(), monitor.History, monitor.Converged, run);
    }

    private static void Check(Tensor tensor, int rank, CpAlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Order < 2)
            throw new ArgumentException($"CpAls: the tensor needs at least 2 modes, got shape {tensor.Shape}.", nameof(tensor));
        if (rank < 1)
            throw new ArgumentOutOfRangeException(nameof(rank), rank, $"CpAls: the rank must be at least 1, got {rank}.");
        if (options.MaxIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxIterations, $"CpAls: MaxIterations must be at least 1, got {options.MaxIterations}.");
        if (!(options.Tolerance >= 0) || !double.IsFinite(options.Tolerance))
            throw new ArgumentOutOfRangeException(nameof(options), options.Tolerance, $"CpAls: Tolerance must be finite and >= 0, got {options.Tolerance}.");
    }

    /// <summary>‖X‖², which also serves as the finiteness check: a NaN or ±∞ entry makes it non-finite, and
    /// only then is X scanned entry by entry (to tell a bad entry from a sum that overflowed).</summary>
    private static double FiniteNormSquared(Tensor x)
    {
        double norm = x.Norm().Item();
        if (!double.IsFinite(norm) && !x.AllFinite())
            throw new ArgumentException($"CpAls: the tensor (shape {x.Shape}) has a NaN or infinite entry; clean or mask it first.", "tensor");
        return norm * norm;
    }

    private static CpTensor Initial(Tensor x, int rank, CpAlsOptions options)
    {
        var generator = new Generator(options.Seed);
        using var _ = TN.NoGrad();
        var factors = new Tensor[x.Order];
        for (int k = 0; k < x.Order; k++)
        {
            int size = x.Size(k);
            if (options.Initialization == CpInitialization.Random)
            {
                factors[k] = TN.Randn(generator, x.DType, size, rank);
                continue;
            }
            Tensor leading = Hosvd.LeadingLeftSingularVectors(TN.Linalg.Unfold(x, k), Math.Min(rank, size));
            factors[k] = rank <= size ? leading : TN.Cat([leading, TN.Randn(generator, x.DType, size, rank - size)], 1);
        }
        return new CpTensor(factors);
    }
}
