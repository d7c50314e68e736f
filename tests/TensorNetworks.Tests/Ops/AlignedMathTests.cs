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

    /// <summary>
    /// An element's bits do not depend on the span it comes in (1 to 70 elements at several offsets of input and output),
    /// except in spans shorter than 16 bytes (1-3 float32, 1 float64), which TensorPrimitives computes by .NET's scalar
    /// functions: those stay within <paramref name="ulps"/> units in the last place of the vector code's result.
    /// </summary>
    [Theory]
    [InlineData("exp", 2)]
    [InlineData("log", 1)]
    [InlineData("sigmoid", 2)]
    [InlineData("tanh", 2)]
    [InlineData("pow-scalar", 0)]
    [InlineData("log1p", 2)]
    [InlineData("softplus", 2)]
    public void Function_GivesEachElementTheSameBitsWhateverTheSpanLength(string name, int ulps)
    {
        double[] pool = [.. TN.Randn(new Generator(3), DType.Float64, 200).ToArray<double>().Select(v => v * 8)];
        if (name is "log" or "pow-scalar" or "log1p") pool = [.. pool.Select(Math.Abs)];
        pool[5] = double.NaN;
        pool[77] = name == "exp" ? 800 : 1e4;
        SameBitsForEveryLength<double>(pool, Named<double>(name), ulps, (a, b) => BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));
        SameBitsForEveryLength<float>([.. pool.Select(v => (float)v)], Named<float>(name), ulps, (a, b) => BitConverter.SingleToInt32Bits(a) - BitConverter.SingleToInt32Bits(b));
    }

    private delegate void Function<T>(ReadOnlySpan<T> x, Span<T> y);

    private static Function<T> Named<T>(string name) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> => name switch
    {
        "exp" => AlignedMath.Exp,
        "log" => AlignedMath.Log,
        "sigmoid" => AlignedMath.Sigmoid,
        "tanh" => AlignedMath.Tanh,
        "pow-scalar" => (x, y) => AlignedMath.Pow(x, T.CreateTruncating(2.7), y),
        "log1p" => Log1pKernel.Run,
        "softplus" => new SoftplusOp<T>().Forward,
        _ => throw new ArgumentException(name),
    };

    /// <summary>Compares each element with its bits in one 200-element span; <paramref name="ulpsApart"/> counts the
    /// representable values between two results of equal sign.</summary>
    private static void SameBitsForEveryLength<T>(T[] pool, Function<T> f, int ulps, Func<T, T, long> ulpsApart)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var reference = new T[pool.Length];
        f(pool, reference);
        int scalarBelow = 16 / System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        for (int length = 1; length <= 70; length++)
            for (int start = 0; start + length <= pool.Length && start < 90; start += 11)
                for (int offset = 0; offset < 8; offset += 3)
                {
                    var y = new T[length + 8];
                    f(pool.AsSpan(start, length), y.AsSpan(offset, length));
                    for (int i = 0; i < length; i++)
                    {
                        T expected = reference[start + i], actual = y[offset + i];
                        long apart = T.IsNaN(expected) && T.IsNaN(actual) ? 0 : Math.Abs(ulpsApart(expected, actual));
                        Assert.True(apart <= (length < scalarBelow ? ulps : 0),
                            $"{typeof(T).Name} f({pool[start + i]}) in a span of {length} at {start}: {actual}, in 200: {expected} ({apart} ulp apart)");
                    }
                }
    }
}
