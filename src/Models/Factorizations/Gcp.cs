using TensorNetworks.Training;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Models.Factorizations;

/// <summary>
/// Generalized CP decomposition (Hong, Kolda and Duersch, 2020): minimizes F(A₀, …, A_{N−1}) =
/// Σᵢ wᵢ f(xᵢ, mᵢ) over rank-R factors, M = [[A₀, …, A_{N−1}]], for a statistically motivated elementwise
/// <see cref="GcpLoss"/> (see <see cref="GcpProblem"/>). Runs <see cref="Trainer.Fit"/> with a
/// <see cref="GradientScheme"/> over a module holding the factors: on the whole tensor with L-BFGS and the
/// closed-form gradient (an MTTKRP of W ⊛ ∂f/∂M), or on sampled entries with Adam and autodiff of the
/// sampled estimate. Losses that need m ≥ 0 keep it by construction: their factors are softplus of the
/// trained parameters (see <see cref="GcpOptions"/> and the remarks).
/// </summary>
/// <remarks>
/// Non-negativity by parametrization (Aₖ = softplus(Bₖ)) rather than projection: the L-BFGS here has no
/// bound constraints (pyttb's gcp_opt uses L-BFGS-B), its line search evaluates trial points a projection
/// after the step would never see, and the losses are undefined for m &lt; −ε. The price is that a factor
/// entry reaches 0 only in the limit; ε in the losses makes that harmless.
/// </remarks>
/// <example><code>
/// GcpResult r = Gcp.Fit(counts, rank: 3, GcpLoss.PoissonLog, new GcpOptions { Seed = 1 });
/// Tensor rates = GcpLoss.PoissonLog.Mean(r.Decomposition.ToDense());
/// </code></example>
public static class Gcp
{
    /// <summary>Fits a rank-<paramref name="rank"/> GCP model to <paramref name="tensor"/> (computed in its dtype).</summary>
    /// <param name="tensor">X, with at least 2 modes; its observed entries must lie in the loss's domain.</param>
    /// <param name="rank">R ≥ 1.</param>
    /// <param name="loss">The elementwise loss f.</param>
    /// <param name="options">Seed, epochs, optimizer, sampling and weights; null for the defaults.</param>
    /// <returns>The fitted factors, the full objective at them and at the start, and the trainer's record.</returns>
    /// <exception cref="ArgumentException">When X has fewer than 2 modes, an observed entry is outside the loss's
    /// domain (the message names the loss, the index and the value), the weights' shape differs from X's (both
    /// shapes shown) or a weight is negative or not finite, or L-BFGS is asked for with sampling.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the rank, MaxEpochs or LbfgsIterations is below 1, the
    /// learning rate is not positive and finite, GradientTolerance is negative or not finite, an enum value is
    /// undefined, or a sampling count is below 1 (the message shows the value).</exception>
    /// <example><code>
    /// var g = new Generator(0);
    /// var planted = new CpTensor([TN.Randn(g, DType.Float64, 12, 3), TN.Randn(g, DType.Float64, 10, 3), TN.Randn(g, DType.Float64, 8, 3)]);
    /// GcpResult r = Gcp.Fit(planted.ToDense(), 3, GcpLoss.Gaussian, new GcpOptions { MaxEpochs = 100 });
    /// </code></example>
    public static GcpResult Fit(Tensor tensor, int rank, GcpLoss loss, GcpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(loss);
        options ??= new GcpOptions();
        GcpChecks.Rank(rank);
        GcpOptions resolved = Resolve(options);
        var problem = new GcpProblem(tensor, loss, options.Weights);
        Tensor[] start = Initial(problem, rank, options.Seed);
        double initialLoss;
        using (TN.NoGrad()) initialLoss = problem.Evaluate(start).Item();
        var module = new GcpModule(start, loss.IsLowerBounded);
        Optimizer optimizer = resolved.Optimizer == GcpOptimizer.Lbfgs
            ? new Lbfgs(module.Parameters(), resolved.LearningRate!.Value, maxIterations: options.LbfgsIterations, gradientTolerance: options.GradientTolerance)
            : new Adam(module.Parameters(), resolved.LearningRate!.Value);
        (IBatchSource source, Func<Batch, Tensor> objective) = options.Sampling is { } sampling
            ? (new GcpSampler(problem, sampling, options.Seed), batch => problem.EvaluateSampled(module.Factors(), batch))
            : ((IBatchSource)new FullBatch(new Batch(problem.Data)), (Func<Batch, Tensor>)(_ => problem.TrainingLoss(module.Factors())));
        var trainOptions = new TrainOptions { Epochs = options.MaxEpochs, Callbacks = [.. options.Callbacks] };
        FitResult run = Trainer.Fit(module, source, objective, new GradientScheme(optimizer), trainOptions);
        var decomposition = module.Snapshot();
        using var _ = TN.NoGrad();
        return new GcpResult(decomposition, problem.Evaluate(decomposition.Factors).Item(), initialLoss, run);
    }

    /// <summary>Validates the options and fills in the optimizer and learning rate chosen by default.</summary>
    private static GcpOptions Resolve(GcpOptions options)
    {
        if (options.MaxEpochs < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxEpochs, $"Gcp: MaxEpochs must be at least 1, got {options.MaxEpochs}.");
        if (options.LbfgsIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.LbfgsIterations, $"Gcp: LbfgsIterations must be at least 1, got {options.LbfgsIterations}.");
        if (!(options.GradientTolerance >= 0) || !double.IsFinite(options.GradientTolerance))
            throw new ArgumentOutOfRangeException(nameof(options), options.GradientTolerance, $"Gcp: GradientTolerance must be finite and >= 0, got {options.GradientTolerance}.");
        if (options.LearningRate is { } rate && (!(rate > 0) || !double.IsFinite(rate)))
            throw new ArgumentOutOfRangeException(nameof(options), rate, $"Gcp: LearningRate must be positive and finite, got {rate}.");
        if (!Enum.IsDefined(options.Optimizer))
            throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, $"Gcp: Optimizer must be Auto, Lbfgs or Adam, got {options.Optimizer}.");
        bool sampled = options.Sampling is not null;
        if (sampled && options.Optimizer == GcpOptimizer.Lbfgs)
            throw new ArgumentException("Gcp: L-BFGS needs exact gradients, but Sampling is set; use Optimizer = Adam (or Auto) with sampling, or drop Sampling.", nameof(options));
        GcpOptimizer optimizer = options.Optimizer != GcpOptimizer.Auto ? options.Optimizer : sampled ? GcpOptimizer.Adam : GcpOptimizer.Lbfgs;
        return options with { Optimizer = optimizer, LearningRate = options.LearningRate ?? (optimizer == GcpOptimizer.Lbfgs ? 1 : 1e-3) };
    }

    /// <summary>Seeded starting factors: uniform on [0, 1) for losses with m ≥ 0, standard normal otherwise;
    /// for identity links scaled by c^{1/N} with c = ‖W ⊛ X‖ / ‖W ⊛ M₀‖.</summary>
    private static Tensor[] Initial(GcpProblem problem, int rank, ulong seed)
    {
        var generator = new Generator(seed);
        using var _ = TN.NoGrad();
        DType dtype = problem.Data.DType;
        Tensor[] factors = [.. problem.Shape.Select(size => problem.Loss.IsLowerBounded ? TN.Rand(generator, dtype, size, rank) : TN.Randn(generator, dtype, size, rank))];
        if (problem.Loss.Link != GcpLink.Identity) return factors;
        Tensor model = problem.Model(factors);
        if (problem.Weights is { } w) model *= w;
        double target = problem.Data.Norm().Item(), current = model.Norm().Item();
        if (!(target > 0) || !(current > 0)) return factors;
        double scale = Math.Pow(target / current, 1.0 / factors.Length);
        return [.. factors.Select(a => a * scale)];
    }
}
