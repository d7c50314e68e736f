using TensorNetworks.Nn;

namespace TensorNetworks.Training.Optimizers;

/// <summary>
/// A list of parameters seen as one flat Float64 vector, concatenated in order, each row-major, for
/// optimizers such as <see cref="Lbfgs"/> that work on the whole point at once. Float32 parameters are
/// widened when read and rounded when written.
/// </summary>
internal sealed class FlatParameters(IReadOnlyList<Parameter> parameters)
{
    /// <summary>Total number of scalars.</summary>
    public int Length => parameters.Sum(p => p.ElementCount);

    /// <summary>The parameters' shapes, in order.</summary>
    public int[][] Shapes() => [.. parameters.Select(p => p.Shape.ToArray())];

    /// <summary>The current values.</summary>
    public double[] Values() => Gather(p => p.Value);

    /// <summary>The current gradients, zeros for a parameter without one.</summary>
    public double[] Gradients() => Gather(p => p.Grad);

    /// <summary>Sets the values from <paramref name="x"/> (in place, so handles to the tensors stay valid).</summary>
    public void SetValues(ReadOnlySpan<double> x)
    {
        using var _ = TN.NoGrad();
        int offset = 0;
        foreach (Parameter p in parameters)
        {
            p.Value.CopyFrom(Slice(x, offset, p));
            offset += p.ElementCount;
        }
    }

    /// <summary>Sets the gradients from <paramref name="g"/>.</summary>
    public void SetGradients(ReadOnlySpan<double> g)
    {
        int offset = 0;
        foreach (Parameter p in parameters)
        {
            p.Value.Grad = Slice(g, offset, p);
            offset += p.ElementCount;
        }
    }

    private double[] Gather(Func<Parameter, Tensor?> select)
    {
        var flat = new double[Length];
        int offset = 0;
        foreach (Parameter p in parameters)
        {
            if (select(p) is { } t) t.ToArray<double>().CopyTo(flat, offset);
            offset += p.ElementCount;
        }
        return flat;
    }

    private static Tensor Slice(ReadOnlySpan<double> flat, int offset, Parameter p)
    {
        ReadOnlySpan<double> part = flat.Slice(offset, p.ElementCount);
        int[] shape = p.Shape.ToArray();
        if (p.Value.DType == DType.Float64) return TN.Tensor(part, shape);
        var narrowed = new float[part.Length];
        for (int i = 0; i < part.Length; i++) narrowed[i] = (float)part[i];
        return TN.Tensor(narrowed, shape);
    }
}
