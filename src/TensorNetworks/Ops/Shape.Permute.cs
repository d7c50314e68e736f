namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>
    /// Reorders the axes: axis k of the result is axis <paramref name="axes"/>[k] of this tensor, so
    /// result[i_0, …, i_{n-1}] = this[j] with j[axes[k]] = i_k. The result is a new contiguous tensor made
    /// by a cache-blocked transpose; when the axes of extent greater than 1 keep their order it is a view.
    /// The gradient is permuted back by the inverse permutation.
    /// </summary>
    /// <param name="axes">Every axis once, in the new order; negative axes count from the end.</param>
    /// <exception cref="ArgumentException">When <paramref name="axes"/> does not list every axis exactly once.</exception>
    /// <example><code>
    /// Tensor x = TN.Zeros(2, 3, 4);
    /// Tensor y = x.Permute(2, 0, 1);   // shape [4, 2, 3]
    /// </code></example>
    public Tensor Permute(params int[] axes)
    {
        int[] permutation = CheckPermutation(axes);
        int[] strides = StridesOf(Dims);
        var dims = new int[permutation.Length];
        var sourceStrides = new int[permutation.Length];
        for (int k = 0; k < permutation.Length; k++)
        {
            dims[k] = Dims[permutation[k]];
            sourceStrides[k] = strides[permutation[k]];
        }
        if (KeepsElementOrder(permutation)) return View(dims, "Permute");

        Tensor result = StridedCopy.Gather(this, 0, dims, sourceStrides);
        if (Autograd.ShouldRecord(this)) RecordPermute(result, permutation);
        return result;
    }

    private void RecordPermute(Tensor result, int[] permutation)
    {
        var inverse = new int[permutation.Length];
        for (int k = 0; k < permutation.Length; k++) inverse[permutation[k]] = k;
        Autograd.Record(result, this, g => g.Permute(inverse), "Permute", savesValues: false);
    }

    /// <summary>
    /// Swaps two axes: <c>Permute</c> with <paramref name="axis0"/> and <paramref name="axis1"/> exchanged
    /// (a copy unless one of them has extent 1). The gradient is transposed back.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When an axis is out of range.</exception>
    /// <example><code>Tensor t = TN.Zeros(2, 3).Transpose(0, 1); // shape [3, 2]</code></example>
    public Tensor Transpose(int axis0, int axis1)
    {
        int a = NormalizeAxis(axis0, "Transpose"), b = NormalizeAxis(axis1, "Transpose");
        int[] permutation = AllAxes();
        (permutation[a], permutation[b]) = (permutation[b], permutation[a]);
        return Permute(permutation);
    }

    private int[] CheckPermutation(int[] axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        int n = Dims.Length;
        if (axes.Length != n)
            throw new ArgumentException($"Permute: [{string.Join(", ", axes)}] lists {axes.Length} axes but shape {Shape} has {n}; list every axis once, e.g. [{string.Join(", ", Enumerable.Range(0, n).Reverse())}].", nameof(axes));
        var permutation = new int[n];
        for (int k = 0; k < n; k++)
        {
            permutation[k] = axes[k] < 0 ? axes[k] + n : axes[k];
            if ((uint)permutation[k] >= (uint)n)
                throw new ArgumentException($"Permute: axis {axes[k]} in [{string.Join(", ", axes)}] is out of range for shape {Shape}; valid axes are {-n}..{n - 1}.", nameof(axes));
        }
        for (int k = 1; k < n; k++)
            if (System.Array.IndexOf(permutation, permutation[k], 0, k) >= 0) ThrowRepeatedAxis(axes, permutation, permutation[k]);
        return permutation;
    }

    private void ThrowRepeatedAxis(int[] axes, int[] permutation, int repeated)
    {
        int missing = 0;
        while (System.Array.IndexOf(permutation, missing) >= 0) missing++;
        throw new ArgumentException($"Permute: axis {repeated} appears twice in [{string.Join(", ", axes)}] and axis {missing} is missing; list every axis of shape {Shape} exactly once.", nameof(axes));
    }

    /// <summary>True when the axes of extent greater than 1 stay in increasing order, so the flat layout is unchanged.</summary>
    private bool KeepsElementOrder(int[] permutation)
    {
        int previous = -1;
        foreach (int a in permutation)
        {
            if (Dims[a] == 1) continue;
            if (a < previous) return false;
            previous = a;
        }
        return true;
    }
}
