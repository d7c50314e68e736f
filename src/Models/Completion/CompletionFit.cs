using TensorNetworks.Training;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Models.Completion;

/// <summary>
/// The shared run of every completion: <see cref="Trainer.Fit"/> with a <see cref="GradientScheme"/> over a
/// <see cref="CompletionModel"/>, the whole observed set as one batch, one optimizer step per epoch.
/// </summary>
internal static class CompletionFit
{
    /// <summary>Checks the options; the message names the property and its value.</summary>
    public static void CheckOptions(string context, CompletionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Optimizer))
            throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, $"{context}: Optimizer must be Lbfgs or Adam, got {options.Optimizer}.");
        if (options.MaxSteps < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxSteps, $"{context}: MaxSteps must be at least 1, got {options.MaxSteps}.");
        if (options.LbfgsIterationsPerStep < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.LbfgsIterationsPerStep, $"{context}: LbfgsIterationsPerStep must be at least 1, got {options.LbfgsIterationsPerStep}.");
        if (options.LearningRate is { } rate && (!(rate > 0) || !double.IsFinite(rate)))
            throw new ArgumentOutOfRangeException(nameof(options), rate, $"{context}: LearningRate must be positive and finite, got {rate}.");
        if (!(options.L2Penalty >= 0) || !double.IsFinite(options.L2Penalty))
            throw new ArgumentOutOfRangeException(nameof(options), options.L2Penalty, $"{context}: L2Penalty must be finite and >= 0, got {options.L2Penalty}.");
        if (!(options.Tolerance >= 0) || !double.IsFinite(options.Tolerance))
            throw new ArgumentOutOfRangeException(nameof(options), options.Tolerance, $"{context}: Tolerance must be finite and >= 0, got {options.Tolerance}.");
        if (options.Starts < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.Starts, $"{context}: Starts must be at least 1, got {options.Starts}.");
        if (options.InitialScale is { } scale && (!(scale > 0) || !double.IsFinite(scale)))
            throw new ArgumentOutOfRangeException(nameof(options), scale, $"{context}: InitialScale must be positive and finite, got {scale}.");
    }

    /// <summary>The root mean square of the observed values, √(Σ xᵢ² / M).</summary>
    public static double RootMeanSquare(ObservedEntries observed)
    {
        using var _ = TN.NoGrad();
        return Math.Sqrt(observed.Values.Square().Sum().Item() / observed.Count);
    }

    /// <summary>The starting scale: the option, or <paramref name="matching"/>(rms) (1 when every observed value is 0).</summary>
    public static double InitialScale(ObservedEntries observed, CompletionOptions options, Func<double, double> matching)
    {
        if (options.InitialScale is { } scale) return scale;
        double rms = RootMeanSquare(observed);
        return rms > 0 ? matching(rms) : 1;
    }

    /// <summary>
    /// Fits <see cref="CompletionOptions.Starts"/> models, each made by <paramref name="create"/> from a generator
    /// seeded Seed + k, and returns the one with the lowest final loss (ties keep the earlier start). With several
    /// starts, a start that diverges (<see cref="NonFiniteException"/>) is passed over; when every start diverges,
    /// the first one's exception is rethrown.
    /// </summary>
    public static CompletionResult<TDecomposition> BestOfStarts<TModel, TDecomposition>(ObservedEntries observed, CompletionOptions options,
        Func<Generator, TModel> create, Func<TModel, TDecomposition> snapshot) where TModel : CompletionModel
    {
        CompletionResult<TDecomposition>? best = null;
        NonFiniteException? firstFailure = null;
        for (int k = 0; k < options.Starts; k++)
        {
            TModel model = create(new Generator(options.Seed + (ulong)k));
            (IReadOnlyList<double> History, FitResult Run) fit;
            try
            {
                fit = Run(model, observed, options);
            }
            catch (NonFiniteException e) when (options.Starts > 1)
            {
                firstFailure ??= e;
                continue;
            }
            var result = new CompletionResult<TDecomposition>(snapshot(model), fit.History, fit.Run) { Seed = options.Seed + (ulong)k };
            if (best is null || Lower(result.LossHistory[^1], best.LossHistory[^1])) best = result;
        }
        if (best is null) throw firstFailure!;
        return best;
    }

    private static bool Lower(double candidate, double best) => double.IsNaN(best) ? !double.IsNaN(candidate) : candidate < best;

    /// <summary>Trains <paramref name="model"/> on the loss of <paramref name="observed"/>; returns the loss
    /// history (start of each step, then the final loss) and the trainer's record.</summary>
    public static (IReadOnlyList<double> LossHistory, FitResult Run) Run(CompletionModel model, ObservedEntries observed, CompletionOptions options)
    {
        Optimizer optimizer = options.Optimizer == CompletionOptimizer.Adam
            ? new Adam(model.Parameters(), learningRate: options.LearningRate ?? 1e-2)
            : new Lbfgs(model.Parameters(), learningRate: options.LearningRate ?? 1, maxIterations: options.LbfgsIterationsPerStep,
                gradientTolerance: 0, changeTolerance: 0);
        var trainOptions = new TrainOptions
        {
            Epochs = options.MaxSteps,
            LossTolerance = options.Tolerance,
            Callbacks = [.. options.Callbacks],
        };
        double penalty = options.L2Penalty;
        FitResult run = Trainer.Fit(model, new FullBatch(new Batch(observed.Values)), _ => model.Loss(observed, penalty), new GradientScheme(optimizer), trainOptions);
        double final;
        using (TN.NoGrad()) final = model.Loss(observed, penalty).Item();
        return ([.. run.History.Select(e => e.MeanLoss), final], run);
    }
}
