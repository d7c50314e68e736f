using System.Numerics;
using System.Runtime.InteropServices;

namespace TensorNetworks;

/// <summary>
/// d = close(x, y) ? 1 : 0 over two operands of equal shape (broadcast beforehand), with close(x, y) =
/// x = y or (|x − y| finite and |x − y| ≤ atol + rtol·|y|), or both NaN when NaNs count as equal. SIMD in blocks,
/// multi-core for large tensors.
/// </summary>
internal static class IsCloseKernel
{
    internal static Tensor Run<T>(Tensor a, Tensor b, T rtol, T atol, bool equalNan) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = Tensor.Uninitialized(a.DType, a.Dims);
        int n = result.ElementCount;
        var body = new Ranges<T>(a.Array<T>(), b.Array<T>(), result.Array<T>(), rtol, atol, equalNan);
        if (n >= Parallelism.ElementwiseGrain) Parallelism.For(n, Parallelism.ElementwiseGrain, body);
        else body.Run(0, n);
        GC.KeepAlive(a);
        GC.KeepAlive(b);
        return result;
    }

    private readonly struct Ranges<T>(T[] x, T[] y, T[] d, T rtol, T atol, bool equalNan) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run(int start, int length)
        {
            ref T rx = ref MemoryMarshal.GetArrayDataReference(x), ry = ref MemoryMarshal.GetArrayDataReference(y), rd = ref MemoryMarshal.GetArrayDataReference(d);
            int i = start, end = start + length;
            if (Vector.IsHardwareAccelerated)
            {
                Vector<T> relative = new(rtol), absolute = new(atol), infinity = new(T.PositiveInfinity);
                for (int w = Vector<T>.Count; i <= end - w; i += w)
                {
                    Vector<T> vx = Vector.LoadUnsafe(ref rx, (nuint)i), vy = Vector.LoadUnsafe(ref ry, (nuint)i);
                    Vector<T> error = Vector.Abs(vx - vy);
                    Vector<T> close = Vector.Equals(vx, vy)
                        | (Vector.LessThan(error, infinity) & Vector.LessThanOrEqual(error, absolute + relative * Vector.Abs(vy)));
                    if (equalNan) close |= ~Vector.Equals(vx, vx) & ~Vector.Equals(vy, vy);
                    (close & Vector<T>.One).StoreUnsafe(ref rd, (nuint)i);
                }
            }
            for (; i < end; i++) d[i] = Close(x[i], y[i]) ? T.One : T.Zero;
        }

        private bool Close(T a, T b)
        {
            if (a == b) return true;
            if (T.IsNaN(a) && T.IsNaN(b)) return equalNan;
            T error = T.Abs(a - b);
            return T.IsFinite(error) && error <= atol + rtol * T.Abs(b);
        }
    }
}
