using TensorNetworks.Training;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// Tensor-ring fitting by gradient: L-BFGS on all cores at once, minimizing the squared relative error
/// ‖T − ring‖²_F / ‖T‖²_F, with the gradient from autodiff through the ring contraction. It runs as a
/// <see cref="GradientScheme"/> driven by <see cref="Trainer.Fit"/>. Slower per step than
/// <see cref="TensorRingAls"/> but it moves every core together, which can leave the swamps where ALS stalls.
/// </summary>
/// <example><code>
/// TensorRingFitResult fit = TensorRingGradient.Fit(t, [2, 2, 2, 2], new TensorRingGradientOptions { Seed = 1 });
/// Console.WriteLine(fit.ErrorHistory[^1]);
/// </code></example>
public static class TensorRingGradient
{
    /// <summary>Fits a ring of ranks r_0..r_N (r_N = r_0) to <paramref name="tensor"/>; the history holds the
    /// relative error after each L-BFGS step. Computed in the tensor's dtype.</summary>
    /// <exception cref="ArgumentException">As <see cref="TensorRingAls.Fit"/>: too few modes, an all-zero tensor, a
    /// rank list of the wrong length, r_N ≠ r_0, or ranks the data cannot determine.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a rank is below 1 or an option is out of range.</exception>
    public static TensorRingFitResult Fit(Tensor tensor, IReadOnlyList<int> ranks, TensorRingGradientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        options ??= new TensorRingGradientOptions();
        options.Check();
        (Tensor target, double norm, int[] modes, int[] r) = TensorRingAls.Problem("TensorRingGradient.Fit", tensor, ranks);
        return TensorRingAls.BestOfStarts(options.Starts, targetError: 0, start => FitFrom(target, norm, modes, r, options, options.Seed + (ulong)start));
    }

    /// <summary>One L-BFGS fit from the initial cores drawn with <paramref name="seed"/>.</summary>
    private static TensorRingFitResult FitFrom(Tensor target, double norm, int[] modes, int[] r, TensorRingGradientOptions options, ulong seed)
    {
        var module = new TensorRingModule(TensorRingAls.Initial(seed, modes, r, target.DType));
        var lbfgs = new Lbfgs(module.Parameters(), maxIterations: options.IterationsPerStep, historySize: 20,
            gradientTolerance: 1e-14, changeTolerance: 1e-16);
        double scale = 1.0 / (norm * norm);
        FitResult result = Trainer.Fit(module, new FullBatch(new Batch(target)),
            _ => (new TensorRing([.. module.Cores.Select(p => p.Value)]).ToDense() - target).Pow(2).Sum() * scale,
            new GradientScheme(lbfgs),
            new TrainOptions { Epochs = options.MaxSteps, LossTolerance = options.Tolerance > 0 ? options.Tolerance : null });
        double finalError = module.RelativeError(target, norm).Item();
        return new TensorRingFitResult(module.ToRing(), [.. result.History.Skip(1).Select(h => Math.Sqrt(h.MeanLoss)), finalError], result.StopReason, result.Message);
    }
}
