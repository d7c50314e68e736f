namespace TensorNetworks.Tests.Ops;

public sealed class DoubleExpTests
{
    /// <summary>How many float64 steps apart two finite values of one sign (or two infinities, or two NaNs) are.</summary>
    private static long StepsApart(double a, double b)
        => double.IsNaN(a) && double.IsNaN(b) ? 0 : Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));

    private delegate void Function(ReadOnlySpan<double> x, Span<double> y);

    private static Function Named(string name) => name == "exp" ? DoubleExp.Exp : DoubleExp.Sigmoid;

    /// <summary>The correctly rounded value, from a double-double reference.</summary>
    private static double Exact(string name, double x)
        => name == "exp" ? DoubleDouble.Exp(x).Hi : x >= 0 ? (1 / (1 + DoubleDouble.Exp(-x))).Hi : (DoubleDouble.Exp(x) / (1 + DoubleDouble.Exp(x))).Hi;

    private static double Of(string name, double x)
    {
        var y = new double[1];
        Named(name)([x], y);
        return y[0];
    }

    private static double ExpOf(double x) => Of("exp", x);

    /// <summary>200,001 points evenly over [−700, 700] and 100,000 bit patterns spread over every exponent with a
    /// magnitude up to 700: within the given steps of the correctly rounded value, and most of them exactly it.</summary>
    [Theory]
    [InlineData("exp", 1)]
    [InlineData("sigmoid", 2)]
    public void Function_IsWithinItsStepsOfTheCorrectlyRoundedValue(string name, int steps)
    {
        var values = new List<double>();
        for (int i = 0; i <= 200_000; i++) values.Add(-700 + 1400.0 * i / 200_000);
        long top = BitConverter.DoubleToInt64Bits(700.0);
        for (long bits = 1; bits < top; bits += top / 50_000 + 7)
        {
            values.Add(BitConverter.Int64BitsToDouble(bits));
            values.Add(-BitConverter.Int64BitsToDouble(bits));
        }
        double[] x = [.. values], y = new double[x.Length];
        Named(name)(x, y);
        long exact = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double want = Exact(name, x[i]);
            long apart = StepsApart(y[i], want);
            Assert.True(apart <= steps, $"{name}({x[i]:R}) = {y[i]:R}, correctly rounded {want:R} ({apart} steps apart)");
            if (apart == 0) exact++;
        }
        Assert.True(exact > 0.8 * x.Length, $"only {exact} of {x.Length} correctly rounded");
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1e-300, 1.0)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(double.MaxValue, double.PositiveInfinity)]
    [InlineData(double.MinValue, 0.0)]
    [InlineData(709.79, double.PositiveInfinity)]
    [InlineData(-745.14, 0.0)]
    [InlineData(-745.13, double.Epsilon)]
    [InlineData(double.NaN, double.NaN)]
    public void Exp_OfSpecialValues(double x, double expected) => Assert.Equal(expected, ExpOf(x));

    [Fact]
    public void Exp_OfNegativeZero_IsOne() => Assert.Equal(1.0, ExpOf(-0.0));

    /// <summary>Near overflow and in the subnormal range (below −708.4), against .NET's scalar exp.</summary>
    [Theory]
    [InlineData(709.78)]
    [InlineData(708.0)]
    [InlineData(-708.0)]
    [InlineData(-708.5)]
    [InlineData(-720.25)]
    [InlineData(-740.0)]
    [InlineData(-744.9)]
    public void Exp_NearOverflowAndInTheSubnormalRange_IsWithinOneStep(double x)
    {
        double want = Math.Exp(x);
        Assert.True(StepsApart(ExpOf(x), want) <= 1, $"exp({x}) = {ExpOf(x):R}, Math.Exp {want:R}");
        Assert.True(double.IsFinite(want) && want > 0);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(800.0, 1.0)]
    [InlineData(-800.0, 0.0)]
    [InlineData(double.NaN, double.NaN)]
    public void Sigmoid_OfSpecialValues(double x, double expected) => Assert.Equal(expected, Of("sigmoid", x));

    /// <summary>Below −709.78 exp(−x) overflows: 1 / (1 + exp(−x)) would be 0, e / (1 + e) keeps the subnormal result.</summary>
    [Fact]
    public void Sigmoid_KeepsSubnormalResults() => Assert.Equal(Math.Exp(-720.0), Of("sigmoid", -720.0));

    /// <summary>Each element alone, in spans of every length up to 20 at five offsets, beside NaN and overflowing
    /// neighbours, and in place: the same bits.</summary>
    [Theory]
    [InlineData("exp")]
    [InlineData("sigmoid")]
    public void Function_GivesEachElementTheSameBitsWhateverItsNeighboursPlaceAndSpanLength(string name)
    {
        Function f = Named(name);
        double[] values = [.. TN.Randn(new Generator(4), DType.Float64, 300).ToArray<double>().Select(v => v * 300)];
        double[] alone = [.. values.Select(v => Of(name, v))];
        for (int length = 1; length <= 20; length++)
            for (int offset = 0; offset < 5; offset++)
            {
                var buffer = new double[length + offset];
                for (int start = 0; start + length <= values.Length; start += 37)
                {
                    f(values.AsSpan(start, length), buffer.AsSpan(offset, length));
                    for (int i = 0; i < length; i++)
                        Assert.True(BitConverter.DoubleToInt64Bits(alone[start + i]) == BitConverter.DoubleToInt64Bits(buffer[offset + i]),
                            $"{name}({values[start + i]:R}) in a span of {length} at offset {offset}: {buffer[offset + i]:R}, alone {alone[start + i]:R}");
                }
            }

        double[] mixed = [.. values];
        for (int i = 0; i < mixed.Length; i += 7) mixed[i] = i % 2 == 0 ? double.NaN : 5000.0;
        double[] inPlace = [.. mixed];
        f(inPlace, inPlace);
        for (int i = 0; i < mixed.Length; i++)
            if (i % 7 != 0) Assert.Equal(BitConverter.DoubleToInt64Bits(alone[i]), BitConverter.DoubleToInt64Bits(inPlace[i]));
            else Assert.Equal(Of(name, mixed[i]), inPlace[i]);
    }
}
