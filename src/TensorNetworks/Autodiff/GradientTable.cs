namespace TensorNetworks;

/// <summary>
/// The gradients a backward pass has gathered so far, one per tensor, each marked <c>owned</c> when the
/// pass holds its storage exclusively: a vector-Jacobian product created it during this pass and nothing
/// else (the caller, another gradient, a saved tensor) reads it. Owned gradients take further terms in
/// place and go to a leaf's <see cref="Tensor.Grad"/> without a copy; others are never written.
/// </summary>
internal sealed class GradientTable
{
    private readonly Dictionary<Tensor, (Tensor Gradient, bool Owned)> _entries;

    internal GradientTable(int capacity) => _entries = new(capacity, ReferenceEqualityComparer.Instance);

    /// <summary>Adds <paramref name="gradient"/> to the gradient of <paramref name="t"/> (its shape and dtype).</summary>
    internal void Accumulate(Tensor t, Tensor gradient, bool owned)
    {
        _entries[t] = _entries.TryGetValue(t, out var existing)
            ? Sum(existing, (gradient, owned))
            : (gradient, owned);
    }

    /// <summary>Takes the finished gradient of <paramref name="t"/> out of the table.</summary>
    internal bool Remove(Tensor t, out Tensor gradient, out bool owned)
    {
        bool found = _entries.Remove(t, out var entry);
        (gradient, owned) = entry;
        return found;
    }

    /// <summary>a + b, written into whichever operand the pass owns when there is one.</summary>
    internal static (Tensor Gradient, bool Owned) Sum((Tensor Gradient, bool Owned) a, (Tensor Gradient, bool Owned) b)
    {
        bool distinct = !a.Gradient.SharesStorageWith(b.Gradient) && a.Gradient.Shape.Equals(b.Gradient.Shape);
        if (distinct && a.Owned)
        {
            BinaryKernel.AddInPlace(a.Gradient, b.Gradient);
            return a;
        }
        if (distinct && b.Owned)
        {
            BinaryKernel.AddInPlace(b.Gradient, a.Gradient);
            return b;
        }
        return (a.Gradient + b.Gradient, true);
    }
}
