namespace TensorNetworks.Models.Decompositions;

/// <summary>Validation of CP weights and factors; every message names the offending shapes.</summary>
internal static class CpChecks
{
    /// <summary>Throws unless the factors are N ≥ 1 matrices Aₖ (Iₖ × R, Iₖ ≥ 1, R ≥ 1) of one dtype and
    /// <paramref name="weights"/> holds R values of that dtype.</summary>
    public static void Format(Tensor weights, IReadOnlyList<Tensor> factors)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(factors);
        if (factors.Count == 0)
            throw new ArgumentException("CpTensor: at least one factor matrix is needed.", nameof(factors));
        for (int k = 0; k < factors.Count; k++)
        {
            ArgumentNullException.ThrowIfNull(factors[k], $"factors[{k}]");
            if (factors[k].Order != 2)
                throw new ArgumentException($"CpTensor: factors[{k}] must be a matrix I_{k} × R, got shape {factors[k].Shape}.", nameof(factors));
        }
        int rank = factors[0].Size(1);
        if (rank < 1)
            throw new ArgumentOutOfRangeException(nameof(factors), rank, $"CpTensor: the rank R (the column count of every factor) must be at least 1, got {rank}: factors[0] has shape {factors[0].Shape}; shapes: {Shapes(factors)}.");
        for (int k = 0; k < factors.Count; k++)
        {
            if (factors[k].Size(1) != rank)
                throw new ArgumentException($"CpTensor: every factor needs R = {rank} columns (as factors[0]), but factors[{k}] has shape {factors[k].Shape}; shapes: {Shapes(factors)}.", nameof(factors));
            if (factors[k].Size(0) < 1)
                throw new ArgumentException($"CpTensor: factors[{k}] has shape {factors[k].Shape}; every mode needs at least one row.", nameof(factors));
            if (factors[k].DType != factors[0].DType)
                throw new ArgumentException($"CpTensor: factors[{k}] is {factors[k].DType} but factors[0] is {factors[0].DType}; convert with To(DType).", nameof(factors));
        }
        if (weights.Order != 1 || weights.Size(0) != rank)
            throw new ArgumentException($"CpTensor: weights must be a vector of R = {rank} values (the factors' column count), got shape {weights.Shape}.", nameof(weights));
        if (weights.DType != factors[0].DType)
            throw new ArgumentException($"CpTensor: weights are {weights.DType} but the factors are {factors[0].DType}; convert with To(DType).", nameof(weights));
    }

    /// <summary>Throws unless <paramref name="index"/> has one in-range entry per mode of <paramref name="shape"/>.</summary>
    public static void Index(string context, int[] index, Shape shape)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.Length != shape.Count)
            throw new ArgumentException($"{context}: index [{string.Join(", ", index)}] has {index.Length} entries but the tensor has shape {shape} ({shape.Count} modes).", nameof(index));
        for (int k = 0; k < index.Length; k++)
            if ((uint)index[k] >= (uint)shape[k])
                throw new ArgumentOutOfRangeException(nameof(index), index[k], $"{context}: index[{k}] = {index[k]} is outside 0..{shape[k] - 1} (shape {shape}).");
    }

    /// <summary>Throws unless <paramref name="dense"/> has shape <paramref name="shape"/> and dtype <paramref name="dtype"/>.</summary>
    public static void SameShape(string context, Tensor dense, Shape shape, DType dtype)
    {
        ArgumentNullException.ThrowIfNull(dense);
        if (dense.Shape != shape)
            throw new ArgumentException($"{context}: the dense tensor has shape {dense.Shape} but the decomposition has shape {shape}.", nameof(dense));
        if (dense.DType != dtype)
            throw new ArgumentException($"{context}: the dense tensor is {dense.DType} but the decomposition is {dtype}; convert with To(DType).", nameof(dense));
    }

    /// <summary>The shapes of <paramref name="tensors"/>, comma separated.</summary>
    public static string Shapes(IEnumerable<Tensor> tensors) => string.Join(", ", tensors.Select(t => t.Shape.ToString()));
}
