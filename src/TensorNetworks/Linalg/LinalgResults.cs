namespace TensorNetworks;

/// <summary>A thin singular value decomposition A = U·diag(S)·Vt of an m×n matrix, k = min(m, n).</summary>
/// <param name="U">m×k, orthonormal columns (UᵀU = I).</param>
/// <param name="S">k singular values, descending and non-negative.</param>
/// <param name="Vt">k×n, orthonormal rows (Vt·Vtᵀ = I).</param>
/// <example><code>
/// var (u, s, vt) = TN.Linalg.Svd(a);
/// </code></example>
public sealed record SvdResult(Tensor U, Tensor S, Tensor Vt);

/// <summary>A thin QR decomposition A = Q·R of an m×n matrix, k = min(m, n).</summary>
/// <param name="Q">m×k, orthonormal columns (QᵀQ = I).</param>
/// <param name="R">k×n, upper triangular.</param>
/// <example><code>
/// var (q, r) = TN.Linalg.Qr(a);
/// </code></example>
public sealed record QrResult(Tensor Q, Tensor R);

/// <summary>A thin LQ decomposition A = L·Q of an m×n matrix, k = min(m, n): the QR of Aᵀ, transposed.</summary>
/// <param name="L">m×k, lower triangular.</param>
/// <param name="Q">k×n, orthonormal rows (Q·Qᵀ = I).</param>
/// <example><code>
/// var (l, q) = TN.Linalg.Lq(a);
/// </code></example>
public sealed record LqResult(Tensor L, Tensor Q);

/// <summary>A symmetric eigendecomposition A = V·diag(Values)·Vᵀ of an n×n matrix.</summary>
/// <param name="Values">n eigenvalues in ascending order.</param>
/// <param name="Vectors">n×n; column i is the unit eigenvector of Values[i] (VᵀV = I).</param>
/// <example><code>
/// var (values, vectors) = TN.Linalg.SymmetricEig(a);
/// </code></example>
public sealed record EigResult(Tensor Values, Tensor Vectors);
