using TensorNetworks.Training.Data;

namespace TensorNetworks.Models.Factorizations;

/// <summary>
/// Samples entries of a <see cref="GcpProblem"/> for stochastic gradients: each batch holds S entries drawn
/// with replacement (<see cref="GcpSampling"/>), as inputs S × N (the indices, as Float64 integers) and
/// targets S × 2 (the data value and the weight c = w / P(drawing the entry)), so that
/// <see cref="GcpProblem.EvaluateSampled"/> is an unbiased estimate of F. Epoch e is drawn from a generator
/// seeded from (seed, e) alone, so a resumed run sees the same samples as one that never stopped.
/// </summary>
/// <example><code>
/// var sampler = new GcpSampler(problem, new GcpSamplingOptions { Kind = GcpSampling.Stratified }, seed: 3);
/// foreach (Batch b in sampler.Batches(epoch: 0)) { Tensor estimate = problem.EvaluateSampled(factors, b); }
/// </code></example>
public sealed class GcpSampler : IBatchSource
{
    private readonly double[] _data;
    private readonly double[]? _weights;
    private readonly int[] _first, _second;
    private readonly int _firstSamples;
    private readonly int _order;
    private readonly Shape _shape;

    /// <summary>Creates a sampler over the observed entries of <paramref name="problem"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When SamplesPerBatch or BatchesPerEpoch is below 1 or Kind
    /// is not a defined value (the message shows it).</exception>
    /// <exception cref="ArgumentException">When the problem has no observed entry.</exception>
    /// <example><code>var sampler = new GcpSampler(problem, new GcpSamplingOptions(), seed: 0);</code></example>
    public GcpSampler(GcpProblem problem, GcpSamplingOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        Check(options);
        if (problem.ObservedCount == 0)
            throw new ArgumentException($"GcpSampler: the data of shape {problem.Shape} has no observed entry (every weight is 0).", nameof(problem));
        Options = options;
        Seed = seed;
        _shape = problem.Shape;
        _data = problem.Data.ToArray<double>();
        _weights = problem.Weights?.ToArray<double>();
        _order = _shape.Count;
        var observed = Enumerable.Range(0, _data.Length).Where(i => _weights is null || _weights[i] != 0);
        int samples = options.SamplesPerBatch;
        if (options.Kind == GcpSampling.Uniform)
        {
            (_first, _second, _firstSamples) = ([.. observed], [], samples);
            return;
        }
        int[] nonzeros = [.. observed.Where(i => _data[i] != 0)];
        int[] zeros = [.. observed.Where(i => _data[i] == 0)];
        int half = (samples + 1) / 2;
        _firstSamples = zeros.Length == 0 ? samples : nonzeros.Length == 0 ? 0 : half;
        (_first, _second) = (nonzeros, zeros);
    }

    /// <summary>The sampling settings.</summary>
    public GcpSamplingOptions Options { get; }

    /// <summary>The seed of the epochs' generators.</summary>
    public ulong Seed { get; }

    /// <summary><see cref="GcpSamplingOptions.BatchesPerEpoch"/>.</summary>
    public int BatchesPerEpoch => Options.BatchesPerEpoch;

    /// <summary>BatchesPerEpoch · SamplesPerBatch.</summary>
    public int SamplesPerEpoch => Options.BatchesPerEpoch * Options.SamplesPerBatch;

    /// <summary>The batches of <paramref name="epoch"/>, skipping the first <paramref name="skip"/> (drawn and discarded).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="epoch"/> is negative or
    /// <paramref name="skip"/> is outside 0..BatchesPerEpoch.</exception>
    /// <example><code>Batch second = sampler.Batches(epoch: 4, skip: 1).First();</code></example>
    public IEnumerable<Batch> Batches(int epoch, int skip = 0)
    {
        if (epoch < 0)
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"GcpSampler: epoch {epoch} is negative; epochs count from 0.");
        if (skip < 0 || skip > BatchesPerEpoch)
            throw new ArgumentOutOfRangeException(nameof(skip), skip, $"GcpSampler: cannot skip {skip} batches of an epoch of {BatchesPerEpoch}; skip must be in [0, {BatchesPerEpoch}].");
        return Enumerate(epoch, skip);
    }

    private IEnumerable<Batch> Enumerate(int epoch, int skip)
    {
        var generator = new Generator(unchecked(Seed * 0x9E3779B97F4A7C15UL + (ulong)(uint)epoch * 0xD1B54A32D192ED03UL + 1));
        for (int b = 0; b < BatchesPerEpoch; b++)
        {
            Batch batch = Draw(generator);
            if (b >= skip) yield return batch;
        }
    }

    private Batch Draw(Generator generator)
    {
        int samples = Options.SamplesPerBatch, n = _order;
        var indices = new double[samples * n];
        var targets = new double[samples * 2];
        for (int s = 0; s < samples; s++)
        {
            bool first = s < _firstSamples;
            int[] stratum = first ? _first : _second;
            int stratumSamples = first ? _firstSamples : samples - _firstSamples;
            int flat = stratum[generator.NextInt(stratum.Length)];
            int[] index = GcpDomains.Unravel(flat, _shape);
            for (int k = 0; k < n; k++) indices[s * n + k] = index[k];
            targets[2 * s] = _data[flat];
            targets[2 * s + 1] = (_weights?[flat] ?? 1.0) * stratum.Length / stratumSamples;
        }
        return new Batch(TN.Tensor(indices, samples, n), TN.Tensor(targets, samples, 2));
    }

    private static void Check(GcpSamplingOptions options)
    {
        if (options.SamplesPerBatch < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.SamplesPerBatch, $"GcpSampler: SamplesPerBatch must be at least 1, got {options.SamplesPerBatch}.");
        if (options.BatchesPerEpoch < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchesPerEpoch, $"GcpSampler: BatchesPerEpoch must be at least 1, got {options.BatchesPerEpoch}.");
        if (!Enum.IsDefined(options.Kind))
            throw new ArgumentOutOfRangeException(nameof(options), options.Kind, $"GcpSampler: Kind must be Uniform or Stratified, got {options.Kind}.");
    }
}
