namespace TensorNetworks.Training.Callbacks;

/// <summary>How a <see cref="ProgressDisplay"/> shows progress.</summary>
public enum ProgressMode
{
    /// <summary>A live display on an interactive terminal; plain lines when the output is redirected,
    /// under CI (the <c>CI</c> variable is set), with <c>TERM=dumb</c>, or when the console profile says
    /// it is not interactive or has no ANSI support.</summary>
    Auto,

    /// <summary>Always the live display (the console must support ANSI cursor movement).</summary>
    Live,

    /// <summary>Always plain lines: one every <see cref="ProgressDisplayOptions.LineEverySteps"/> steps and one per epoch.</summary>
    Lines,
}
