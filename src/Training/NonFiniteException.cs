namespace TensorNetworks.Training;

/// <summary>Thrown when the loss or a parameter becomes NaN or infinite during training. The parameters
/// keep their non-finite values; the last checkpoint written before this step is intact.</summary>
public sealed class NonFiniteException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonFiniteException(long step, string? parameterName, double loss)
        : base(parameterName is null
            ? $"Training stopped at step {step}: the loss is {loss}. Lower the learning rate, or check the data for NaN/infinite values."
            : $"Training stopped at step {step}: parameter \"{parameterName}\" has a non-finite value (loss {loss}). Lower the learning rate or clip gradients.")
    {
        Step = step;
        ParameterName = parameterName;
        Loss = loss;
    }

    /// <summary>The step (0-based) that produced the non-finite value.</summary>
    public long Step { get; }

    /// <summary>The dotted path of the first non-finite parameter, or null when only the loss is non-finite.</summary>
    public string? ParameterName { get; }

    /// <summary>The step's loss value.</summary>
    public double Loss { get; }
}
