namespace TensorNetworks.Tests.Ops;

public sealed class SingleExpTests
{
    /// <summary>How many float32 steps apart two finite values of one sign (or two infinities, or two NaNs) are.</summary>
    private static long StepsApart(float a, float b)
        => float.IsNaN(a) && float.IsNaN(b) ? 0 : Math.Abs((long)BitConverter.SingleToInt32Bits(a) - BitConverter.SingleToInt32Bits(b));

    private delegate void Function(ReadOnlySpan<float> x, Span<float> y);

    private static Function Named(string name) => name == "exp" ? SingleExp.Exp : SingleExp.Sigmoid;

    private static double Exact(string name, double x) => name == "exp" ? Math.Exp(x) : 1 / (1 + Math.Exp(-x));

    private static float Of(string name, float x)
    {
        var y = new float[1];
        Named(name)([x], y);
        return y[0];
    }

    private static float ExpOf(float x) => Of("exp", x);

    [Theory]
    [InlineData("exp", 1)]
    [InlineData("sigmoid", 2)]
    public void Function_IsWithinItsStepsOfTheCorrectlyRoundedValue_OverEvery9973rdBitPattern(string name, int steps)
    {
        Function f = Named(name);
        const int chunk = 4096;
        var x = new float[chunk];
        var y = new float[chunk];
        long bits = 0, checkedCount = 0, exact = 0;
        while (bits <= uint.MaxValue)
        {
            int n = 0;
            for (; n < chunk && bits <= uint.MaxValue; n++, bits += 9973) x[n] = BitConverter.UInt32BitsToSingle((uint)bits);
            f(x.AsSpan(0, n), y.AsSpan(0, n));
            for (int i = 0; i < n; i++)
            {
                float want = (float)Exact(name, x[i]);
                long apart = StepsApart(y[i], want);
                Assert.True(apart <= steps, $"{name}({x[i]:R}) = {y[i]:R}, correctly rounded {want:R} ({apart} steps apart)");
                if (apart == 0) exact++;
                checkedCount++;
            }
        }
        Assert.True(exact > 0.8 * checkedCount, $"only {exact} of {checkedCount} correctly rounded");
    }

    [Theory]
    [InlineData(0f, 1f)]
    [InlineData(1e-30f, 1f)]
    [InlineData(float.PositiveInfinity, float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity, 0f)]
    [InlineData(float.MaxValue, float.PositiveInfinity)]
    [InlineData(float.MinValue, 0f)]
    [InlineData(88.73f, float.PositiveInfinity)]
    [InlineData(-104f, 0f)]
    [InlineData(float.NaN, float.NaN)]
    public void Exp_OfSpecialValues(float x, float expected) => Assert.Equal(expected, ExpOf(x));

    [Fact]
    public void Exp_OfNegativeZero_IsOne() => Assert.Equal(1f, ExpOf(-0f));

    [Theory]
    [InlineData(88.72f)]
    [InlineData(87f)]
    [InlineData(-87f)]
    [InlineData(-87.33f)]
    [InlineData(-87.34f)]
    [InlineData(-95.5f)]
    [InlineData(-103.9f)]
    public void Exp_NearOverflowAndInTheSubnormalRange_IsWithinOneStep(float x)
    {
        float want = (float)Math.Exp(x);
        Assert.True(StepsApart(ExpOf(x), want) <= 1, $"exp({x}) = {ExpOf(x):R}, correctly rounded {want:R}");
        Assert.True(float.IsFinite(want) && want > 0);
    }

    [Theory]
    [InlineData(0f, 0.5f)]
    [InlineData(float.PositiveInfinity, 1f)]
    [InlineData(float.NegativeInfinity, 0f)]
    [InlineData(200f, 1f)]
    [InlineData(-200f, 0f)]
    [InlineData(float.NaN, float.NaN)]
    public void Sigmoid_OfSpecialValues(float x, float expected) => Assert.Equal(expected, Of("sigmoid", x));

    /// <summary>Below −87 exp(x) is subnormal and exp(−x) overflows: 1 / (1 + exp(−x)) would be 0.</summary>
    [Theory]
    [InlineData(-20f)]
    [InlineData(-88f)]
    [InlineData(-100f)]
    [InlineData(-1e-3f)]
    [InlineData(1e-3f)]
    [InlineData(16f)]
    public void Sigmoid_KeepsSmallResultsAndIsWithinTwoSteps(float x)
    {
        float want = (float)Exact("sigmoid", x);
        Assert.True(want > 0 && StepsApart(Of("sigmoid", x), want) <= 2, $"sigmoid({x}) = {Of("sigmoid", x):R}, correctly rounded {want:R}");
    }

    /// <summary>Each element alone, in a long span at every offset, beside NaN and overflowing neighbours, and in place:
    /// the same bits.</summary>
    [Theory]
    [InlineData("exp")]
    [InlineData("sigmoid")]
    public void Function_GivesEachElementTheSameBitsWhateverItsNeighboursPlaceAndSpanLength(string name)
    {
        Function f = Named(name);
        float[] values = [.. TN.Randn(new Generator(3), DType.Float64, 300).ToArray<double>().Select(v => (float)(v * 40))];
        float[] alone = [.. values.Select(v => Of(name, v))];
        for (int length = 1; length <= 40; length++)
            for (int offset = 0; offset < 5; offset++)
            {
                var buffer = new float[length + offset];
                for (int start = 0; start + length <= values.Length; start += 37)
                {
                    f(values.AsSpan(start, length), buffer.AsSpan(offset, length));
                    for (int i = 0; i < length; i++)
                        Assert.True(BitConverter.SingleToInt32Bits(alone[start + i]) == BitConverter.SingleToInt32Bits(buffer[offset + i]),
                            $"{name}({values[start + i]:R}) in a span of {length} at offset {offset}: {buffer[offset + i]:R}, alone {alone[start + i]:R}");
                }
            }

        float[] mixed = [.. values];
        for (int i = 0; i < mixed.Length; i += 7) mixed[i] = i % 2 == 0 ? float.NaN : 500f;
        float[] inPlace = [.. mixed];
        f(inPlace, inPlace);
        for (int i = 0; i < mixed.Length; i++)
            if (i % 7 != 0) Assert.Equal(BitConverter.SingleToInt32Bits(alone[i]), BitConverter.SingleToInt32Bits(inPlace[i]));
            else Assert.Equal(Of(name, mixed[i]), inPlace[i]);
    }

    [Fact]
    public void Exp_RefusesAShortDestination()
    {
        var e = Assert.Throws<ArgumentException>(() => SingleExp.Exp(new float[5], new float[4]));
        Assert.Contains("holds 4 elements, the source 5", e.Message);
    }
}
