namespace TensorNetworks;

/// <summary>
/// Walks a multi-index over some axes in row-major order and keeps two linear offsets in step
/// (one per strided view), so that each step costs one add per view instead of a dot product.
/// </summary>
internal ref struct Odometer
{
    private readonly ReadOnlySpan<int> _dims;
    private readonly ReadOnlySpan<int> _stridesA;
    private readonly ReadOnlySpan<int> _stridesB;
    private readonly Span<int> _index;

    /// <summary>Offset in the first view.</summary>
    internal int A;

    /// <summary>Offset in the second view.</summary>
    internal int B;

    /// <summary>Starts at the <paramref name="start"/>-th multi-index (row-major) of <paramref name="dims"/>;
    /// <paramref name="index"/> is scratch space of at least dims.Length ints (stackalloc it).</summary>
    internal Odometer(ReadOnlySpan<int> dims, ReadOnlySpan<int> stridesA, ReadOnlySpan<int> stridesB, Span<int> index, long start)
    {
        _dims = dims;
        _stridesA = stridesA;
        _stridesB = stridesB;
        _index = index[..dims.Length];
        for (int k = dims.Length - 1; k >= 0; k--)
        {
            int i = (int)(start % dims[k]);
            start /= dims[k];
            _index[k] = i;
            A += i * stridesA[k];
            B += i * stridesB[k];
        }
    }

    /// <summary>Moves to the next multi-index (wrapping to zero after the last).</summary>
    internal void Next()
    {
        for (int k = _dims.Length - 1; k >= 0; k--)
        {
            A += _stridesA[k];
            B += _stridesB[k];
            if (++_index[k] < _dims[k]) return;
            A -= _stridesA[k] * _dims[k];
            B -= _stridesB[k] * _dims[k];
            _index[k] = 0;
        }
    }
}
