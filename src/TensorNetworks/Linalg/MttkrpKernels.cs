using System.Numerics;
using System.Numerics.Tensors;

namespace TensorNetworks;

/// <summary>
/// The unrecorded MTTKRP of <see cref="TN.Linalg.Mttkrp"/> and <see cref="TN.Linalg.MttkrpWithRankAxis"/>,
/// on tensors as stored. Every product is M[i, r] = Σ_{l,t} Wₗ[l, r]·P[l, i, t, r]·Wₜ[t, r] over a view
/// L × Iₙ × T × R of P, with Wₗ and Wₜ the Khatri–Rao products of the factors before and after mode n.
/// For the full tensor X, whose rank axis is missing, one GEMM first contracts the larger side of X with its
/// Khatri–Rao factor; that partial then has a rank axis and a single side left to reduce.
/// </summary>
internal static class MttkrpKernels
{
    /// <summary>Mₙ of X (no rank axis); checked arguments, R = <paramref name="rank"/>.</summary>
    internal static Tensor FromTensor(Tensor x, IReadOnlyList<Tensor> factors, int mode, int rank)
    {
        int order = x.Order, size = x.Dims[mode];
        int lead = Product(x.Dims, 0, mode), trail = Product(x.Dims, mode + 1, order);
        if (mode < order - 1 && trail >= lead)
        {
            Tensor partial = TN.MatMulCore(x.Reshape(lead * size, trail), false, KhatriRao(factors, mode + 1, order), false);
            return mode == 0 ? partial : Reduce(partial, KhatriRao(factors, 0, mode), null, lead, size, 1, rank);
        }
        Tensor fromLead = TN.MatMulCore(x.Reshape(lead, size * trail), true, KhatriRao(factors, 0, mode), false);
        return mode == order - 1 ? fromLead : Reduce(fromLead, null, KhatriRao(factors, mode + 1, order), 1, size, trail, rank);
    }

    /// <summary>Mₙ of P (last axis the rank axis); checked arguments.</summary>
    internal static Tensor FromPartial(Tensor partial, IReadOnlyList<Tensor> factors, int mode)
    {
        int order = partial.Order - 1;
        int lead = Product(partial.Dims, 0, mode), trail = Product(partial.Dims, mode + 1, order);
        Tensor? left = mode > 0 ? KhatriRao(factors, 0, mode) : null;
        Tensor? right = mode < order - 1 ? KhatriRao(factors, mode + 1, order) : null;
        return Reduce(partial, left, right, lead, partial.Dims[mode], trail, partial.Dims[order]);
    }

    /// <summary>Π dims[from..to−1] (1 for an empty range).</summary>
    private static int Product(int[] dims, int from, int to)
    {
        long product = 1;
        for (int m = from; m < to; m++) product *= dims[m];
        return checked((int)product);
    }

    /// <summary>A_from ⊙ ⋯ ⊙ A_{to−1} (row-major rows, as <see cref="TN.Linalg.KhatriRao"/>); the factor itself when alone.</summary>
    internal static Tensor KhatriRao(IReadOnlyList<Tensor> factors, int from, int to)
    {
        Tensor product = factors[from];
        for (int m = from + 1; m < to; m++)
            product = product.DType == DType.Float32 ? KhatriRaoPair<float>(product, factors[m]) : KhatriRaoPair<double>(product, factors[m]);
        return product;
    }

    private static Tensor KhatriRaoPair<T>(Tensor a, Tensor b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int p = a.Dims[0], q = b.Dims[0], rank = a.Dims[1];
        var result = Tensor.Uninitialized(a.DType, [p * q, rank]);
        ReadOnlySpan<T> x = a.Span<T>(), y = b.Span<T>();
        Span<T> k = result.Span<T>();
        for (int i = 0; i < p; i++)
        for (int j = 0; j < q; j++)
            TensorPrimitives.Multiply(x.Slice(i * rank, rank), y.Slice(j * rank, rank), k.Slice((i * q + j) * rank, rank));
        GC.KeepAlive(a);
        GC.KeepAlive(b);
        return result;
    }

    /// <summary>M[i, r] = Σ_{l,t} left[l, r]·P[l, i, t, r]·right[t, r] over P viewed as lead × size × trail × rank;
    /// a missing side counts as ones (its extent is then 1).</summary>
    private static Tensor Reduce(Tensor partial, Tensor? left, Tensor? right, int lead, int size, int trail, int rank)
    {
        var result = Tensor.ZerosOf(partial.DType, [size, rank]);
        if (partial.DType == DType.Float32) Reduce<float>(partial, left, right, result, lead, trail);
        else Reduce<double>(partial, left, right, result, lead, trail);
        GC.KeepAlive(partial);
        GC.KeepAlive(left);
        GC.KeepAlive(right);
        return result;
    }

    private static void Reduce<T>(Tensor partial, Tensor? left, Tensor? right, Tensor result, int lead, int trail)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int size = result.Dims[0], rank = result.Dims[1];
        ReadOnlySpan<T> p = partial.Span<T>();
        Span<T> m = result.Span<T>();
        var weights = new T[trail * rank];
        for (int l = 0; l < lead; l++)
        {
            for (int t = 0; t < trail; t++)
            {
                Span<T> w = weights.AsSpan(t * rank, rank);
                if (left is null) w.Fill(T.One);
                else left.Span<T>().Slice(l * rank, rank).CopyTo(w);
                if (right is not null) TensorPrimitives.Multiply(w, right.Span<T>().Slice(t * rank, rank), w);
            }
            for (int i = 0; i < size; i++)
            {
                Span<T> row = m.Slice(i * rank, rank);
                ReadOnlySpan<T> block = p.Slice((l * size + i) * trail * rank, trail * rank);
                for (int t = 0; t < trail; t++)
                    TensorPrimitives.MultiplyAdd(block.Slice(t * rank, rank), weights.AsSpan(t * rank, rank), row, row);
            }
        }
    }
}
