using TensorNetworks.Models.Decompositions;
using TensorNetworks.Training.Data;

namespace TensorNetworks.Models.Factorizations;

public sealed partial class GcpProblem
{
    /// <summary>
    /// The sampled estimate F̂ = Σₛ cₛ f(x_{iₛ}, m_{iₛ}) over the entries i₁, …, i_S of a sample drawn by a
    /// <see cref="GcpSampler"/>, where cₛ already holds w_{iₛ} divided by the probability of drawing iₛ, so
    /// that E[F̂] = F and E[∇F̂] = ∇F. Each mₛ = Σᵣ Πₖ Aₖ[iₖ, r] comes from the gathered factor rows, so
    /// nothing of the size of X is formed. Recorded for autodiff (the row gathers scatter-add their gradients).
    /// </summary>
    /// <param name="factors">A₀, …, A_{N−1}.</param>
    /// <param name="sample">A batch in <see cref="GcpSampler"/>'s layout: inputs S × N (the entries'
    /// indices), targets S × 2 (the data value and the weight cₛ of each sampled entry).</param>
    /// <exception cref="ArgumentException">When the factors do not fit the data, or the batch is not in the
    /// sampler's layout (the message shows its shapes).</exception>
    /// <example><code>
    /// var sampler = new GcpSampler(problem, new GcpSamplingOptions { SamplesPerBatch = 500 }, seed: 1);
    /// Batch sample = sampler.Batches(epoch: 0).First();
    /// Tensor estimate = problem.EvaluateSampled(factors, sample);
    /// </code></example>
    public Tensor EvaluateSampled(IReadOnlyList<Tensor> factors, Batch sample)
    {
        GcpChecks.Factors(factors, Shape, Data.DType);
        ArgumentNullException.ThrowIfNull(sample);
        int n = Shape.Count;
        if (sample.Inputs.Order != 2 || sample.Inputs.Size(1) != n || sample.Targets is not { Order: 2 } targets || targets.Size(1) != 2)
            throw new ArgumentException($"Gcp: a sample needs inputs S × {n} (indices) and targets S × 2 (value, weight), got inputs {sample.Inputs.Shape} and targets {sample.Targets?.Shape.ToString() ?? "none"}.", nameof(sample));
        double[] flat = sample.Inputs.ToArray<double>();
        int count = sample.Count;
        var modeIndices = new int[n][];
        for (int k = 0; k < n; k++)
        {
            modeIndices[k] = new int[count];
            for (int s = 0; s < count; s++) modeIndices[k][s] = (int)flat[s * n + k];
        }
        Tensor model = CpEntries.Evaluate(factors, modeIndices);
        Tensor values = targets.Select(1, 0).To(Data.DType);
        Tensor weights = targets.Select(1, 1).To(Data.DType);
        return (Loss.Value(values, model) * weights).Sum();
    }
}
