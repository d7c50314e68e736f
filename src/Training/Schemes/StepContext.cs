using TensorNetworks.Nn;
using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Schemes;

/// <summary>What an <see cref="UpdateScheme"/> sees in one step: the model, the batch, the objective and
/// the position in the run.</summary>
public sealed class StepContext
{
    private bool _pastStartingPoint;

    /// <summary>Creates a context.</summary>
    public StepContext(Module model, Batch batch, Func<Batch, Tensor> objective, long step, int epoch)
    {
        Model = model;
        Batch = batch;
        Objective = objective;
        Step = step;
        Epoch = epoch;
    }

    /// <summary>The model being trained.</summary>
    public Module Model { get; }

    /// <summary>This step's batch.</summary>
    public Batch Batch { get; }

    /// <summary>The objective: the scalar loss of a batch, recorded for autodiff.</summary>
    public Func<Batch, Tensor> Objective { get; }

    /// <summary>The global step number (0-based) of this step.</summary>
    public long Step { get; }

    /// <summary>The epoch (0-based) this step belongs to.</summary>
    public int Epoch { get; }

    /// <summary>Whether the first <see cref="LossAndGradients"/> of the step refuses a non-finite loss
    /// (the trainer sets it from <see cref="TrainOptions.StopOnNonFinite"/>). Default false.</summary>
    public bool StopOnNonFinite { get; init; }

    /// <summary>The loss of this step's batch, recorded for autodiff.</summary>
    /// <exception cref="InvalidOperationException">When the objective returns null or a tensor of more than one element.</exception>
    public Tensor Loss()
    {
        Tensor loss = Objective(Batch)
            ?? throw new InvalidOperationException($"The objective returned null at step {Step}; it must return the batch's scalar loss.");
        if (loss.ElementCount != 1)
            throw new InvalidOperationException($"The objective returned a tensor of shape {loss.Shape} at step {Step}; it must return the batch's scalar loss (reduce it, e.g. with .Mean() or .Sum()).");
        return loss;
    }

    /// <summary>Clears the gradients of <paramref name="parameters"/>, computes the loss, runs the backward
    /// pass and returns the loss value: the closure an <see cref="Optimizers.Optimizer"/> steps with.</summary>
    /// <remarks>The first call of a step, unless <see cref="MarkParametersChanged"/> came before it, evaluates
    /// the loss at the parameters the step starts from. With <see cref="StopOnNonFinite"/> on, a NaN or
    /// infinite value there throws before the backward pass, so no optimizer sees it and nothing is updated.
    /// Later calls (line-search trials, further inner steps) are not checked: L-BFGS backs off a non-finite
    /// trial itself, and the trainer checks the parameters after the step.</remarks>
    /// <exception cref="NonFiniteException">On the step's first call, when the loss is NaN or infinite and
    /// <see cref="StopOnNonFinite"/> is on.</exception>
    /// <example><code>double loss = optimizer.Step(() => context.LossAndGradients(optimizer.Parameters));</code></example>
    public double LossAndGradients(IReadOnlyList<Parameter> parameters)
    {
        foreach (Parameter p in parameters) p.ZeroGrad();
        Tensor loss = Loss();
        double value = loss.Item();
        bool atStartingPoint = !_pastStartingPoint;
        _pastStartingPoint = true;
        if (atStartingPoint && StopOnNonFinite && !double.IsFinite(value)) throw NonFiniteException.LossBeforeUpdate(Step, value);
        loss.Backward();
        return value;
    }

    /// <summary>Tells the context that the step has changed parameters other than by an optimizer stepping on
    /// <see cref="LossAndGradients"/> (a closed-form solve, a multiplicative rule), so a later
    /// <see cref="LossAndGradients"/> is no longer the loss at the step's starting parameters and is not
    /// checked as one. A scheme that updates parameters itself calls it after each such update.</summary>
    /// <example><code>
    /// using (TN.NoGrad()) p.Value.CopyFrom(Solve(context.Batch));
    /// context.MarkParametersChanged();
    /// </code></example>
    public void MarkParametersChanged() => _pastStartingPoint = true;
}
