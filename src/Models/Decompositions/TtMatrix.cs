namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// A matrix in TT-matrix (MPO) format: the (Π m_k) × (Π n_k) matrix with
/// A[(i_1…i_N), (j_1…j_N)] = G_1[:, i_1, j_1, :] ⋯ G_N[:, i_N, j_N, :], cores of shape r_{k-1} × m_k × n_k × r_k,
/// r_0 = r_N = 1, and row and column indices row-major over their modes. Operations never modify the cores; they keep their dtype.
/// </summary>
/// <example><code>
/// var a = TtMatrix.Random(new Generator(0), rowModes: [2, 3], columnModes: [4, 5], ranks: [1, 3, 1]);
/// Tensor dense = a.ToDense();                        // 6 × 20
/// Tensor y = TtArithmetic.MatVec(a, TN.Ones(DType.Float64, 20));
/// </code></example>
public sealed class TtMatrix
{
    private readonly Tensor[] _cores;

    /// <summary>Creates a TT-matrix from its cores G_k (r_{k-1} × m_k × n_k × r_k), used as given (not copied).</summary>
    /// <exception cref="ArgumentException">When there are no cores, a core is not 4-D, the dtypes differ, an extent is
    /// below 1, adjacent ranks differ or a boundary rank is not 1; the message names the core, the ranks and the shapes.</exception>
    /// <example><code>var eye = new TtMatrix([TN.Eye(2, dtype: DType.Float64).Reshape(1, 2, 2, 1)]);</code></example>
    public TtMatrix(IReadOnlyList<Tensor> cores)
    {
        _cores = TensorTrainChecks.Chain("TtMatrix", cores, 4, ring: false);
    }

    /// <summary>A TT-matrix with independent normal entries times <paramref name="scale"/> in every core; ranks r_0..r_N with r_0 = r_N = 1.</summary>
    /// <exception cref="ArgumentException">When the mode lists differ in length, a mode size is below 1, or the rank list has the wrong length or boundary.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a rank is below 1.</exception>
    /// <example><code>var a = TtMatrix.Random(new Generator(0), [2, 3], [4, 5], [1, 3, 1]);</code></example>
    public static TtMatrix Random(Generator generator, IReadOnlyList<int> rowModes, IReadOnlyList<int> columnModes, IReadOnlyList<int> ranks, DType dtype = DType.Float64, double scale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var (m, n) = CheckModes("TtMatrix.Random", rowModes, columnModes);
        int[] r = TensorTrainChecks.Ranks("TtMatrix.Random", ranks, m.Length, ring: false);
        return new TtMatrix([.. m.Select((_, k) => TN.Randn(generator, dtype, r[k], m[k], n[k], r[k + 1]) * scale)]);
    }

    /// <summary>
    /// Compresses a dense (Π m_k) × (Π n_k) matrix by TT-SVD of its entries regrouped as the order-N tensor
    /// B[(i_1 j_1), …, (i_N j_N)]; <paramref name="relativeAccuracy"/> and <paramref name="maxRanks"/> act as in
    /// <see cref="TtSvd.Decompose(Tensor, double, IReadOnlyList{int}?)"/>, so ‖A − TT‖_F ≤ ε‖A‖_F when no cap binds.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="matrix"/> is not 2-D, the mode lists differ in length,
    /// or Π m_k or Π n_k differs from the matrix's row or column count (the message shows the modes, the products and the shape).</exception>
    /// <exception cref="ArgumentOutOfRangeException">When ε is negative or not finite, or a rank cap is below 1.</exception>
    /// <example><code>TtMatrix a = TtMatrix.FromDense(TN.Eye(12, dtype: DType.Float64), [3, 4], [3, 4]); // ranks [1, 1, 1]</code></example>
    public static TtMatrix FromDense(Tensor matrix, IReadOnlyList<int> rowModes, IReadOnlyList<int> columnModes, double relativeAccuracy = 0.0, IReadOnlyList<int>? maxRanks = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var (m, n) = CheckModes("TtMatrix.FromDense", rowModes, columnModes);
        if (matrix.Order != 2)
            throw new ArgumentException($"TtMatrix.FromDense: the matrix must be 2-D, got shape {matrix.Shape}.", nameof(matrix));
        long rows = m.Aggregate(1L, (p, v) => p * v), cols = n.Aggregate(1L, (p, v) => p * v);
        if (rows != matrix.Size(0) || cols != matrix.Size(1))
            throw new ArgumentException($"TtMatrix.FromDense: the row modes [{string.Join(", ", m)}] multiply to {rows} and the column modes [{string.Join(", ", n)}] to {cols}, but the matrix is {matrix.Size(0)} × {matrix.Size(1)}; the mode products must equal the matrix size.", nameof(matrix));
        int d = m.Length;
        int[] interleave = [.. Enumerable.Range(0, d).SelectMany(k => new[] { k, d + k })];
        Tensor grouped = matrix.Reshape([.. m, .. n]).Permute(interleave).Reshape([.. m.Select((v, k) => v * n[k])]);
        TensorTrain tt = TtSvd.Decompose(grouped, relativeAccuracy, maxRanks);
        return new TtMatrix([.. tt.Cores.Select((c, k) => c.Reshape(c.Size(0), m[k], n[k], c.Size(2)))]);
    }

    /// <summary>
    /// Reads a TT-matrix from a network in <see cref="NetworkBuilder.TtMatrix"/>'s conventions: cores A0..A{N-1}
    /// with legs (b{k-1}-{k}, p{k}, q{k}, b{k}-{k+1}) where p{k} is the input (column, n_k) leg and q{k} the output
    /// (row, m_k) leg; the end cores lack the missing bond. Axes are matched by leg name.
    /// </summary>
    /// <exception cref="ArgumentException">When a core is missing or its legs differ from the convention.</exception>
    /// <example><code>var a = TtMatrix.FromNetwork(NetworkBuilder.TtMatrix(new Generator(0), [2, 3], [4, 5], bondDim: 2)); // 20 × 6</code></example>
    public static TtMatrix FromNetwork(TensorNetwork network) =>
        new(TensorTrainNetworks.Read("TtMatrix.FromNetwork", network, ring: false, k => [$"q{k}", $"p{k}"]));

    /// <summary>The cores G_1..G_N, each r_{k-1} × m_k × n_k × r_k.</summary>
    public IReadOnlyList<Tensor> Cores => _cores;

    /// <summary>The number of mode pairs N.</summary>
    public int Order => _cores.Length;

    /// <summary>The cores' dtype.</summary>
    public DType DType => _cores[0].DType;

    /// <summary>The row mode sizes m_1..m_N.</summary>
    public int[] RowModes => [.. _cores.Select(c => c.Size(1))];

    /// <summary>The column mode sizes n_1..n_N.</summary>
    public int[] ColumnModes => [.. _cores.Select(c => c.Size(2))];

    /// <summary>The matrix shape [Π m_k, Π n_k], for matrices small enough to be formed.</summary>
    /// <exception cref="InvalidOperationException">When Π m_k or Π n_k exceeds <see cref="int.MaxValue"/>, the
    /// largest extent a tensor can have; <see cref="Rows"/> and <see cref="Columns"/> give the sizes then.</exception>
    /// <example><code>Shape s = TtMatrix.Random(new Generator(0), [2, 3], [4, 5], [1, 2, 1]).Shape; // [6, 20]</code></example>
    public Shape Shape => Rows <= int.MaxValue && Columns <= int.MaxValue
        ? new((int)Rows, (int)Columns)
        : throw new InvalidOperationException($"TtMatrix.Shape: the matrix is {Rows} × {Columns}, beyond the largest extent a tensor can have ({int.MaxValue}); use Rows and Columns for its size.");

    /// <summary>The row count Π m_k (up to 2⁶³ − 1).</summary>
    /// <exception cref="OverflowException">When Π m_k exceeds <see cref="long.MaxValue"/>.</exception>
    /// <example><code>long rows = TtMatrix.Random(new Generator(0), [4, 4], [2, 2], [1, 2, 1]).Rows; // 16</code></example>
    public long Rows => RowModes.Aggregate(1L, (p, v) => checked(p * v));

    /// <summary>The column count Π n_k (up to 2⁶³ − 1).</summary>
    /// <exception cref="OverflowException">When Π n_k exceeds <see cref="long.MaxValue"/>.</exception>
    /// <example><code>long columns = TtMatrix.Random(new Generator(0), [4, 4], [2, 2], [1, 2, 1]).Columns; // 4</code></example>
    public long Columns => ColumnModes.Aggregate(1L, (p, v) => checked(p * v));

    /// <summary>The ranks r_0..r_N (length N+1, r_0 = r_N = 1).</summary>
    public int[] Ranks => [1, .. _cores.Select(c => c.Size(3))];

    /// <summary>Stored numbers: Σ_k r_{k-1}·m_k·n_k·r_k.</summary>
    public long ParameterCount => _cores.Sum(c => (long)c.ElementCount);

    /// <summary>Dense size over stored size, (Π m_k·n_k) / Σ_k r_{k-1}·m_k·n_k·r_k.</summary>
    public double CompressionRatio =>
        RowModes.Aggregate(1.0, (p, v) => p * v) * ColumnModes.Aggregate(1.0, (p, v) => p * v) / ParameterCount;

    /// <summary>The dense (Π m_k) × (Π n_k) matrix, contracted through <see cref="ToNetwork"/>. Differentiable in the cores.</summary>
    /// <example><code>Tensor dense = a.ToDense();</code></example>
    public Tensor ToDense()
    {
        string[] legs = [.. Enumerable.Range(0, Order).Select(k => $"q{k}"), .. Enumerable.Range(0, Order).Select(k => $"p{k}")];
        return ToNetwork().Contract(legs).Reshape(Shape.ToArray());
    }

    /// <summary>One entry A[row, column], with row and column split row-major over the modes, without forming the matrix.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the row or column is outside the matrix.</exception>
    /// <example><code>double v = a[3, 7];</code></example>
    public double this[long row, long column]
    {
        get
        {
            int[] i = TensorTrainChecks.Unravel("TtMatrix indexer (row)", row, RowModes);
            int[] j = TensorTrainChecks.Unravel("TtMatrix indexer (column)", column, ColumnModes);
            using var _ = TN.NoGrad();
            Tensor v = _cores[0].Select(1, i[0]).Select(1, j[0]);
            for (int k = 1; k < _cores.Length; k++) v = v.MatMul(_cores[k].Select(1, i[k]).Select(1, j[k]));
            return v.Item();
        }
    }

    /// <summary>The Frobenius norm ‖A‖_F, from the cores.</summary>
    /// <example><code>double n = a.Norm();</code></example>
    public double Norm() => AsTensorTrain().Norm();

    /// <summary>The Frobenius inner product ⟨A, B⟩ = Σ_{i,j} A[i, j]·B[i, j] = tr(AᵀB), from the cores.</summary>
    /// <exception cref="ArgumentException">When the row or column modes or the dtypes differ.</exception>
    /// <example><code>double d = a.Inner(b);</code></example>
    public double Inner(TtMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        TensorTrainChecks.SameModes("TtMatrix.Inner (row modes)", DType, RowModes, other.DType, other.RowModes);
        TensorTrainChecks.SameModes("TtMatrix.Inner (column modes)", DType, ColumnModes, other.DType, other.ColumnModes);
        return TtArithmetic.Dot(AsTensorTrain(), other.AsTensorTrain());
    }

    /// <summary>
    /// The equivalent network in <see cref="NetworkBuilder.TtMatrix"/>'s conventions: cores A{k} with legs
    /// (b{k-1}-{k}, p{k}, q{k}, b{k}-{k+1}) in that axis order, p{k} the column (input) leg and q{k} the row (output)
    /// leg; the boundary bonds are dropped.
    /// </summary>
    /// <example><code>Tensor t = a.ToNetwork().Contract("q0", "q1", "p0", "p1"); // m_0 × m_1 × n_0 × n_1</code></example>
    public TensorNetwork ToNetwork() =>
        TensorTrainNetworks.Build([.. _cores.Select(c => c.Permute(0, 2, 1, 3))], ring: false, k => [$"p{k}", $"q{k}"]);

    /// <summary>Formats as <c>TtMatrix(6 × 20, row modes [2, 3], column modes [4, 5], ranks [1, 3, 1], Float64)</c>.</summary>
    public override string ToString() =>
        $"TtMatrix({Extent(RowModes)} × {Extent(ColumnModes)}, row modes [{string.Join(", ", RowModes)}], column modes [{string.Join(", ", ColumnModes)}], ranks [{string.Join(", ", Ranks)}], {DType})";

    /// <summary>Π of the modes, exactly while it fits a long, else in floating point (e.g. "3.4E+38").</summary>
    private static string Extent(int[] modes)
    {
        long product = 1;
        foreach (int m in modes)
            if (product > long.MaxValue / m) return modes.Aggregate(1.0, (p, v) => p * v).ToString("G3", System.Globalization.CultureInfo.InvariantCulture);
            else product *= m;
        return product.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The same cores viewed as a train over the merged modes m_k·n_k.</summary>
    internal TensorTrain AsTensorTrain() =>
        new([.. _cores.Select(c => c.Reshape(c.Size(0), c.Size(1) * c.Size(2), c.Size(3)))]);

    private static (int[] Rows, int[] Columns) CheckModes(string context, IReadOnlyList<int> rowModes, IReadOnlyList<int> columnModes)
    {
        int[] m = TensorTrainChecks.Modes(context, nameof(rowModes), rowModes);
        int[] n = TensorTrainChecks.Modes(context, nameof(columnModes), columnModes);
        if (m.Length != n.Length)
            throw new ArgumentException($"{context}: {m.Length} row modes [{string.Join(", ", m)}] but {n.Length} column modes [{string.Join(", ", n)}]; they pair up one to one.", nameof(columnModes));
        return (m, n);
    }
}
