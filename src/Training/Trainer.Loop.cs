using System.Diagnostics;
using System.Runtime.ExceptionServices;
using TensorNetworks.Nn;
using TensorNetworks.Training.Callbacks;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Training;

public static partial class Trainer
{
    /// <summary>One call of <see cref="Fit"/>: the epoch and batch loops, the non-finite guard and stopping.</summary>
    private sealed class Loop(Module model, IBatchSource data, Func<Batch, Tensor> objective, UpdateScheme scheme, TrainOptions options, TrainingRun run, Position position)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<EpochRecord> _history = [];
        private readonly IReadOnlyList<KeyValuePair<string, Parameter>> _parameters = model.NamedParameters();
        private double _lastLoss = double.NaN;
        private double? _previousEpochLoss;

        /// <summary>Runs the epochs; every callback's <see cref="Callback.OnTrainEnd"/> is called exactly once,
        /// however the run ends, even when another callback's throws.</summary>
        public FitResult Run()
        {
            FitResult result;
            ExceptionDispatchInfo? failure = null;
            try
            {
                model.Train();
                foreach (Callback c in options.Callbacks) c.OnTrainBegin(run);
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

        private ExceptionDispatchInfo? EndCallbacks(FitResult result)
        {
            ExceptionDispatchInfo? first = null;
            foreach (Callback c in options.Callbacks)
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

        private (StopReason, string) Epochs()
        {
            if (ReachedMaxSteps()) return (StopReason.MaxSteps, $"Reached MaxSteps = {options.MaxSteps}.");
            for (int epoch = position.Epoch; epoch < options.Epochs; epoch++)
            {
                run.Epoch = epoch;
                double lossSum = 0;
                long samples = 0;
                int batchIndex = position.BatchInEpoch;
                foreach (Batch batch in data.Batches(epoch, batchIndex))
                {
                    double loss = OneStep(batch, epoch, batchIndex);
                    lossSum += loss * batch.Count;
                    samples += batch.Count;
                    batchIndex++;
                    if (run.StopRequest is { } reason) return (StopReason.Requested, reason);
                    if (ReachedMaxSteps()) return (StopReason.MaxSteps, $"Reached MaxSteps = {options.MaxSteps}.");
                }
                double meanLoss = samples > 0 ? lossSum / samples : double.NaN;
                EndEpoch(epoch, meanLoss);
                if (run.StopRequest is { } stop) return (StopReason.Requested, stop);
                if (Converged(meanLoss, out string? why)) return (StopReason.Converged, why!);
            }
            return (StopReason.Completed, $"Completed {options.Epochs} epochs.");
        }

        /// <summary>One scheme step, checked for non-finite values (the loss at the starting parameters by the
        /// step context, before any update; the parameters and the loss the scheme reports here, after it),
        /// then shown to the callbacks.</summary>
        private double OneStep(Batch batch, int epoch, int batchIndex)
        {
            long step = position.Step;
            double loss = scheme.Step(new StepContext(model, batch, objective, step, epoch) { StopOnNonFinite = options.StopOnNonFinite });
            if (options.StopOnNonFinite) GuardFinite(step, loss);
            _lastLoss = loss;
            position.Step = step + 1;
            position.BatchInEpoch = batchIndex + 1;
            if (position.BatchInEpoch == data.BatchesPerEpoch)
            {
                position.Epoch = epoch + 1;
                position.BatchInEpoch = 0;
            }
            run.Step = position.Step;
            var record = new StepRecord(step, epoch, batchIndex, loss, batch.Count, _clock.Elapsed, new Dictionary<string, double>(scheme.Metrics));
            foreach (Callback c in options.Callbacks) c.OnStepEnd(run, record);
            return loss;
        }

        /// <summary>After the update: a non-finite parameter is named; a non-finite loss with finite parameters
        /// comes from a scheme that evaluates its loss after updating.</summary>
        private void GuardFinite(long step, double loss)
        {
            foreach (var (name, p) in _parameters)
                if (!p.Value.AllFinite()) throw NonFiniteException.ParameterAfterUpdate(step, name, loss);
            if (!double.IsFinite(loss)) throw NonFiniteException.LossAfterUpdate(step, loss);
        }

        private void EndEpoch(int epoch, double meanLoss)
        {
            var metrics = new Dictionary<string, double>(scheme.Metrics);
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
            var record = new EpochRecord(epoch, position.Step, meanLoss, metrics, _clock.Elapsed, validation);
            _history.Add(record);
            foreach (Callback c in options.Callbacks) c.OnEpochEnd(run, record);
        }

        private bool Converged(double meanLoss, out string? why)
        {
            why = null;
            double? previous = _previousEpochLoss;
            _previousEpochLoss = meanLoss;
            if (options.LossTolerance is not { } tol || previous is not { } prev) return false;
            double change = (prev - meanLoss) / Math.Abs(prev);
            if (change >= tol) return false;
            why = $"The epoch loss improved by {change:G3} (relative), less than LossTolerance = {tol:G3}.";
            return true;
        }

        private bool ReachedMaxSteps() => options.MaxSteps is { } max && position.Step >= max;

        private FitResult Result(StopReason reason, string message) =>
            new(reason, message, position.Step, position.Epoch, _lastLoss, _history, _clock.Elapsed);
    }
}
