using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TensorNetworks;

/// <summary>
/// exp (and the sigmoid built on it) of float64 spans, eight lanes at a time: n = round(x·log₂e), r = x − n·ln 2 (ln 2
/// in two parts, |r| ≤ ln 2 / 2), exp(r) ≈ 1 + r + r²·q(r) with q of degree 9 (fitted to exp's relative error on
/// [−ln 2 / 2, ln 2 / 2], 1.2e-17), and exp(x) = 2ⁿ·exp(r), the power of two added to the exponent field. Results are
/// within 1 ulp of the correctly rounded value (overflow to +∞ above 709.78, gradual underflow to 0 below −745.13, NaN
/// kept) and exp(0) = 1 exactly.
/// <para>
/// As in <see cref="SingleExp"/>, every element goes through the same vector code (<see cref="LaneMap"/>), so its value
/// depends on its input alone; a vector with some |x| above 708 (or NaN) scales by 2^⌊n/2⌋·2^(n−⌊n/2⌋) instead, which
/// gives the lanes inside the range the same bits. TensorPrimitives' float64 exp falls back to the scalar exp for a
/// whole vector when one lane lies beyond ±708, so its lanes depended on their neighbours, and the chunked, bound-checked
/// path that kept them apart took 1,010 µs for 1M elements on one core (TensorPrimitives alone 650); this one takes 550.
/// </para>
/// </summary>
/// <example><code>DoubleExp.Exp(x, y); // y[i] = exp(x[i]); y may be x
/// DoubleExp.Sigmoid(x, y); // y[i] = 1 / (1 + exp(−x[i]))</code></example>
internal static class DoubleExp
{
    private const double Log2E = 1.4426950408889634;

    /// <summary>ln 2 to 32 bits, so n·<see cref="Ln2High"/> is exact for |n| ≤ 2²¹.</summary>
    private const double Ln2High = 6.93147180369123816490e-01;

    private const double Ln2Low = 1.90821492927058770002e-10;

    /// <summary>1.5·2⁵²: adding it rounds a float64 of magnitude below 2⁵¹ to an integer held in the low mantissa bits.</summary>
    private const double RoundingShift = 6755399441055744.0;

    /// <summary>The bits of <see cref="RoundingShift"/>; subtracting them from the shifted value's bits leaves n.</summary>
    private const long RoundingShiftBits = 0x4338000000000000;

    /// <summary>The largest |x| whose exp is a normal float64 for the exponent-field shortcut.</summary>
    private const double NormalRange = 708;

    /// <summary>exp is 0 below this and +∞ above <see cref="Overflow"/>; clamping keeps n a small integer.</summary>
    private const double Underflow = -746, Overflow = 710;

    private const double Q0 = 0.5000000000000012, Q1 = 0.16666666666666483, Q2 = 0.04166666666651632,
        Q3 = 0.008333333333451456, Q4 = 0.001388888894667895, Q5 = 0.00019841269597057248, Q6 = 2.4801490346015594e-05,
        Q7 = 2.755750735005111e-06, Q8 = 2.7631125553978643e-07, Q9 = 2.5024621985015987e-08;

    /// <summary>y = exp(x); <paramref name="y"/> may be <paramref name="x"/>.</summary>
    internal static void Exp(ReadOnlySpan<double> x, Span<double> y) => LaneMap.Run(x, y, new ExponentialLanes<Lanes, double>());

    /// <summary>
    /// y = 1 / (1 + exp(−x)), as 1 / (1 + e) for x ≥ 0 and e / (1 + e) below, with e = exp(−|x|), so that neither
    /// overflows and a very negative x keeps its small result.
    /// </summary>
    internal static void Sigmoid(ReadOnlySpan<double> x, Span<double> y) => LaneMap.Run(x, y, new LogisticLanes<Lanes, double>());

    /// <summary>This kernel's exp, for <see cref="ExponentialLanes{TExp, T}"/> and <see cref="LogisticLanes{TExp, T}"/>.</summary>
    private readonly struct Lanes : IExpLanes<double>
    {
        public static Vector512<double> Exp(Vector512<double> x) => Of(x);
    }

    /// <summary>exp of eight lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Of(Vector512<double> x)
    {
        if (Vector512.LessThanOrEqualAll(Vector512.Abs(x), Vector512.Create(NormalRange)))
        {
            var shifted = Vector512.MultiplyAddEstimate(x, Vector512.Create(Log2E), Vector512.Create(RoundingShift));
            var p = Reduced(x, shifted);
            return (p.AsInt64() + Vector512.ShiftLeft(shifted.AsInt64(), 52)).AsDouble();
        }
        return Scaled(x);
    }

    /// <summary>exp of lanes any of which may lie outside ±<see cref="NormalRange"/> or be NaN.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<double> Scaled(Vector512<double> x)
    {
        var clamped = Vector512.MinNative(Vector512.MaxNative(x, Vector512.Create(Underflow)), Vector512.Create(Overflow));
        var shifted = Vector512.MultiplyAddEstimate(clamped, Vector512.Create(Log2E), Vector512.Create(RoundingShift));
        var p = Reduced(clamped, shifted);
        var n = shifted.AsInt64() - Vector512.Create(RoundingShiftBits);
        var half = Vector512.ShiftRightArithmetic(n, 1);
        var y = p * PowerOfTwo(half) * PowerOfTwo(n - half);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), y, x);
    }

    /// <summary>exp(r) for r = x − n·ln 2, n being held in <paramref name="shifted"/> = x·log₂e + 1.5·2⁵².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Reduced(Vector512<double> x, Vector512<double> shifted)
    {
        var minusN = Vector512.Create(RoundingShift) - shifted;
        var r = Vector512.MultiplyAddEstimate(minusN, Vector512.Create(Ln2High), x);
        r = Vector512.MultiplyAddEstimate(minusN, Vector512.Create(Ln2Low), r);
        var r2 = r * r;
        var high = Vector512.MultiplyAddEstimate(Vector512.Create(Q9), r, Vector512.Create(Q8));
        high = Vector512.MultiplyAddEstimate(high, r, Vector512.Create(Q7));
        high = Vector512.MultiplyAddEstimate(high, r, Vector512.Create(Q6));
        high = Vector512.MultiplyAddEstimate(high, r, Vector512.Create(Q5));
        var low = Vector512.MultiplyAddEstimate(Vector512.Create(Q4), r, Vector512.Create(Q3));
        low = Vector512.MultiplyAddEstimate(low, r, Vector512.Create(Q2));
        low = Vector512.MultiplyAddEstimate(low, r, Vector512.Create(Q1));
        low = Vector512.MultiplyAddEstimate(low, r, Vector512.Create(Q0));
        var r5 = r2 * r2 * r;
        var q = Vector512.MultiplyAddEstimate(high, r5, low);
        return Vector512.MultiplyAddEstimate(q, r2, r) + Vector512<double>.One;
    }

    /// <summary>2^k for −1022 ≤ k ≤ 1023.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> PowerOfTwo(Vector512<long> k) => Vector512.ShiftLeft(k + Vector512.Create(1023L), 52).AsDouble();
}
