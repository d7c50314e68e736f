namespace TensorNetworks.Backends;

/// <summary>
/// Dense factorizations on row-major matrices. Inputs passed as <c>a</c> (and <c>b</c> for solve) are
/// overwritten. Every routine throws <see cref="LinalgException"/> naming the routine, the info code and
/// the shape when the factorization fails, <see cref="ArgumentOutOfRangeException"/> for a negative
/// extent and <see cref="ArgumentException"/> naming the span that is too short. Empty matrices return
/// without work.
/// </summary>
/// <example><code>
/// double[] a = { 4, 1, 1, 3 }, w = new double[2], v = new double[4];
/// lapack.SymmetricEig(2, a, w, v); // w ascending, eigenvectors in the columns of v
/// </code></example>
public interface ILapack
{
    /// <summary>A short name for diagnostics.</summary>
    string Name { get; }

    /// <summary>Thin SVD A = U·diag(s)·Vᵀ of an m×n matrix, k = min(m, n): u is m×k, s has k values
    /// in descending order, vt is k×n.</summary>
    /// <exception cref="LinalgException">When the SVD does not converge.</exception>
    void Svd(int m, int n, Span<float> a, Span<float> u, Span<float> s, Span<float> vt);

    /// <inheritdoc cref="Svd(int, int, Span{float}, Span{float}, Span{float}, Span{float})"/>
    void Svd(int m, int n, Span<double> a, Span<double> u, Span<double> s, Span<double> vt);

    /// <summary>Thin QR A = Q·R of an m×n matrix, k = min(m, n): q is m×k with orthonormal columns,
    /// r is k×n upper triangular.</summary>
    void Qr(int m, int n, Span<float> a, Span<float> q, Span<float> r);

    /// <inheritdoc cref="Qr(int, int, Span{float}, Span{float}, Span{float})"/>
    void Qr(int m, int n, Span<double> a, Span<double> q, Span<double> r);

    /// <summary>Thin LQ A = L·Q of an m×n matrix, k = min(m, n): l is m×k lower triangular, q is k×n with
    /// orthonormal rows. It is the QR of Aᵀ transposed (Aᵀ = Qᵀ·Lᵀ), which LAPACK computes on row-major A
    /// without a transpose.</summary>
    void Lq(int m, int n, Span<float> a, Span<float> l, Span<float> q);

    /// <inheritdoc cref="Lq(int, int, Span{float}, Span{float}, Span{float})"/>
    void Lq(int m, int n, Span<double> a, Span<double> l, Span<double> q);

    /// <summary>Symmetric eigendecomposition A = V·diag(w)·Vᵀ of an n×n matrix (only the lower triangle
    /// is read): w ascending, v holds the eigenvectors as columns.</summary>
    /// <exception cref="LinalgException">When the eigensolver does not converge.</exception>
    void SymmetricEig(int n, Span<float> a, Span<float> w, Span<float> v);

    /// <inheritdoc cref="SymmetricEig(int, Span{float}, Span{float}, Span{float})"/>
    void SymmetricEig(int n, Span<double> a, Span<double> w, Span<double> v);

    /// <summary>Solves A·X = B for square n×n A and n×nrhs B by LU with partial pivoting; B is
    /// overwritten with X.</summary>
    /// <exception cref="LinalgException">When A is singular; info is the 1-based index of the zero pivot.</exception>
    void Solve(int n, int nrhs, Span<float> a, Span<float> b);

    /// <inheritdoc cref="Solve(int, int, Span{float}, Span{float})"/>
    void Solve(int n, int nrhs, Span<double> a, Span<double> b);
}
