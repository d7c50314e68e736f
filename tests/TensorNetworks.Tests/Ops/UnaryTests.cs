using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class UnaryTests
{
    private sealed record Case(Func<Tensor, Tensor> Op, Func<double, double> Value, Func<double, double> Slope, Func<double, double> Domain);

    private static readonly Func<double, double> Any = v => v;
    private static readonly Func<double, double> Positive = v => Math.Abs(v) + 0.1;
    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    /// <summary>ln(1 + v) by its series near 0, where Math.Log(1 + v) loses digits.</summary>
    private static double Log1p(double v) => Math.Abs(v) < 1e-4 ? v - v * v / 2 + v * v * v / 3 : Math.Log(1 + v);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["Exp"] = new(x => x.Exp(), Math.Exp, Math.Exp, Any),
        ["Log"] = new(x => x.Log(), Math.Log, v => 1 / v, Positive),
        ["Log1p"] = new(x => x.Log1p(), Log1p, v => 1 / (1 + v), v => Math.Abs(v) - 0.5),
        ["Sqrt"] = new(x => x.Sqrt(), Math.Sqrt, v => 0.5 / Math.Sqrt(v), Positive),
        ["Square"] = new(x => x.Square(), v => v * v, v => 2 * v, Any),
        ["Pow3"] = new(x => x.Pow(3), v => v * v * v, v => 3 * v * v, Any),
        ["Pow1.7"] = new(x => x.Pow(1.7), v => Math.Pow(v, 1.7), v => 1.7 * Math.Pow(v, 0.7), Positive),
        ["Abs"] = new(x => x.Abs(), Math.Abs, v => Math.Sign(v), Any),
        ["Relu"] = new(x => x.Relu(), v => Math.Max(v, 0), v => v > 0 ? 1 : 0, Any),
        ["Sigmoid"] = new(x => x.Sigmoid(), Sigmoid, v => Sigmoid(v) * (1 - Sigmoid(v)), v => 4 * v),
        ["Tanh"] = new(x => x.Tanh(), Math.Tanh, v => 1 - Math.Tanh(v) * Math.Tanh(v), v => 3 * v),
        ["Softplus"] = new(x => x.Softplus(), v => v > 30 ? v : Math.Log(1 + Math.Exp(v)), Sigmoid, v => 10 * v),
        ["Clamp"] = new(x => x.Clamp(-0.5, 0.8), v => Math.Clamp(v, -0.5, 0.8), v => v >= -0.5 && v <= 0.8 ? 1 : 0, Any),
    };

    public static TheoryData<string, DType, int> ValueCases()
    {
        var data = new TheoryData<string, DType, int>();
        foreach (string name in Cases.Keys)
            foreach (var dtype in new[] { DType.Float32, DType.Float64 })
            {
                data.Add(name, dtype, 37);
                data.Add(name, dtype, 70_001);
            }
        return data;
    }

    private static Tensor Input(Case c, DType dtype, int n, ulong seed)
    {
        double[] v = Reference.Randn(seed, DType.Float64, n).ToArray<double>();
        return TN.Tensor(v.Select(c.Domain).ToArray(), n).To(dtype);
    }

    [Theory]
    [MemberData(nameof(ValueCases))]
    public void Op_MatchesScalarReference(string name, DType dtype, int n)
    {
        Case c = Cases[name];
        Tensor x = Input(c, dtype, n, 11);
        Tensor y = c.Op(x);
        Assert.Equal(dtype, y.DType);
        Assert.Equal(x.Shape, y.Shape);
        Reference.Close(Reference.Map(x, c.Value), y, Reference.Tolerance(dtype));
    }

    [Theory]
    [MemberData(nameof(ValueCases))]
    public void Op_GradientMatchesScalarDerivative(string name, DType dtype, int n)
    {
        Case c = Cases[name];
        Tensor x = Input(c, dtype, n, 12).RequiringGrad();
        c.Op(x).Sum().Backward();
        Reference.Close(Reference.Map(x, c.Slope), x.Grad!, 4 * Reference.Tolerance(dtype));
    }

    [Fact]
    public void Unary_OnSmallTensorAllocatesOnlyTheOutput()
    {
        var x = Reference.Randn(1, DType.Float32, 1000);
        x.Exp();
        x.Softplus();
        long before = GC.GetAllocatedBytesForCurrentThread();
        x.Exp();
        x.Softplus();
        long perOp = (GC.GetAllocatedBytesForCurrentThread() - before) / 2;
        Assert.InRange(perOp, 4000, 4000 + 200);
    }

    [Fact]
    public void Unary_OnEmptyTensorReturnsEmpty()
    {
        var x = TN.Zeros(0, 3).RequiringGrad();
        Tensor y = x.Sigmoid();
        Assert.Equal(new Shape(0, 3), y.Shape);
        y.Sum().Backward();
        Assert.Equal(0, x.Grad!.ElementCount);
    }

    [Fact]
    public void Unary_RecordsNothingWhenNoInputRequiresGrad()
    {
        var x = TN.Ones(3);
        Assert.False(x.Exp().RequiresGrad);
        using (TN.NoGrad()) Assert.False(x.RequiringGrad().Tanh().RequiresGrad);
    }

    [Fact]
    public void Softplus_IsStableForLargeMagnitudes()
    {
        var x = TN.Tensor(new float[] { -1000, -50, 0, 50, 1000 });
        float[] y = x.Softplus().ToArray<float>();
        Assert.Equal(0f, y[0]);
        Assert.Equal((float)Math.Exp(-50), y[1], 1e-27f);
        Assert.Equal((float)Math.Log(2), y[2], 1e-7f);
        Assert.Equal(50f, y[3]);
        Assert.Equal(1000f, y[4]);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Log1p_IsAccurateForTinyInputs(DType dtype)
    {
        double[] v = [1e-10, -3e-12, 1e-30, 2e-7, -1, double.PositiveInfinity];
        Tensor x = TN.Tensor(v).To(dtype);
        double[] expected = [.. x.ToArray<double>().Select(Log1p)];
        Reference.Close(expected, x.Log1p(), Reference.Tolerance(dtype));
    }

    [Fact]
    public void Sigmoid_SaturatesWithoutNaN()
    {
        double[] y = TN.Tensor(new[] { -1000.0, 1000.0 }).Sigmoid().ToArray<double>();
        Assert.Equal([0.0, 1.0], y);
    }

    [Fact]
    public void ReluAndAbs_HaveZeroGradientAtZero()
    {
        var x = TN.Tensor(new[] { 0.0, 0.0 }).RequiringGrad();
        (x.Relu() + x.Abs()).Sum().Backward();
        Assert.Equal([0.0, 0.0], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void Clamp_PassesGradientInsideInclusiveBounds()
    {
        var x = TN.Tensor(new[] { -1.0, 0.0, 0.5, 1.0, 2.0 }).RequiringGrad();
        Tensor y = x.Clamp(0, 1);
        y.Sum().Backward();
        Assert.Equal([0.0, 0.0, 0.5, 1.0, 1.0], y.ToArray<double>());
        Assert.Equal([0.0, 1.0, 1.0, 1.0, 0.0], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void Clamp_AppliesASingleBound()
    {
        var x = TN.Tensor(new[] { -2.0, 3.0 });
        Assert.Equal([0.0, 3.0], x.Clamp(min: 0).ToArray<double>());
        Assert.Equal([-2.0, 1.0], x.Clamp(max: 1).ToArray<double>());
    }

    [Fact]
    public void Clamp_ThrowsWithoutBounds()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Ones(2).Clamp());
        Assert.Contains("at least one bound", e.Message);
    }

    [Fact]
    public void Clamp_ThrowsWhenMinExceedsMax()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Ones(2).Clamp(2.5, 1.5));
        Assert.Contains("min 2.5", e.Message);
        Assert.Contains("max 1.5", e.Message);
    }

    [Fact]
    public void Clamp_ThrowsForNaNBound()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Ones(2).Clamp(double.NaN, 1));
        Assert.Contains("NaN", e.Message);
    }

    [Fact]
    public void Pow_ZeroExponentHasZeroGradientEvenAtZero()
    {
        var x = TN.Tensor(new[] { 0.0, 2.0 }).RequiringGrad();
        Tensor y = x.Pow(0);
        y.Sum().Backward();
        Assert.Equal([1.0, 1.0], y.ToArray<double>());
        Assert.Equal([0.0, 0.0], x.Grad!.ToArray<double>());
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Pow_NegativeBaseWithIntegerExponentKeepsTheSign(DType dtype)
    {
        var x = TN.Tensor(new[] { -2.0, -3.0 }).To(dtype);
        Assert.Equal([-8.0, -27.0], x.Pow(3).ToArray<double>());
        Assert.Equal([4.0, 9.0], x.Pow(TN.Full(2, dtype, 2)).ToArray<double>());
    }
}
