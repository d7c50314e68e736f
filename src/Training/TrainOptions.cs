using TensorNetworks.Nn;
using TensorNetworks.Training.Callbacks;

namespace TensorNetworks.Training;

/// <summary>How long to train and what to do around the steps. Every property has a documented default.</summary>
/// <example><code>
/// var options = new TrainOptions
/// {
///     Epochs = 20,
///     Callbacks = { new ProgressDisplay(), new JsonLinesLog("runs/fit.jsonl") },
///     Validate = model => new Dictionary&lt;string, double&gt; { ["test_accuracy"] = Accuracy(model) },
/// };
/// </code></example>
public sealed class TrainOptions
{
    /// <summary>Number of passes over the data. Default 10.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Stop after this many steps in total (counting steps done before a resume). Default: no limit.</summary>
    public long? MaxSteps { get; init; }

    /// <summary>Stop when an epoch's mean loss improves on the previous epoch's by less than this
    /// fraction: (previous − current) / |previous| &lt; tolerance. Default: never (null).</summary>
    public double? LossTolerance { get; init; }

    /// <summary>Callbacks, called in this order.</summary>
    public List<Callback> Callbacks { get; init; } = [];

    /// <summary>Metrics computed at the end of every epoch (in evaluation mode, without recording), or null.</summary>
    public Func<Module, IReadOnlyDictionary<string, double>>? Validate { get; init; }

    /// <summary>The run's random generator (dropout, sampled gradients); its state goes into checkpoints. Default: null.</summary>
    public Generator? Generator { get; init; }

    /// <summary>A checkpoint to resume from, or null to start fresh. A resumed run continues exactly as the
    /// run that wrote the checkpoint would have: the same parameters, epoch records, stopping step and
    /// callback decisions (see <see cref="Checkpoints.Checkpoint"/>). Default: null.</summary>
    public string? ResumeFrom { get; init; }

    /// <summary>Stop with <see cref="NonFiniteException"/> when the loss or a parameter becomes NaN or infinite:
    /// a non-finite loss at the parameters a step starts from stops the step before its update (the model and
    /// the scheme's state keep their last finite values); a parameter that an update made non-finite is named.
    /// With false the run goes on through non-finite values. Default: true.</summary>
    public bool StopOnNonFinite { get; init; } = true;

    /// <summary>Stops the run at the first step boundary after the token is cancelled, as a callback's
    /// <see cref="Callbacks.TrainingRun.RequestStop"/> does: <see cref="StopReason.Requested"/>, the callbacks' ends run
    /// (a <see cref="Callbacks.CheckpointCallback"/> writes its final checkpoint, so the run can resume). Default: none.</summary>
    /// <example><code>
    /// using var cancel = new CancellationTokenSource();
    /// Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); }; // Ctrl-C ends the run cleanly
    /// Trainer.Fit(model, loader, objective, scheme, new TrainOptions { Cancellation = cancel.Token });
    /// </code></example>
    public CancellationToken Cancellation { get; init; }
}
