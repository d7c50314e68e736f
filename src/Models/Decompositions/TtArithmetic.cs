namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// Arithmetic on tensor trains that works on the cores and never forms a full tensor. Results are new
/// trains; ranks grow (add: r_a + r_b, Hadamard and matrix-vector: r_a·r_b), so follow with
/// <see cref="TtRounding.Round"/> to recompress. Operands must share dtype and mode sizes.
/// </summary>
/// <example><code>
/// TensorTrain c = TtArithmetic.Add(a, TtArithmetic.Scale(b, 2.0));  // a + 2b
/// double d = TtArithmetic.Dot(a, b);                                  // Σ a[i]·b[i]
/// TensorTrain y = TtArithmetic.MatVec(matrix, x);                     // ranks multiply
/// </code></example>
public static class TtArithmetic
{
    /// <summary>
    /// The sum a + b with block cores: the first core is [A_1 B_1] (side by side along the right rank), the last
    /// [A_N; B_N] (stacked along the left rank), and the middle ones diag(A_k, B_k), so the inner ranks add,
    /// r_k = r_k(a) + r_k(b). A one-core train just adds its core.
    /// </summary>
    /// <exception cref="ArgumentException">When the mode sizes or dtypes differ.</exception>
    /// <example><code>TensorTrain s = TtArithmetic.Add(a, b); // same as a + b</code></example>
    public static TensorTrain Add(TensorTrain a, TensorTrain b)
    {
        Same("TtArithmetic.Add", a, b);
        int n = a.Order;
        if (n == 1) return new TensorTrain([a.Cores[0] + b.Cores[0]]);
        var cores = new Tensor[n];
        for (int k = 0; k < n; k++)
        {
            Tensor x = a.Cores[k], y = b.Cores[k];
            if (k == 0) cores[k] = TN.Cat([x, y], axis: 2);
            else if (k == n - 1) cores[k] = TN.Cat([x, y], axis: 0);
            else cores[k] = BlockDiagonal(x, y);
        }
        return new TensorTrain(cores);
    }

    /// <summary>The scaled train α·a: the first core times α, the others shared with <paramref name="a"/>.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="a"/> is null.</exception>
    /// <example><code>TensorTrain half = TtArithmetic.Scale(tt, 0.5); // same as 0.5 * tt</code></example>
    public static TensorTrain Scale(TensorTrain a, double alpha)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new TensorTrain([a.Cores[0] * alpha, .. a.Cores.Skip(1)]);
    }

    /// <summary>
    /// The elementwise (Hadamard) product a ∘ b with cores C_k[i] = A_k[i] ⊗ B_k[i] (Kronecker product of the
    /// slices), so ranks multiply: r_k = r_k(a)·r_k(b).
    /// </summary>
    /// <exception cref="ArgumentException">When the mode sizes or dtypes differ.</exception>
    /// <example><code>TensorTrain squared = TtArithmetic.Hadamard(tt, tt);</code></example>
    public static TensorTrain Hadamard(TensorTrain a, TensorTrain b)
    {
        Same("TtArithmetic.Hadamard", a, b);
        return new TensorTrain([.. a.Cores.Select((x, k) => Kron(x, b.Cores[k]))]);
    }

    /// <summary>
    /// The inner product ⟨a, b⟩ = Σ_i a[i]·b[i], contracted left to right: E_0 = [1], E_k = Σ_i A_k[i]ᵀ E_{k-1} B_k[i],
    /// ⟨a, b⟩ = E_N; each step costs O(n r³) for ranks r.
    /// </summary>
    /// <exception cref="ArgumentException">When the mode sizes or dtypes differ.</exception>
    /// <example><code>double d = TtArithmetic.Dot(a, b);</code></example>
    public static double Dot(TensorTrain a, TensorTrain b)
    {
        Same("TtArithmetic.Dot", a, b);
        using var _ = TN.NoGrad();
        Tensor e = TN.Ones(a.DType, 1, 1);
        for (int k = 0; k < a.Order; k++) e = TN.Einsum("ac,aib,cid->bd", e, a.Cores[k], b.Cores[k]);
        return e.Item();
    }

    /// <summary>The Frobenius norm ‖a‖ = sqrt(⟨a, a⟩) through <see cref="Dot"/> (a negative rounding residue counts as 0).</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="a"/> is null.</exception>
    /// <example><code>double n = TtArithmetic.Norm(tt);</code></example>
    public static double Norm(TensorTrain a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return Math.Sqrt(Math.Max(0, Dot(a, a)));
    }

    /// <summary>
    /// The TT-matrix times TT-vector product y = A·x (x of mode sizes n_k, y of mode sizes m_k) with cores
    /// Y_k[i] = Σ_j A_k[i, j] ⊗ X_k[j], so ranks multiply: r_k(y) = r_k(A)·r_k(x).
    /// </summary>
    /// <exception cref="ArgumentException">When x's mode sizes differ from A's column modes, or the dtypes differ.</exception>
    /// <example><code>TensorTrain y = TtArithmetic.MatVec(matrix, x);</code></example>
    public static TensorTrain MatVec(TtMatrix matrix, TensorTrain x)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(x);
        TensorTrainChecks.SameModes("TtArithmetic.MatVec (matrix column modes vs vector modes)", matrix.DType, matrix.ColumnModes, x.DType, x.Shape.ToArray());
        var cores = new Tensor[x.Order];
        for (int k = 0; k < x.Order; k++)
        {
            Tensor g = matrix.Cores[k], v = x.Cores[k];
            Tensor c = TN.Einsum("amnb,cnd->acmbd", g, v);
            cores[k] = c.Reshape(g.Size(0) * v.Size(0), g.Size(1), g.Size(3) * v.Size(2));
        }
        return new TensorTrain(cores);
    }

    /// <summary>
    /// The TT-matrix times a dense vector (Π n_k values) or matrix (Π n_k × K), Y = A·X, applied core by core:
    /// with Z_0 = X viewed as (1, r_0, n_1, rest), Z_k = Σ_{r,n} Z_{k-1}[a, r, n, t]·A_k[r, m, n, s] regrouped
    /// to (a·m, s, n_{k+1}, rest′); the dense matrix A is never formed. The result has Π m_k entries (rows).
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="dense"/> is not 1-D or 2-D, its first extent is not
    /// Π n_k, or the dtypes differ.</exception>
    /// <example><code>Tensor y = TtArithmetic.MatVec(matrix, TN.Randn(gen, DType.Float64, matrix.Shape[1], 3));</code></example>
    public static Tensor MatVec(TtMatrix matrix, Tensor dense)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(dense);
        int cols = matrix.Shape[1];
        if (dense.Order is not (1 or 2) || dense.Size(0) != cols)
            throw new ArgumentException($"TtArithmetic.MatVec: the TT-matrix is {matrix.Shape[0]} × {cols} (column modes [{string.Join(", ", matrix.ColumnModes)}]) but the operand has shape {dense.Shape}; it needs {cols} rows (a vector of {cols} values or a {cols} × K matrix).", nameof(dense));
        if (dense.DType != matrix.DType)
            throw new ArgumentException($"TtArithmetic.MatVec: the TT-matrix is {matrix.DType} but the operand is {dense.DType}; convert one so the dtypes match.", nameof(dense));
        int width = dense.Order == 1 ? 1 : dense.Size(1);
        int[] n = matrix.ColumnModes;
        long rest = (long)cols / n[0] * width;
        Tensor z = dense.Reshape(1, 1, n[0], (int)rest);
        for (int k = 0; k < matrix.Order; k++)
        {
            Tensor g = matrix.Cores[k];
            Tensor next = TN.Einsum("arnt,rmns->amst", z, g);
            int done = next.Size(0) * next.Size(1), s = next.Size(2), t = next.Size(3);
            z = k + 1 < matrix.Order ? next.Reshape(done, s, n[k + 1], t / n[k + 1]) : next.Reshape(done, t);
        }
        return dense.Order == 1 ? z.Reshape(matrix.Shape[0]) : z;
    }

    private static Tensor BlockDiagonal(Tensor x, Tensor y)
    {
        int n = x.Size(1);
        Tensor top = TN.Cat([x, TN.Zeros(x.DType, x.Size(0), n, y.Size(2))], axis: 2);
        Tensor bottom = TN.Cat([TN.Zeros(x.DType, y.Size(0), n, x.Size(2)), y], axis: 2);
        return TN.Cat([top, bottom], axis: 0);
    }

    private static Tensor Kron(Tensor x, Tensor y) =>
        TN.Einsum("aib,cid->acibd", x, y).Reshape(x.Size(0) * y.Size(0), x.Size(1), x.Size(2) * y.Size(2));

    private static void Same(string context, TensorTrain a, TensorTrain b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        TensorTrainChecks.SameModes(context, a.DType, a.Shape.ToArray(), b.DType, b.Shape.ToArray());
    }
}
