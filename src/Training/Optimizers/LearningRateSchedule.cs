namespace TensorNetworks.Training.Optimizers;

/// <summary>A learning rate as a function of the step: η_t = f(t, η_0). A <see cref="Schemes.GradientScheme"/>
/// sets its optimizer's rate from the schedule before every step.</summary>
public abstract class LearningRateSchedule
{
    /// <summary>The learning rate for global step <paramref name="step"/> (0-based) given the base rate η_0.</summary>
    public abstract double LearningRateAt(long step, double baseLearningRate);
}
