using System.Diagnostics;
using System.Runtime.ExceptionServices;
using TensorNetworks.Nn;
using TensorNetworks.Training.Callbacks;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Training;

public static partial class Trainer
{
    /// <summary>One call of <see cref="Fit"/>: the epoch and batch loops, the non-finite guard and stopping.
    /// Everything it carries from step to step lives in <paramref name="position"/>, which checkpoints copy;
    /// <paramref name="callbackStates"/> are the callbacks' states of a resumed checkpoint.</summary>
    private sealed class Loop(Module model, IBatchSource data, Func<Batch, Tensor> objective, UpdateScheme scheme, TrainOptions options, TrainingRun run, Position position,
        IReadOnlyDictionary<string, OptimizerState> callbackStates)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<EpochRecord> _history = [];
        private readonly IReadOnlyList<KeyValuePair<string, Parameter>> _parameters = model.NamedParameters();

        /// <summary>The callbacks in their given order, except that those that record the run come last: the
        /// order of <see cref="Callback.OnStepEnd"/> and <see cref="Callback.OnEpochEnd"/>.</summary>
        private readonly Callback[] _recordersLast = [.. options.Callbacks.Where(c => !c.RecordsTheRun), .. options.Callbacks.Where(c => c.RecordsTheRun)];

        /// <summary>The callbacks in their given order, except that those that record the run come first: the
        /// order of <see cref="Callback.OnTrainEnd"/>, so a final checkpoint holds the run's last state before
        /// another callback changes the parameters (<see cref="EarlyStopping"/> restoring its best).</summary>
        private readonly Callback[] _recordersFirst = [.. options.Callbacks.Where(c => c.RecordsTheRun), .. options.Callbacks.Where(c => !c.RecordsTheRun)];
        private double _lastLoss = double.NaN;

        /// <summary>Runs the epochs; every callback's <see cref="Callback.OnTrainEnd"/> is called exactly once,
        /// however the run ends, even when another callback's throws.</summary>
        public FitResult Run()
        {
            FitResult result;
            ExceptionDispatchInfo? failure = null;
            try
            {
                model.Train();
                BeginCallbacks();
                (StopReason reason, string message) = Epochs();
                result = Result(reason, message);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
                result = Result(StopReason.Failed, e.Message);
            }
            ExceptionDispatchInfo? callbackFailure = EndCallbacks(result);
            failure?.Throw();
            callbackFailure?.Throw();
            return result;
        }

        /// <summary>Every callback's <see cref="Callback.OnTrainBegin"/>, each followed on a resume by its
        /// <see cref="Callback.SetState"/> when the checkpoint holds a state under its key.</summary>
        private void BeginCallbacks()
        {
            foreach (var (key, callback) in CallbackKeys(options.Callbacks))
            {
                callback.OnTrainBegin(run);
                if (callbackStates.TryGetValue(key, out OptimizerState? state)) callback.SetState(state);
            }
        }

        private ExceptionDispatchInfo? EndCallbacks(FitResult result)
        {
            ExceptionDispatchInfo? first = null;
            foreach (Callback c in _recordersFirst)
            {
                try
                {
                    c.OnTrainEnd(run, result);
                }
                catch (Exception e)
                {
                    first ??= ExceptionDispatchInfo.Capture(e);
                }
            }
            return first;
        }

        /// <summary>The epochs from the position on. A resumed epoch whose batches are all done is ended
        /// before anything else. MaxSteps stops the run after its step, except when that step is the last of
        /// an epoch: then the epoch is ended first, so MaxSteps = k·BatchesPerEpoch ends like Epochs = k.</summary>
        private (StopReason, string) Epochs()
        {
            if (ReachedMaxSteps() && EpochUnfinished) return MaxStepsReached();
            if (Cancelled(out string? cancelled)) return (StopReason.Requested, cancelled!);
            for (int epoch = position.Epoch; epoch < options.Epochs; epoch++)
            {
                run.Epoch = epoch;
                if (EpochUnfinished)
                {
                    int batchIndex = position.BatchInEpoch;
                    foreach (Batch batch in data.Batches(epoch, batchIndex))
                    {
                        OneStep(batch, epoch, batchIndex++);
                        if (run.StopRequest is { } reason) return (StopReason.Requested, reason);
                        if (ReachedMaxSteps() && EpochUnfinished) return MaxStepsReached();
                        if (Cancelled(out cancelled)) return (StopReason.Requested, cancelled!);
                    }
                }
                double? previousMeanLoss = position.PreviousEpochLoss;
                double meanLoss = EndEpoch(epoch);
                if (run.StopRequest is { } stop) return (StopReason.Requested, stop);
                if (Converged(previousMeanLoss, meanLoss, out string? why)) return (StopReason.Converged, why!);
                if (ReachedMaxSteps()) return MaxStepsReached();
            }
            return (StopReason.Completed, $"Completed {options.Epochs} epochs.");
        }

        private bool EpochUnfinished => position.BatchInEpoch < data.BatchesPerEpoch;

        private bool Cancelled(out string? why)
        {
            why = options.Cancellation.IsCancellationRequested ? $"Cancelled after {position.Step} steps (TrainOptions.Cancellation)." : null;
            return why is not null;
        }

        private (StopReason, string) MaxStepsReached() => (StopReason.MaxSteps, $"Reached MaxSteps = {options.MaxSteps}.");

        /// <summary>One scheme step, checked for non-finite values (the loss at the starting parameters by the
        /// step context, before any update; the parameters and the loss the scheme reports here, after it),
        /// then added to the epoch's sums and shown to the callbacks.</summary>
        private void OneStep(Batch batch, int epoch, int batchIndex)
        {
            long step = position.Step;
            double loss = scheme.Step(new StepContext(model, batch, objective, step, epoch) { StopOnNonFinite = options.StopOnNonFinite });
            if (options.StopOnNonFinite) GuardFinite(step, loss);
            _lastLoss = loss;
            position.Step = step + 1;
            position.BatchInEpoch = batchIndex + 1;
            position.EpochLossSum += loss * batch.Count;
            position.EpochSamples += batch.Count;
            position.StepMetrics = new Dictionary<string, double>(scheme.Metrics);
            run.Step = position.Step;
            var record = new StepRecord(step, epoch, batchIndex, loss, batch.Count, _clock.Elapsed, position.StepMetrics);
            foreach (Callback c in _recordersLast) c.OnStepEnd(run, record);
        }

        /// <summary>After the update: a non-finite parameter is named; a non-finite loss with finite parameters
        /// comes from a scheme that evaluates its loss after updating.</summary>
        private void GuardFinite(long step, double loss)
        {
            foreach (var (name, p) in _parameters)
                if (!p.Value.AllFinite()) throw NonFiniteException.ParameterAfterUpdate(step, name, loss);
            if (!double.IsFinite(loss)) throw NonFiniteException.LossAfterUpdate(step, loss);
        }

        /// <summary>Validates, moves the position to the next epoch (so a checkpoint taken by an
        /// <see cref="Callback.OnEpochEnd"/> resumes after this end), records the epoch and calls the
        /// callbacks; returns the epoch's mean loss.</summary>
        private double EndEpoch(int epoch)
        {
            double meanLoss = position.EpochSamples > 0 ? position.EpochLossSum / position.EpochSamples : double.NaN;
            var metrics = new Dictionary<string, double>(position.StepMetrics);
            var validation = new Dictionary<string, double>();
            if (options.Validate is { } validate)
            {
                model.Eval();
                try
                {
                    using var _ = TN.NoGrad();
                    foreach (var (key, value) in validate(model)) metrics[key] = validation[key] = value;
                }
                finally
                {
                    model.Train();
                }
            }
            position.Epoch = epoch + 1;
            position.BatchInEpoch = 0;
            position.EpochLossSum = 0;
            position.EpochSamples = 0;
            position.PreviousEpochLoss = meanLoss;
            var record = new EpochRecord(epoch, position.Step, meanLoss, metrics, _clock.Elapsed, validation);
            _history.Add(record);
            foreach (Callback c in _recordersLast) c.OnEpochEnd(run, record);
            return meanLoss;
        }

        private bool Converged(double? previousMeanLoss, double meanLoss, out string? why)
        {
            why = null;
            if (options.LossTolerance is not { } tol || previousMeanLoss is not { } prev) return false;
            double change = (prev - meanLoss) / Math.Abs(prev);
            if (change >= tol) return false;
            why = change >= 0
                ? $"The epoch loss improved by {change:G3} (relative: {prev:G4} to {meanLoss:G4}), less than LossTolerance = {tol:G3}."
                : $"The epoch loss rose by {-change:G3} (relative: {prev:G4} to {meanLoss:G4}) instead of improving by LossTolerance = {tol:G3}.";
            return true;
        }

        private bool ReachedMaxSteps() => options.MaxSteps is { } max && position.Step >= max;

        private FitResult Result(StopReason reason, string message) =>
            new(reason, message, position.Step, position.Epoch, _lastLoss, _history, _clock.Elapsed);
    }
}
