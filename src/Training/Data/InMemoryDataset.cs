namespace TensorNetworks.Training.Data;

/// <summary>
/// A dataset held in tensors: sample i is row i (along the first axis) of the inputs, of the targets
/// when present, and element i of the labels when present. <see cref="Gather"/> copies the selected rows
/// into new tensors, without recording them for autodiff.
/// </summary>
/// <example><code>
/// var gen = new Generator(7);
/// var data = new InMemoryDataset(TN.Randn(gen, 100, 4), targets: TN.Randn(gen, 100, 1));
/// Batch firstTwo = data.Gather([0, 1]);  // Inputs [2, 4], Targets [2, 1]
/// </code></example>
public sealed class InMemoryDataset : IDataset
{
    private readonly int[]? _labels;

    /// <summary>Creates a dataset over <paramref name="inputs"/> with optional regression targets and class labels.</summary>
    /// <exception cref="ArgumentException">When the inputs have no axes, or the targets' first axis or the
    /// number of labels differs from the inputs' first axis.</exception>
    public InMemoryDataset(Tensor inputs, Tensor? targets = null, int[]? labels = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Order == 0)
            throw new ArgumentException("InMemoryDataset: the inputs are a scalar; they need a sample axis first (reshape to [1] or [n, …]).", nameof(inputs));
        Count = inputs.Size(0);
        if (targets is not null && (targets.Order == 0 || targets.Size(0) != Count))
            throw new ArgumentException(
                $"InMemoryDataset: the targets have shape {targets.Shape} but the inputs have shape {inputs.Shape}; both need {Count} rows along the first axis.", nameof(targets));
        if (labels is not null && labels.Length != Count)
            throw new ArgumentException($"InMemoryDataset: {labels.Length} labels for inputs of shape {inputs.Shape}; give one label per row ({Count}).", nameof(labels));
        Inputs = inputs;
        Targets = targets;
        _labels = labels is null ? null : (int[])labels.Clone();
    }

    /// <summary>All inputs, sample axis first.</summary>
    public Tensor Inputs { get; }

    /// <summary>All regression targets, sample axis first, or null.</summary>
    public Tensor? Targets { get; }

    /// <summary>All class labels, or null.</summary>
    public IReadOnlyList<int>? Labels => _labels;

    /// <inheritdoc/>
    public int Count { get; }

    /// <summary>Copies rows <paramref name="indices"/> (in that order, repeats allowed) of the inputs, targets
    /// and labels into one batch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an index is outside [0, Count).</exception>
    /// <example><code>Batch b = dataset.Gather([4, 0, 4]); // rows 4, 0 and 4 again</code></example>
    public Batch Gather(ReadOnlySpan<int> indices)
    {
        int[] rows = DatasetIndices.Checked(indices, Count, nameof(InMemoryDataset));
        using (TN.NoGrad())
        {
            Tensor inputs = Inputs.IndexSelect(0, rows);
            Tensor? targets = Targets?.IndexSelect(0, rows);
            int[]? labels = _labels is null ? null : Array.ConvertAll(rows, i => _labels[i]);
            return new Batch(inputs, targets, labels);
        }
    }
}
