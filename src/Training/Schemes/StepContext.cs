using TensorNetworks.Nn;
using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Schemes;

/// <summary>What an <see cref="UpdateScheme"/> sees in one step: the model, the batch, the objective and
/// the position in the run.</summary>
public sealed class StepContext
{
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

    /// <summary>The loss of this step's batch, recorded for autodiff.</summary>
    public Tensor Loss() => Objective(Batch);

    /// <summary>Clears the gradients of <paramref name="parameters"/>, computes the loss, runs the backward
    /// pass and returns the loss value: the closure an <see cref="Optimizers.Optimizer"/> steps with.</summary>
    public double LossAndGradients(IReadOnlyList<Parameter> parameters)
    {
        foreach (Parameter p in parameters) p.ZeroGrad();
        Tensor loss = Loss();
        loss.Backward();
        return loss.Item();
    }
}
