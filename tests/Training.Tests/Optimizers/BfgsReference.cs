namespace TensorNetworks.Training.Tests.Optimizers;

/// <summary>
/// The L-BFGS inverse-Hessian approximation formed explicitly, as a reference for the two-loop recursion:
/// H₀ = γI with γ = sᵀy/yᵀy of the newest pair, then for each pair oldest to newest
/// H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ with ρ = 1/(yᵀs).
/// </summary>
internal static class BfgsReference
{
    public static double[] Direction(IReadOnlyList<(double[] S, double[] Y)> pairs, double[] gradient)
    {
        int n = gradient.Length;
        double gamma = pairs.Count == 0 ? 1 : Dot(pairs[^1].S, pairs[^1].Y) / Dot(pairs[^1].Y, pairs[^1].Y);
        var h = new double[n, n];
        for (int i = 0; i < n; i++) h[i, i] = gamma;
        foreach (var (s, y) in pairs)
        {
            double rho = 1 / Dot(y, s);
            var left = new double[n, n];
            var right = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    left[i, j] = (i == j ? 1 : 0) - rho * s[i] * y[j];
                    right[i, j] = (i == j ? 1 : 0) - rho * y[i] * s[j];
                }
            double[,] next = Multiply(Multiply(left, h), right);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    next[i, j] += rho * s[i] * s[j];
            h = next;
        }
        var d = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                d[i] -= h[i, j] * gradient[j];
        return d;
    }

    public static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0);
        var c = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
                for (int j = 0; j < n; j++)
                    c[i, j] += a[i, k] * b[k, j];
        return c;
    }
}
