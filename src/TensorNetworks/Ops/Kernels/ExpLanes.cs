using System.Numerics;
using System.Runtime.Intrinsics;

namespace TensorNetworks;

/// <summary>exp of the lanes of one 512-bit vector, each lane's result depending on that lane alone.</summary>
internal interface IExpLanes<T> where T : unmanaged
{
    static abstract Vector512<T> Exp(Vector512<T> x);
}

/// <summary>y = exp(x) lane by lane, for <see cref="LaneMap"/>.</summary>
internal readonly struct ExponentialLanes<TExp, T> : ILaneFunction<T>
    where TExp : IExpLanes<T>
    where T : unmanaged
{
    public Vector512<T> Of(Vector512<T> x) => TExp.Exp(x);
}

/// <summary>
/// y = 1 / (1 + exp(−x)) lane by lane, as 1 / (1 + e) for x ≥ 0 and e / (1 + e) below, with e = exp(−|x|), so that
/// neither overflows and a very negative x keeps its small (even subnormal) result, for <see cref="LaneMap"/>.
/// </summary>
internal readonly struct LogisticLanes<TExp, T> : ILaneFunction<T>
    where TExp : IExpLanes<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public Vector512<T> Of(Vector512<T> x)
    {
        var e = TExp.Exp(-Vector512.Abs(x));
        var numerator = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<T>.Zero), Vector512<T>.One, e);
        return numerator / (Vector512<T>.One + e);
    }
}
