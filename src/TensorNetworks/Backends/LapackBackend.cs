using System.Numerics;

namespace TensorNetworks.Backends;

/// <summary>
/// The shared front of the LAPACK backends: each <see cref="ILapack"/> overload checks its spans once
/// (<see cref="LapackArguments"/>), returns at once for an empty matrix, and forwards to one generic
/// implementation per routine.
/// </summary>
internal abstract class LapackBackend : ILapack
{
    public abstract string Name { get; }

    public void Svd(int m, int n, Span<float> a, Span<float> u, Span<float> s, Span<float> vt) => CheckedSvd(m, n, a, u, s, vt);

    public void Svd(int m, int n, Span<double> a, Span<double> u, Span<double> s, Span<double> vt) => CheckedSvd(m, n, a, u, s, vt);

    public void Qr(int m, int n, Span<float> a, Span<float> q, Span<float> r) => CheckedQr(m, n, a, q, r);

    public void Qr(int m, int n, Span<double> a, Span<double> q, Span<double> r) => CheckedQr(m, n, a, q, r);

    public void Lq(int m, int n, Span<float> a, Span<float> l, Span<float> q) => CheckedLq(m, n, a, l, q);

    public void Lq(int m, int n, Span<double> a, Span<double> l, Span<double> q) => CheckedLq(m, n, a, l, q);

    public void SymmetricEig(int n, Span<float> a, Span<float> w, Span<float> v) => CheckedEig(n, a, w, v);

    public void SymmetricEig(int n, Span<double> a, Span<double> w, Span<double> v) => CheckedEig(n, a, w, v);

    public void Solve(int n, int nrhs, Span<float> a, Span<float> b) => CheckedSolve(n, nrhs, a, b);

    public void Solve(int n, int nrhs, Span<double> a, Span<double> b) => CheckedSolve(n, nrhs, a, b);

    /// <summary>Thin SVD of a checked, non-empty m×n matrix; see <see cref="ILapack.Svd(int, int, Span{float}, Span{float}, Span{float}, Span{float})"/>.</summary>
    protected abstract void SvdCore<T>(int m, int n, Span<T> a, Span<T> u, Span<T> s, Span<T> vt) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>Thin QR of a checked, non-empty m×n matrix.</summary>
    protected abstract void QrCore<T>(int m, int n, Span<T> a, Span<T> q, Span<T> r) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>Thin LQ of a checked, non-empty m×n matrix: by default the QR of Aᵀ, transposed (L = Rᵀ, Q = Q_Aᵀᵀ).</summary>
    protected virtual void LqCore<T>(int m, int n, Span<T> a, Span<T> l, Span<T> q) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = Math.Min(m, n);
        using var transposed = new PooledArray<T>(m * n);
        using var qt = new PooledArray<T>(n * k);
        using var rt = new PooledArray<T>(k * m);
        MatrixLayout.Transpose<T>(a[..(m * n)], m, n, transposed.Array);
        QrCore<T>(n, m, transposed.Array, qt.Array, rt.Array);
        MatrixLayout.Transpose<T>(rt.Array.AsSpan(0, k * m), k, m, l);
        MatrixLayout.Transpose<T>(qt.Array.AsSpan(0, n * k), n, k, q);
    }

    /// <summary>Symmetric eigendecomposition of a checked n×n matrix larger than <see cref="SmallSymmetricEig.MaxOrder"/>
    /// (smaller ones go to <see cref="SmallSymmetricEig"/> on every backend).</summary>
    protected abstract void SymmetricEigCore<T>(int n, Span<T> a, Span<T> w, Span<T> v) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>LU solve of a checked, non-empty n×n system with nrhs ≥ 1 right-hand sides.</summary>
    protected abstract void SolveCore<T>(int n, int nrhs, Span<T> a, Span<T> b) where T : unmanaged, IFloatingPointIeee754<T>;

    private void CheckedSvd<T>(int m, int n, Span<T> a, Span<T> u, Span<T> s, Span<T> vt) where T : unmanaged, IFloatingPointIeee754<T>
    {
        LapackArguments.RequireSvd(m, n, a.Length, u.Length, s.Length, vt.Length);
        if (m > 0 && n > 0) SvdCore(m, n, a, u, s, vt);
    }

    private void CheckedQr<T>(int m, int n, Span<T> a, Span<T> q, Span<T> r) where T : unmanaged, IFloatingPointIeee754<T>
    {
        LapackArguments.RequireQr(m, n, a.Length, q.Length, r.Length);
        if (m > 0 && n > 0) QrCore(m, n, a, q, r);
    }

    private void CheckedLq<T>(int m, int n, Span<T> a, Span<T> l, Span<T> q) where T : unmanaged, IFloatingPointIeee754<T>
    {
        LapackArguments.RequireLq(m, n, a.Length, l.Length, q.Length);
        if (m > 0 && n > 0) LqCore(m, n, a, l, q);
    }

    private void CheckedEig<T>(int n, Span<T> a, Span<T> w, Span<T> v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        LapackArguments.RequireEig(n, a.Length, w.Length, v.Length);
        if (n > SmallSymmetricEig.MaxOrder) SymmetricEigCore(n, a, w, v);
        else if (n > 0) SmallSymmetricEig.Decompose<T>(n, a, w, v);
    }

    private void CheckedSolve<T>(int n, int nrhs, Span<T> a, Span<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        LapackArguments.RequireSolve(n, nrhs, a.Length, b.Length);
        if (n > 0 && nrhs > 0) SolveCore(n, nrhs, a, b);
    }
}
