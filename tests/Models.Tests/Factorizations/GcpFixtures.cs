using TensorNetworks.Models.Factorizations;

namespace TensorNetworks.Models.Tests.Factorizations;

/// <summary>Seeded data, factors and masks in each GCP loss's domain, shared by the GCP test classes.</summary>
internal static class GcpFixtures
{
    public static TheoryData<string> LossNames => ["Gaussian", "Gamma", "Rayleigh", "PoissonIdentity", "PoissonLog", "BernoulliOdds", "BernoulliLogit", "NegativeBinomial", "Huber"];

    public static GcpLoss Loss(string name) => name switch
    {
        "Gaussian" => GcpLoss.Gaussian,
        "Gamma" => GcpLoss.Gamma,
        "Rayleigh" => GcpLoss.Rayleigh,
        "PoissonIdentity" => GcpLoss.PoissonIdentity,
        "PoissonLog" => GcpLoss.PoissonLog,
        "BernoulliOdds" => GcpLoss.BernoulliOdds,
        "BernoulliLogit" => GcpLoss.BernoulliLogit,
        "NegativeBinomial" => GcpLoss.NegativeBinomial(3),
        "Huber" => GcpLoss.Huber(0.3),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such loss"),
    };

    /// <summary>Data of <paramref name="shape"/> in the loss's domain.</summary>
    public static Tensor Data(GcpLoss loss, Generator g, params int[] shape)
    {
        Tensor u = TN.Rand(g, DType.Float64, shape);
        return loss.Domain switch
        {
            "finite real numbers" => TN.Randn(g, DType.Float64, shape),
            "positive real numbers" => u * 2 + 0.1,
            "non-negative integers (counts)" => Floor(u * 5),
            _ => Floor(u * 2),
        };
    }

    /// <summary>Factors Iₖ × R: positive (in [0.2, 1.2)) for bounded losses, standard normal otherwise.</summary>
    public static Tensor[] Factors(GcpLoss loss, Generator g, int rank, params int[] shape)
        => [.. shape.Select(d => loss.IsLowerBounded ? TN.Rand(g, DType.Float64, d, rank) + 0.2 : TN.Randn(g, DType.Float64, d, rank) * 0.7)];

    /// <summary>A 0/1 mask with about <paramref name="observed"/> of the entries set.</summary>
    public static Tensor Mask(Generator g, double observed, params int[] shape)
        => TN.Tensor([.. TN.Rand(g, DType.Float64, shape).ToArray<double>().Select(v => v < observed ? 1.0 : 0.0)], shape);

    /// <summary>A copy of <paramref name="t"/> with <paramref name="value"/> at each of <paramref name="indices"/>.</summary>
    public static Tensor With(Tensor t, double value, params int[][] indices)
    {
        double[] values = t.ToArray<double>();
        int[] dims = t.Shape.ToArray();
        foreach (int[] index in indices)
        {
            int flat = 0;
            for (int k = 0; k < dims.Length; k++) flat = flat * dims[k] + index[k];
            values[flat] = value;
        }
        return TN.Tensor(values, dims);
    }

    private static Tensor Floor(Tensor t) => TN.Tensor([.. t.ToArray<double>().Select(Math.Floor)], t.Shape.ToArray());
}
