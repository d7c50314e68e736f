using System.Collections;

namespace TensorNetworks;

/// <summary>
/// The immutable extents of a tensor's axes, outermost first (row-major). <c>Shape</c> wraps an
/// <see cref="int"/> array that is never mutated, so it is cheap to pass around and compare.
/// </summary>
/// <example><code>
/// var s = new Shape(2, 3, 4);
/// int n = s.ElementCount;     // 24
/// Console.WriteLine(s);       // [2, 3, 4]
/// </code></example>
public readonly struct Shape : IReadOnlyList<int>, IEquatable<Shape>
{
    private readonly int[]? _dims;

    /// <summary>Creates a shape from its extents; every extent must be non-negative.</summary>
    /// <exception cref="ArgumentException">When an extent is negative.</exception>
    public Shape(params int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        for (int i = 0; i < dims.Length; i++)
        {
            if (dims[i] < 0)
                throw new ArgumentException($"Shape [{string.Join(", ", dims)}] has a negative extent {dims[i]} at axis {i}; extents must be >= 0.", nameof(dims));
        }
        _dims = (int[])dims.Clone();
    }

    private Shape(int[] dims, bool _) => _dims = dims;

    internal static Shape Wrap(int[] dims) => new(dims, false);

    internal int[] Dims => _dims ?? [];

    /// <summary>Number of axes (the tensor's order; PyTorch's <c>ndim</c>).</summary>
    public int Count => Dims.Length;

    /// <summary>The extent of axis <paramref name="axis"/>; negative values count from the end.</summary>
    public int this[int axis] => Dims[Normalize(axis)];

    /// <summary>Product of the extents: Π_i shape[i] (1 for a scalar).</summary>
    public int ElementCount => ElementCountOf(Dims);

    internal int Normalize(int axis)
    {
        int n = Dims.Length;
        int a = axis < 0 ? axis + n : axis;
        if ((uint)a >= (uint)n)
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"Axis {axis} is out of range for shape {this}; {(n == 0 ? "a 0-d tensor has no axes" : $"valid axes are {-n}..{n - 1}")}.");
        return a;
    }

    internal static int ElementCountOf(ReadOnlySpan<int> dims)
    {
        long n = 1;
        foreach (int d in dims)
        {
            n *= d;
            if (n > Array.MaxLength)
                throw new ArgumentException($"Shape [{string.Join(", ", dims.ToArray())}] has more than {Array.MaxLength} elements.");
        }
        return (int)n;
    }

    /// <summary>Copies the extents into a new array.</summary>
    public int[] ToArray() => (int[])Dims.Clone();

    /// <inheritdoc/>
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)Dims).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(Shape other) => Dims.AsSpan().SequenceEqual(other.Dims);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Shape s && Equals(s);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (int d in Dims) h.Add(d);
        return h.ToHashCode();
    }

    /// <summary>Formats as <c>[2, 3, 4]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", Dims) + "]";

    /// <summary>Extent-wise equality.</summary>
    public static bool operator ==(Shape left, Shape right) => left.Equals(right);

    /// <summary>Extent-wise inequality.</summary>
    public static bool operator !=(Shape left, Shape right) => !left.Equals(right);

    /// <summary>Converts an extent array to a shape (the array is copied).</summary>
    public static implicit operator Shape(int[] dims) => new(dims);
}
