using System.Numerics;

namespace TensorNetworks;

/// <summary>A scalar function of two arguments, for elementwise maps that TensorPrimitives lacks.</summary>
internal interface IScalarFunction<T>
{
    static abstract T Invoke(T x, T y);
}

/// <summary>Lifts an <see cref="IScalarFunction{T}"/> to an <see cref="IBinaryOp{T}"/> with plain loops,
/// so that it runs through <see cref="BinaryKernel"/> with broadcasting.</summary>
internal readonly struct ScalarBinaryOp<T, TF> : IBinaryOp<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TF : IScalarFunction<T>
{
    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = TF.Invoke(x[i], y[i]);
    }

    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = TF.Invoke(x[i], y);
    }

    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = TF.Invoke(x, y[i]);
    }
}
