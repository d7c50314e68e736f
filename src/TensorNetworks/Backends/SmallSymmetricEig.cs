using System.Numerics;

namespace TensorNetworks.Backends;

/// <summary>
/// Symmetric eigendecomposition A = V·diag(w)·Vᵀ of small matrices in managed float64 code, for both
/// backends: Householder tridiagonalization (<see cref="HouseholderTridiagonal"/>) and implicit QL
/// (<see cref="TridiagonalQl"/>), eigenvalues sorted ascending as LAPACK's ?syevd returns them. Up to
/// <see cref="MaxOrder"/> this is faster than LAPACK's divide and conquer; measured on one core (Gram matrices of
/// random 2n×n matrices, median of 3000 calls), against OpenBLAS's dsyevd (float64): n = 20 10.5 µs against 28,
/// n = 40 (each cut of TT rounding) 37.5 against 108, n = 64 106 against 260, n = 96 300–320 against 544; and in one
/// process on one core (medians of 60-200 calls): n = 97 317 against 586 µs, 128 (TT-SVD's steps) 722 against 1098,
/// 160 1262 against 1575, 200 (HOSVD's modes) 2106 against 2586, 256 4879 against 5304. OpenBLAS runs these orders
/// on one thread anyway (<see cref="OpenBlasThreads"/>); above 256 it uses every core. (MathNet took 130 µs at n = 40.)
/// The matrix is first divided by a power of two near its largest entry, as
/// LAPACK scales one whose norm nears overflow or underflow (an entry of 1e±200 otherwise overflowed the QL
/// sweep's squares). Float32 input is decomposed in float64 and rounded.
/// </summary>
/// <example><code>
/// SmallSymmetricEig.Decompose&lt;double&gt;(n, a, w, v); // a: lower triangle read; v[i·n + j] = component i of eigenvector j
/// </code></example>
internal static class SmallSymmetricEig
{
    /// <summary>Largest order decomposed here; larger matrices go to the backend's LAPACK or MathNet.</summary>
    internal const int MaxOrder = 256;

    /// <summary>
    /// Eigenvalues <paramref name="w"/> (ascending) and eigenvectors (columns of the row-major n×n
    /// <paramref name="v"/>) of the symmetric matrix whose lower triangle <paramref name="a"/> holds
    /// (row-major; the upper triangle is not read).
    /// </summary>
    /// <exception cref="LinalgException">When an eigenvalue does not converge (a NaN or infinity in the input).</exception>
    internal static void Decompose<T>(int n, ReadOnlySpan<T> a, Span<T> w, Span<T> v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int padded = n * n + HouseholderKernels.Overread;
        using var full = new PooledArray<double>(padded);
        using var basis = new PooledArray<double>(padded);
        using var diagonal = new PooledArray<double>(n);
        using var offDiagonal = new PooledArray<double>(n);
        Span<double> m = full.Array.AsSpan(0, padded), zt = basis.Array.AsSpan(0, padded);
        Span<double> d = diagonal.Array.AsSpan(0, n), e = offDiagonal.Array.AsSpan(0, n);
        double largest = 0;
        for (int i = 0; i < n; i++)
        for (int j = 0; j <= i; j++)
            largest = Math.Max(largest, Math.Abs(double.CreateTruncating(a[i * n + j])));
        // A power of two near the largest entry: dividing by it is exact, so results in the ordinary range
        // keep their bits, and entries near overflow or underflow come into range. Multiplying by its reciprocal
        // rounds the same wherever that reciprocal is finite (a power of two too), and is cheaper.
        double scale = largest > 0 && double.IsFinite(largest) ? Math.ScaleB(1, Math.ILogB(largest)) : 1;
        double reciprocal = 1 / scale;
        bool exactReciprocal = double.IsFinite(reciprocal);
        for (int i = 0; i < n; i++)
        for (int j = 0; j <= i; j++)
        {
            double x = double.CreateTruncating(a[i * n + j]);
            m[i * n + j] = exactReciprocal ? x * reciprocal : x / scale;
        }
        HouseholderTridiagonal.Reduce(n, m, d, e, zt);
        int info = TridiagonalQl.Diagonalize(n, d, e, zt);
        if (info != 0)
            throw new LinalgException("tn symmetric QL", info, $"{LapackErrors.EigNoConvergence(info)} (input {LapackErrors.Shape(n, n)}).");
        Span<int> order = stackalloc int[n];
        AscendingOrder(d, order);
        for (int j = 0; j < n; j++)
        {
            w[j] = T.CreateTruncating(d[order[j]] * scale);
            ReadOnlySpan<double> vector = zt.Slice(order[j] * n, n);
            for (int i = 0; i < n; i++) v[i * n + j] = T.CreateTruncating(vector[i]);
        }
    }

    /// <summary>The indices of <paramref name="d"/> in ascending order of their values (insertion sort, stable:
    /// n ≤ <see cref="MaxOrder"/>), so that eigenvector order[j] (row order[j] of Zᵀ) goes to column j.</summary>
    private static void AscendingOrder(ReadOnlySpan<double> d, Span<int> order)
    {
        for (int j = 0; j < order.Length; j++)
        {
            int k = j;
            for (; k > 0 && d[order[k - 1]] > d[j]; k--) order[k] = order[k - 1];
            order[k] = j;
        }
    }
}
