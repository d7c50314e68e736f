namespace TensorNetworks.Training.Data;

/// <summary>
/// One mini-batch: inputs (batch axis first), and either regression targets or integer class labels.
/// A model without inputs (a decomposition fitted to one tensor) trains on a batch whose
/// <see cref="Inputs"/> is the data tensor itself and whose targets are absent.
/// </summary>
/// <example><code>
/// var batch = new Batch(TN.Randn(gen, 32, 10), targets: TN.Randn(gen, 32, 1));
/// Tensor loss = TN.MseLoss(model.Forward(batch.Inputs), batch.Targets!);
/// </code></example>
public sealed class Batch
{
    /// <summary>Creates a batch.</summary>
    /// <exception cref="ArgumentException">When the targets or labels disagree with the inputs' batch size.</exception>
    public Batch(Tensor inputs, Tensor? targets = null, int[]? labels = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Inputs = inputs;
        Targets = targets;
        Labels = labels;
        Count = inputs.Order == 0 ? 1 : inputs.Size(0);
        if (targets is not null && targets.Order > 0 && targets.Size(0) != Count)
            throw new ArgumentException($"Batch: targets have {targets.Size(0)} rows but the inputs have {Count}.");
        if (labels is not null && labels.Length != Count)
            throw new ArgumentException($"Batch: {labels.Length} labels for {Count} inputs.");
    }

    /// <summary>The inputs, batch axis first.</summary>
    public Tensor Inputs { get; }

    /// <summary>Regression targets, batch axis first, or null.</summary>
    public Tensor? Targets { get; }

    /// <summary>Class labels (one per sample), or null.</summary>
    public int[]? Labels { get; }

    /// <summary>Number of samples: the extent of the inputs' first axis.</summary>
    public int Count { get; }
}
