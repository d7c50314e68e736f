namespace TensorNetworks;

/// <summary>Cutting a tensor into consecutive pieces along an axis.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// Cuts the tensor along <paramref name="axis"/> into pieces of <paramref name="splitSize"/> entries, the last one
    /// shorter when the extent is not a multiple, PyTorch's <c>split(int, dim)</c>. An empty axis gives one empty piece.
    /// Each piece is a <see cref="Narrow(int, int, int)"/> (a copy, a view when it is the whole axis; PyTorch's pieces
    /// are always views) and carries its own gradient.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the axis is out of range or <paramref name="splitSize"/> is not positive.</exception>
    /// <example><code>Tensor[] parts = TN.Arange(5).Split(2); // [0, 1], [2, 3], [4]</code></example>
    public Tensor[] Split(int splitSize, int axis = 0)
    {
        int a = NormalizeAxis(axis, "Split");
        if (splitSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(splitSize), splitSize, $"Split: split size {splitSize} must be at least 1 (axis {axis} has extent {Dims[a]}).");
        int extent = Dims[a];
        int count = Math.Max(1, (extent + splitSize - 1) / splitSize);
        var sizes = new int[count];
        for (int i = 0; i < count; i++) sizes[i] = Math.Min(splitSize, extent - i * splitSize);
        return Pieces(a, sizes);
    }

    /// <summary>
    /// Cuts the tensor along <paramref name="axis"/> into consecutive pieces of the given sizes, which must add up to the
    /// axis's extent, PyTorch's <c>split(list, dim)</c>. Sizes of 0 give empty pieces. Pieces as in <see cref="Split(int, int)"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the axis is out of range.</exception>
    /// <exception cref="ArgumentException">When the list is empty, a size is negative or the sizes do not add up to the extent.</exception>
    /// <example><code>Tensor[] parts = TN.Zeros(2, 5).Split([1, 4], axis: 1); // shapes [2, 1] and [2, 4]</code></example>
    public Tensor[] Split(int[] sizes, int axis = 0)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        int a = NormalizeAxis(axis, "Split");
        long total = 0;
        foreach (int s in sizes)
        {
            if (s < 0)
                throw new ArgumentException($"Split: size {s} in [{string.Join(", ", sizes)}] is negative; sizes must be >= 0.", nameof(sizes));
            total += s;
        }
        if (sizes.Length == 0 || total != Dims[a])
            throw new ArgumentException($"Split: sizes [{string.Join(", ", sizes)}] add up to {total}, but axis {axis} of shape {Shape} has extent {Dims[a]}; they must add up to it.", nameof(sizes));
        return Pieces(a, sizes);
    }

    /// <summary>
    /// Cuts the tensor along <paramref name="axis"/> into at most <paramref name="chunks"/> pieces of ⌈extent / chunks⌉
    /// entries (the last shorter), PyTorch's <c>chunk</c>: like PyTorch it may return fewer pieces than asked
    /// (an extent of 5 in 4 chunks gives sizes 2, 2, 1), and an empty axis gives <paramref name="chunks"/> empty pieces.
    /// Pieces as in <see cref="Split(int, int)"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the axis is out of range or <paramref name="chunks"/> is not positive.</exception>
    /// <example><code>Tensor[] halves = TN.Arange(6).Chunk(2); // [0, 1, 2], [3, 4, 5]</code></example>
    public Tensor[] Chunk(int chunks, int axis = 0)
    {
        int a = NormalizeAxis(axis, "Chunk");
        if (chunks <= 0)
            throw new ArgumentOutOfRangeException(nameof(chunks), chunks, $"Chunk: chunks {chunks} must be at least 1.");
        int extent = Dims[a];
        if (extent == 0) return Pieces(a, new int[chunks]);
        return Split((extent + chunks - 1) / chunks, axis);
    }

    private Tensor[] Pieces(int axis, int[] sizes)
    {
        var pieces = new Tensor[sizes.Length];
        for (int i = 0, start = 0; i < sizes.Length; start += sizes[i], i++) pieces[i] = Narrow(axis, start, sizes[i]);
        return pieces;
    }
}
