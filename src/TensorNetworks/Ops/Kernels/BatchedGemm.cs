using TensorNetworks.Backends;

namespace TensorNetworks;

/// <summary>
/// C[b] = op(A[b]) · op(B[b]) over equal batches of row-major matrices, where op transposes when
/// asked: the single entry point from ops to the BLAS backend.
/// </summary>
internal static class BatchedGemm
{
    /// <summary>Multiplies 2-D or equal-batch 3-D tensors; transposition is a flag, never a copy.</summary>
    internal static Tensor Run(Tensor a, bool transA, Tensor b, bool transB)
    {
        bool batched = a.Order == 3;
        int batch = batched ? a.Dims[0] : 1;
        int ar = a.Dims[^2], ac = a.Dims[^1], br = b.Dims[^2], bc = b.Dims[^1];
        int m = transA ? ac : ar, k = transA ? ar : ac, n = transB ? br : bc;
        int[] dims = batched ? [batch, m, n] : [m, n];
        var c = Tensor.Uninitialized(a.DType, dims);
        if (a.DType == DType.Float32) Multiply<float>(a, transA, b, transB, c, batch, m, n, k, ac, bc);
        else Multiply<double>(a, transA, b, transB, c, batch, m, n, k, ac, bc);
        return c;
    }

    private static void Multiply<T>(Tensor a, bool transA, Tensor b, bool transB, Tensor c, int batch, int m, int n, int k, int lda, int ldb)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        T[] x = a.Array<T>(), y = b.Array<T>(), z = c.Array<T>();
        int sa = m * k, sb = k * n, sc = m * n;
        IBlas blas = Backend.Blas;
        if (k == 0)
        {
            z.AsSpan(0, c.ElementCount).Clear();
            return;
        }
        for (int i = 0; i < batch; i++)
        {
            if (typeof(T) == typeof(float))
                blas.Gemm(transA, transB, m, n, k, 1f, System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(x.AsSpan(i * sa, sa)), lda,
                    System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(y.AsSpan(i * sb, sb)), ldb, 0f,
                    System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(z.AsSpan(i * sc, sc)), n);
            else
                blas.Gemm(transA, transB, m, n, k, 1.0, System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(x.AsSpan(i * sa, sa)), lda,
                    System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(y.AsSpan(i * sb, sb)), ldb, 0.0,
                    System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(z.AsSpan(i * sc, sc)), n);
        }
    }
}
