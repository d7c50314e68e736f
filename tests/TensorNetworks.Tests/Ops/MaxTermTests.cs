using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class MaxTermTests
{
    public static TheoryData<int> Lengths() => new() { 0, 1, 7, 31, 32, 33, 64, 65, 1000, 1027 };

    private static double[] RandomLine(int length, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => random.NextDouble() * 20 - 10)];
    }

    private static void AssertShift<T>(double[] line, double expected) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        T[] x = [.. line.Select(T.CreateTruncating)];
        T shift = MaxTerm.ShiftOf<T>(x);
        Assert.Equal(T.CreateTruncating(expected), shift);
        if (expected == 0) Assert.False(T.IsNegative(shift), "a zero shift must be +0");
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ShiftOf_IsTheMaximumOfARandomLineWhereverItLies(int length)
    {
        // The maximum in the first element, the last one, and the vector part and tail in between.
        for (int at = 0; at < length; at += Math.Max(1, length / 7))
        {
            double[] line = RandomLine(length, length + at);
            line[at] = 11;
            AssertShift<float>(line, 11);
            AssertShift<double>(line, 11);
        }
        AssertShift<float>(RandomLine(length, 5).Select(v => v - 20).ToArray(), length == 0 ? 0 : RandomLine(length, 5).Max() - 20);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ShiftOf_IsZeroForInfiniteMaximaAndPositiveForZeroOnes(int length)
    {
        if (length == 0) return;
        double[] infinite = RandomLine(length, 1);
        infinite[length / 2] = double.PositiveInfinity;
        AssertShift<float>(infinite, 0);
        AssertShift<double>(infinite, 0);
        double[] negative = [.. Enumerable.Repeat(double.NegativeInfinity, length)];
        AssertShift<double>(negative, 0);
        double[] zeros = [.. RandomLine(length, 2).Select(v => -Math.Abs(v) - 1)];
        zeros[length - 1] = -0.0;
        zeros[0] = length > 1 ? -0.0 : zeros[0];
        AssertShift<float>(zeros, 0);
        AssertShift<double>(zeros, 0);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ShiftOf_ALineWithNaNGivesZeroOrTheMaximumOfTheRest(int length)
    {
        // NaN may be skipped: every result of such a line is NaN whatever its shift.
        if (length == 0) return;
        double[] line = RandomLine(length, 3);
        line[length / 3] = double.NaN;
        double rest = line.Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max();
        double shift = MaxTerm.ShiftOf<double>(line);
        Assert.True(shift == 0 || shift == rest, $"shift {shift}, maximum of the rest {rest}");
    }
}
