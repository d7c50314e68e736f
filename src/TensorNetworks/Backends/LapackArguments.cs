namespace TensorNetworks.Backends;

/// <summary>Checks the extents and span lengths of <see cref="ILapack"/> calls, for every backend.</summary>
internal static class LapackArguments
{
    /// <summary>Thin SVD of m×n: a m·n, u m·k, s k, vt k·n with k = min(m, n).</summary>
    internal static void RequireSvd(int m, int n, int a, int u, int s, int vt)
    {
        RequireExtents("Svd", m, n);
        int k = Math.Min(m, n);
        Require("Svd", "a", a, (long)m * n);
        Require("Svd", "u", u, (long)m * k);
        Require("Svd", "s", s, k);
        Require("Svd", "vt", vt, (long)k * n);
    }

    /// <summary>Thin QR of m×n: a m·n, q m·k, r k·n with k = min(m, n).</summary>
    internal static void RequireQr(int m, int n, int a, int q, int r)
    {
        RequireExtents("Qr", m, n);
        int k = Math.Min(m, n);
        Require("Qr", "a", a, (long)m * n);
        Require("Qr", "q", q, (long)m * k);
        Require("Qr", "r", r, (long)k * n);
    }

    /// <summary>Thin LQ of m×n: a m·n, l m·k, q k·n with k = min(m, n).</summary>
    internal static void RequireLq(int m, int n, int a, int l, int q)
    {
        RequireExtents("Lq", m, n);
        int k = Math.Min(m, n);
        Require("Lq", "a", a, (long)m * n);
        Require("Lq", "l", l, (long)m * k);
        Require("Lq", "q", q, (long)k * n);
    }

    /// <summary>Symmetric eigendecomposition of n×n: a n·n, w n, v n·n.</summary>
    internal static void RequireEig(int n, int a, int w, int v)
    {
        RequireExtents("SymmetricEig", n, n);
        Require("SymmetricEig", "a", a, (long)n * n);
        Require("SymmetricEig", "w", w, n);
        Require("SymmetricEig", "v", v, (long)n * n);
    }

    /// <summary>Solve of n×n A with n×nrhs B.</summary>
    internal static void RequireSolve(int n, int nrhs, int a, int b)
    {
        RequireExtents("Solve", n, nrhs);
        Require("Solve", "a", a, (long)n * n);
        Require("Solve", "b", b, (long)n * nrhs);
    }

    private static void RequireExtents(string routine, int rows, int cols)
    {
        if (rows < 0 || cols < 0)
            throw new ArgumentOutOfRangeException(nameof(rows), $"{routine}: extents must be >= 0, got {rows} and {cols}.");
    }

    private static void Require(string routine, string name, int length, long needed)
    {
        if (length < needed)
            throw new ArgumentException($"{routine}: span {name} has {length} elements but the shape needs {needed}.", name);
    }
}
