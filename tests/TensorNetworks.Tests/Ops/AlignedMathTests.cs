namespace TensorNetworks.Tests.Ops;

public sealed class AlignedMathTests
{
    private delegate void Function(ReadOnlySpan<double> x, Span<double> y);

    public static TheoryData<string> Functions() => ["exp", "log", "sigmoid", "tanh", "pow-scalar", "pow-span", "pow-base"];

    private static Function Named(string name, double[] exponents) => name switch
    {
        "exp" => AlignedMath.Exp,
        "log" => AlignedMath.Log,
        "sigmoid" => AlignedMath.Sigmoid,
        "tanh" => AlignedMath.Tanh,
        "pow-scalar" => (x, y) => AlignedMath.Pow(x, 2.7, y),
        "pow-span" => (x, y) => AlignedMath.Pow(x, exponents, y),
        "pow-base" => (x, y) => AlignedMath.Pow(1.3, x, y),
        _ => throw new ArgumentException(name),
    };

    /// <summary>Inputs whose exp/sigmoid sit where TensorPrimitives' two paths round differently (seen on the
    /// 4096 values of this seed scaled by 300, and positive for log and pow).</summary>
    private static double[] Inputs(string name, int length)
    {
        double[] x = TN.Randn(new Generator(1), DType.Float64, length).ToArray<double>();
        bool positive = name is "log" or "pow-scalar" or "pow-span";
        return [.. x.Select(v => positive ? Math.Abs(v) * 30 + 1e-3 : name == "pow-base" ? v * 30 : v * 300)];
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_GivesTheSameBitsWhereverTheDestinationLies(string name)
    {
        const int length = 3000;
        double[] x = Inputs(name, length), exponents = Inputs("pow-scalar", length);
        Function f = Named(name, exponents);
        double[]? first = null;
        for (int offset = 0; offset < 8; offset++)
        {
            var buffer = new double[length + 8];
            f(x, buffer.AsSpan(offset, length));
            double[] result = buffer.AsSpan(offset, length).ToArray();
            first ??= result;
            for (int i = 0; i < length; i++)
                Assert.True(BitConverter.DoubleToInt64Bits(first[i]) == BitConverter.DoubleToInt64Bits(result[i]),
                    $"{name}({x[i]:R}) at offset {offset}: {result[i]:R}, at offset 0: {first[i]:R}");
        }
    }

    /// <summary>
    /// TensorPrimitives' float64 exp computes a whole SIMD vector by the scalar exp when one of its lanes is NaN or
    /// beyond ±708, and by its polynomial otherwise; the two differ in the last bit, so an element's value depended on
    /// its neighbours, and on the vector width the running code was compiled for (the runtime's precompiled code splits
    /// a 256-bit vector into two 128-bit halves, its tier-1 code does not): the same call changed results once tiered up.
    /// </summary>
    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_GivesEachElementTheSameBitsWhateverItsNeighbours(string name)
    {
        const int length = 256;
        double[] x = Inputs(name, length), exponents = Inputs("pow-scalar", length);
        Function f = Named(name, exponents);
        var alone = new double[length];
        f([.. x.Select(v => Math.Clamp(v, -300.0, 300.0))], alone);
        foreach (double neighbour in new[] { double.NaN, 1e4, -1e4 })
        {
            var y = new double[length];
            for (int i = 0; i < length; i++)
            {
                double[] near = [.. x.Select(v => Math.Clamp(v, -300.0, 300.0))];
                near[i ^ 1] = neighbour;
                f(near, y);
                Assert.True(BitConverter.DoubleToInt64Bits(alone[i]) == BitConverter.DoubleToInt64Bits(y[i]),
                    $"{name}({near[i]:R}) beside {neighbour}: {y[i]:R}, beside {x[i ^ 1]:R}: {alone[i]:R}");
            }
        }
    }

    /// <summary>Float32 exp, sigmoid and tanh beside NaN, an overflowing and an underflowing neighbour: each element
    /// keeps the bits it has alone.</summary>
    [Theory]
    [InlineData("exp")]
    [InlineData("sigmoid")]
    [InlineData("tanh")]
    public void Float32Function_GivesEachElementTheSameBitsWhateverItsNeighbours(string name)
    {
        const int length = 256;
        float[] x = [.. TN.Randn(new Generator(2), DType.Float32, length).ToArray<float>().Select(v => v * 40)];
        FloatFunction f = name switch { "exp" => AlignedMath.Exp, "sigmoid" => AlignedMath.Sigmoid, _ => AlignedMath.Tanh };
        var alone = new float[length];
        f(x, alone);
        foreach (float neighbour in new[] { float.NaN, 1e4f, -1e4f, 100f, -120f })
        {
            var y = new float[length];
            for (int i = 0; i < length; i++)
            {
                float[] near = [.. x];
                near[i ^ 1] = neighbour;
                f(near, y);
                Assert.True(BitConverter.SingleToInt32Bits(alone[i]) == BitConverter.SingleToInt32Bits(y[i]),
                    $"{name}({near[i]:R}) beside {neighbour}: {y[i]:R}, beside {x[i ^ 1]:R}: {alone[i]:R}");
            }
        }
    }

    private delegate void FloatFunction(ReadOnlySpan<float> x, Span<float> y);

    [Fact]
    public void Function_WorksInPlaceAcrossChunks()
    {
        int length = 2 * AlignedMath.ChunkLength + 17;
        double[] x = Inputs("exp", length), expected = [.. x.Select(Math.Exp)];
        AlignedMath.Exp<double>(x, x);
        for (int i = 0; i < length; i++) Assert.Equal(expected[i], x[i], 1e-15 * Math.Max(1, expected[i]));
    }

    [Fact]
    public void EngineOps_RepeatTheirResultsBitForBit()
    {
        Tensor m = TN.Randn(new Generator(1), DType.Float64, 4096) * 300.0;
        Func<Tensor>[] ops = [m.Sigmoid, m.Exp, m.Tanh, m.Softplus, () => m.Abs().Log(), () => m.Reshape(64, 64).Softmax(1), () => m.Reshape(64, 64).LogSoftmax(0)];
        foreach (Func<Tensor> op in ops)
        {
            double[] first = op().ToArray<double>();
            for (int call = 0; call < 40; call++)
                Assert.True(first.SequenceEqual(op().ToArray<double>()), $"call {call} of an op differed from its first result");
        }
    }
}
