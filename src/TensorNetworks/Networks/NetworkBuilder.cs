namespace TensorNetworks;

/// <summary>
/// Builders of the standard topologies with seeded random cores (normal entries times
/// <c>scale</c>). Leg names follow one convention: physical legs <c>p{site}</c>, chain bonds
/// <c>b{i}-{i+1}</c>, TT-matrix output legs <c>q{site}</c>; cores are named <c>A{site}</c> unless said.
/// </summary>
/// <example><code>
/// var gen = new Generator(0);
/// TensorNetwork mps = NetworkBuilder.TensorTrain(gen, [2, 2, 2, 2], bondDim: 4);
/// Tensor dense = mps.Contract(); // shape [2, 2, 2, 2]
/// </code></example>
public static class NetworkBuilder
{
    /// <summary>
    /// A tensor train (MPS): cores A{k} with legs (b{k-1}-{k}, p{k}, b{k}-{k+1}); the end cores omit the
    /// missing bond. W[p0..pN-1] = A0[p0] · A1[p1] ⋯ AN-1[pN-1].
    /// </summary>
    /// <exception cref="ArgumentException">When there are no sites or a size is not positive.</exception>
    public static TensorNetwork TensorTrain(Generator generator, int[] physicalDims, int bondDim, DType dtype = DType.Float64, double scale = 1.0)
        => TensorTrain(generator, physicalDims, Uniform(physicalDims.Length - 1, bondDim), dtype, scale);

    /// <summary>A tensor train with bond extents <paramref name="bondDims"/>[k] between sites k and k+1.</summary>
    public static TensorNetwork TensorTrain(Generator generator, int[] physicalDims, int[] bondDims, DType dtype = DType.Float64, double scale = 1.0)
    {
        Check(physicalDims, "physicalDims", 1);
        Check(bondDims, "bondDims", 0);
        if (bondDims.Length != physicalDims.Length - 1)
            throw new ArgumentException($"TensorTrain: {physicalDims.Length} sites need {physicalDims.Length - 1} bond dimensions, got {bondDims.Length}.");
        var net = new TensorNetwork();
        int n = physicalDims.Length;
        for (int k = 0; k < n; k++)
        {
            var legs = new List<string>();
            var dims = new List<int>();
            if (k > 0) { legs.Add(Bond(k - 1)); dims.Add(bondDims[k - 1]); }
            legs.Add($"p{k}"); dims.Add(physicalDims[k]);
            if (k < n - 1) { legs.Add(Bond(k)); dims.Add(bondDims[k]); }
            net.Add($"A{k}", Random(generator, dtype, scale, [.. dims]), [.. legs]);
        }
        return net;
    }

    /// <summary>
    /// A TT-matrix (MPO) mapping ⊗ p{k} (input extents <paramref name="inputDims"/>) to ⊗ q{k}
    /// (<paramref name="outputDims"/>): cores A{k} with legs (b{k-1}-{k}, p{k}, q{k}, b{k}-{k+1}).
    /// </summary>
    /// <exception cref="ArgumentException">When the mode counts differ or a size is not positive.</exception>
    public static TensorNetwork TtMatrix(Generator generator, int[] inputDims, int[] outputDims, int bondDim, DType dtype = DType.Float64, double scale = 1.0)
    {
        Check(inputDims, "inputDims", 1);
        Check(outputDims, "outputDims", 1);
        CheckBondDim(bondDim);
        if (inputDims.Length != outputDims.Length)
            throw new ArgumentException($"TtMatrix: {inputDims.Length} input modes but {outputDims.Length} output modes; they pair up one to one.");
        var net = new TensorNetwork();
        int n = inputDims.Length;
        for (int k = 0; k < n; k++)
        {
            var legs = new List<string>();
            var dims = new List<int>();
            if (k > 0) { legs.Add(Bond(k - 1)); dims.Add(bondDim); }
            legs.Add($"p{k}"); dims.Add(inputDims[k]);
            legs.Add($"q{k}"); dims.Add(outputDims[k]);
            if (k < n - 1) { legs.Add(Bond(k)); dims.Add(bondDim); }
            net.Add($"A{k}", Random(generator, dtype, scale, [.. dims]), [.. legs]);
        }
        return net;
    }

    /// <summary>
    /// A CP network: factors U{k} with legs (p{k}, r), all sharing the hyperedge r of extent
    /// <paramref name="rank"/>. W[p0..] = Σ_r Π_k U{k}[p{k}, r].
    /// </summary>
    public static TensorNetwork Cp(Generator generator, int[] dims, int rank, DType dtype = DType.Float64, double scale = 1.0)
    {
        Check(dims, "dims", 1);
        Check([rank], "rank", 1);
        var net = new TensorNetwork();
        for (int k = 0; k < dims.Length; k++) net.Add($"U{k}", Random(generator, dtype, scale, dims[k], rank), $"p{k}", "r");
        return net;
    }

    /// <summary>
    /// A Tucker network: core G with legs r{k} and factors U{k} with legs (p{k}, r{k}).
    /// W = G ×₁ U0 ×₂ U1 ⋯.
    /// </summary>
    /// <exception cref="ArgumentException">When dims and ranks differ in length or a size is not positive.</exception>
    public static TensorNetwork Tucker(Generator generator, int[] dims, int[] ranks, DType dtype = DType.Float64, double scale = 1.0)
    {
        Check(dims, "dims", 1);
        Check(ranks, "ranks", 1);
        if (dims.Length != ranks.Length)
            throw new ArgumentException($"Tucker: {dims.Length} modes but {ranks.Length} ranks.");
        var net = new TensorNetwork();
        net.Add("G", Random(generator, dtype, scale, ranks), [.. ranks.Select((_, k) => $"r{k}")]);
        for (int k = 0; k < dims.Length; k++) net.Add($"U{k}", Random(generator, dtype, scale, dims[k], ranks[k]), $"p{k}", $"r{k}");
        return net;
    }

    /// <summary>
    /// A tensor ring: cores A{k} with legs (b{k-1}-{k}, p{k}, b{k}-{k+1}), indices modulo N, so the last
    /// core closes the ring. W[p0..] = Tr(A0[p0] ⋯ AN-1[pN-1]).
    /// </summary>
    /// <exception cref="ArgumentException">When there are fewer than 2 sites or a size is not positive.</exception>
    public static TensorNetwork TensorRing(Generator generator, int[] physicalDims, int bondDim, DType dtype = DType.Float64, double scale = 1.0)
    {
        Check(physicalDims, "physicalDims", 1);
        CheckBondDim(bondDim);
        if (physicalDims.Length < 2) throw new ArgumentException("TensorRing: a ring needs at least 2 sites.");
        int n = physicalDims.Length;
        var net = new TensorNetwork();
        for (int k = 0; k < n; k++)
        {
            string left = $"b{(k + n - 1) % n}-{k}", right = $"b{k}-{(k + 1) % n}";
            net.Add($"A{k}", Random(generator, dtype, scale, bondDim, physicalDims[k], bondDim), left, $"p{k}", right);
        }
        return net;
    }

    /// <summary>
    /// A binary tree: leaves A{k} with legs (p{k}, t{k}); internal nodes join two children's top legs
    /// into a new top leg of extent <paramref name="bondDim"/>; the root carries no top leg.
    /// </summary>
    /// <exception cref="ArgumentException">When there are fewer than 2 leaves or a size is not positive.</exception>
    public static TensorNetwork BinaryTree(Generator generator, int[] leafDims, int bondDim, DType dtype = DType.Float64, double scale = 1.0)
    {
        Check(leafDims, "leafDims", 1);
        CheckBondDim(bondDim);
        if (leafDims.Length < 2) throw new ArgumentException("BinaryTree: a tree needs at least 2 leaves.");
        var net = new TensorNetwork();
        var tops = new List<string>();
        for (int k = 0; k < leafDims.Length; k++)
        {
            net.Add($"A{k}", Random(generator, dtype, scale, leafDims[k], bondDim), $"p{k}", $"t{k}");
            tops.Add($"t{k}");
        }
        int next = leafDims.Length, node = 0;
        while (tops.Count > 1)
        {
            var level = new List<string>();
            for (int i = 0; i + 1 < tops.Count; i += 2)
            {
                bool root = tops.Count == 2;
                string top = $"t{next++}";
                Tensor t = root ? Random(generator, dtype, scale, bondDim, bondDim) : Random(generator, dtype, scale, bondDim, bondDim, bondDim);
                net.Add($"N{node++}", t, root ? [tops[i], tops[i + 1]] : [tops[i], tops[i + 1], top]);
                if (!root) level.Add(top);
            }
            if (tops.Count % 2 == 1) level.Add(tops[^1]);
            tops = level;
        }
        return net;
    }

    /// <summary>
    /// A PEPS grid of <paramref name="rows"/>×<paramref name="cols"/> sites A{s} (s = row·cols + col) with
    /// physical legs p{s} and bonds b{s}-{s+1} (right) and b{s}-{s+cols} (down).
    /// </summary>
    public static TensorNetwork PepsGrid(Generator generator, int rows, int cols, int physicalDim, int bondDim, DType dtype = DType.Float64, double scale = 1.0)
    {
        Check([rows, cols, physicalDim, bondDim], "rows, cols, physicalDim and bondDim", 1);
        var net = new TensorNetwork();
        for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
        {
            int s = r * cols + c;
            var legs = new List<string> { $"p{s}" };
            if (r > 0) legs.Add($"b{s - cols}-{s}");
            if (c > 0) legs.Add($"b{s - 1}-{s}");
            if (c < cols - 1) legs.Add($"b{s}-{s + 1}");
            if (r < rows - 1) legs.Add($"b{s}-{s + cols}");
            int[] dims = [physicalDim, .. Enumerable.Repeat(bondDim, legs.Count - 1)];
            net.Add($"A{s}", Random(generator, dtype, scale, dims), [.. legs]);
        }
        return net;
    }

    /// <summary>The conventional name of the bond between chain sites i and i+1.</summary>
    public static string Bond(int i) => $"b{i}-{i + 1}";

    private static Tensor Random(Generator g, DType dtype, double scale, params int[] dims) => TN.Randn(g, dtype, dims) * scale;

    private static int[] Uniform(int count, int value) => [.. Enumerable.Repeat(value, Math.Max(0, count))];

    private static void CheckBondDim(int bondDim)
    {
        if (bondDim <= 0) throw new ArgumentException($"bondDim = {bondDim}; sizes must be positive.", nameof(bondDim));
    }

    private static void Check(int[] values, string name, int minCount)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Length < minCount) throw new ArgumentException($"{name} needs at least {minCount} value(s).");
        for (int i = 0; i < values.Length; i++)
            if (values[i] <= 0) throw new ArgumentException($"{name}[{i}] = {values[i]}; sizes must be positive.");
    }
}
