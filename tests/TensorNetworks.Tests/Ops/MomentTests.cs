using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class MomentTests
{
    /// <summary>Two-pass variance in double by index loops: every input element is sent to the output its kept
    /// coordinates name.</summary>
    private static double[] NaiveVariance(Tensor x, int[] axes, int correction, bool squareRoot, out int[] keptDims)
    {
        int[] dims = x.Shape.ToArray();
        int order = dims.Length;
        int[] normalized = [.. axes.Select(a => a < 0 ? a + Math.Max(order, 1) : a).Where(a => order > 0)];
        keptDims = [.. dims.Select((d, k) => normalized.Contains(k) ? 1 : d)];
        int outputs = Shape.ElementCountOf(keptDims), n = x.ElementCount / Math.Max(1, outputs);
        if (x.ElementCount == 0) n = normalized.Aggregate(1, (p, a) => p * dims[a]);
        double[] v = x.ToArray<double>();
        var sums = new double[outputs];
        var target = new int[v.Length];
        int[] keptStrides = Strides(keptDims);
        Naive.Tabulate(dims, index =>
        {
            int flat = 0, t = 0;
            for (int k = 0; k < order; k++) flat = flat * dims[k] + index[k];
            for (int k = 0; k < order; k++) t += normalized.Contains(k) ? 0 : index[k] * keptStrides[k];
            target[flat] = t;
            return 0;
        });
        for (int i = 0; i < v.Length; i++) sums[target[i]] += v[i];
        var squares = new double[outputs];
        for (int i = 0; i < v.Length; i++)
        {
            double d = v[i] - sums[target[i]] / n;
            squares[target[i]] += d * d;
        }
        double divisor = Math.Max(0, n - correction);
        return [.. squares.Select((s, o) => n == 0 ? double.NaN : squareRoot ? Math.Sqrt(s / divisor) : s / divisor)];
    }

    private static int[] Strides(int[] dims)
    {
        var s = new int[dims.Length];
        int stride = 1;
        for (int k = dims.Length - 1; k >= 0; k--)
        {
            s[k] = stride;
            stride *= dims[k];
        }
        return s;
    }

    private static double Tolerance(DType dtype) => dtype == DType.Float32 ? 2e-6 : 1e-12;

    private static void Check(Tensor x, int[] axes, bool keepDim, int correction, bool squareRoot)
    {
        double[] expected = NaiveVariance(x, axes, correction, squareRoot, out int[] keptDims);
        Tensor r = squareRoot ? x.Std(axes, keepDim, correction) : x.Var(axes, keepDim, correction);
        int[] dims = keepDim ? keptDims : [.. x.Shape.ToArray().Where((d, k) => !axes.Select(a => a < 0 ? a + x.Order : a).Contains(k))];
        Assert.Equal(new Shape(dims), r.Shape);
        Assert.Equal(x.DType, r.DType);
        Reference.Close(expected, r, Tolerance(x.DType));
    }

    public static TheoryData<DType, bool> DTypesAndRoots()
    {
        var data = new TheoryData<DType, bool>();
        foreach (DType d in Naive.DTypes)
        {
            data.Add(d, false);
            data.Add(d, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DTypesAndRoots))]
    public void Moment_MatchesNaiveOnRandomShapesAndAxes(DType dtype, bool squareRoot)
    {
        Naive.ForRandomTensors(31, 60, dtype, 4, 5, (g, x) =>
        {
            int order = x.Order;
            int[] axes = [.. Enumerable.Range(0, order).Where(_ => g.NextInt(2) == 0).Select(a => g.NextInt(2) == 0 ? a - order : a)];
            if (axes.Length == 0) axes = [g.NextInt(order)];
            Check(x * 3.0 + 2.0, axes, keepDim: g.NextInt(2) == 0, correction: g.NextInt(3), squareRoot);
        });
    }

    [Theory]
    [MemberData(nameof(DTypesAndRoots))]
    public void Moment_MatchesNaiveOnTheParallelPaths(DType dtype, bool squareRoot)
    {
        var g = new Generator(32);
        Tensor line = TN.Randn(g, dtype, 300_001) + 5.0;
        Check(line, [0], keepDim: false, 1, squareRoot);
        Tensor rows = TN.Randn(g, dtype, 70, 1100);
        Check(rows, [1], keepDim: true, 1, squareRoot);
        Check(rows, [0], keepDim: false, 0, squareRoot);
        Tensor wide = TN.Randn(g, dtype, 2, 9, 5000);
        Check(wide, [1], keepDim: false, 1, squareRoot);
        Check(wide, [0, 2], keepDim: true, 1, squareRoot);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Var_KeepsPrecisionWhenTheMeanDwarfsTheSpread(DType dtype)
    {
        var g = new Generator(33);
        Tensor x = (TN.Rand(g, DType.Float64, 4, 3000) * 0.01 + 1000.0).To(dtype);
        foreach (int axis in new[] { 1, 0 })
        {
            double[] expected = NaiveVariance(x, [axis], 1, false, out _);
            Reference.Close(expected, x.Var(axis), dtype == DType.Float32 ? 1e-5 : 1e-11);
            double[] relative = [.. expected.Zip(x.Var(axis).ToArray<double>(), (e, a) => Math.Abs(a - e) / e)];
            Assert.True(relative.Max() < (dtype == DType.Float32 ? 1e-5 : 1e-10), $"axis {axis}: relative error {relative.Max()}");
        }
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Var_FollowsPyTorchAtTheEdges(DType dtype)
    {
        Tensor two = TN.Tensor(new[] { 1.0, 2.0 }).To(dtype);
        Assert.Equal(0.5, two.Var().Item());
        Assert.Equal(0.25, two.Var([0], correction: 0).Item());
        Assert.Equal(double.PositiveInfinity, two.Var([0], correction: 2).Item());
        Assert.Equal(double.PositiveInfinity, two.Var([0], correction: 3).Item());
        Assert.True(double.IsNaN(TN.Ones(dtype, 1).Var().Item()));
        Assert.True(double.IsNaN(TN.Zeros(dtype, 0).Var().Item()));
        Assert.True(double.IsNaN(TN.Zeros(dtype, 0).Std().Item()));
        Tensor emptyLines = TN.Zeros(dtype, 3, 0).Var(1);
        Assert.Equal(new Shape(3), emptyLines.Shape);
        Assert.All(emptyLines.ToArray<double>(), v => Assert.True(double.IsNaN(v)));
        Assert.Equal(new Shape(0), TN.Zeros(dtype, 0, 4).Var(1).Shape);
        Tensor scalar = TN.Scalar(3.0, dtype);
        Assert.True(double.IsNaN(scalar.Var(0).Item()));
        Assert.Equal(0.0, scalar.Var(-1, keepDim: true, correction: 0).Item());
        Assert.Equal(0, scalar.Std(0).Order);
        Assert.True(double.IsNaN(TN.Tensor(new[] { double.NaN, 1.0 }).To(dtype).Var().Item()));
        Assert.Equal([0.0, 0.0], TN.Ones(dtype, 2, 3).Var([], correction: 0).Sum([1]).ToArray<double>());
    }

    [Fact]
    public void Std_GradientIsZeroOnAConstantLine()
    {
        Tensor x = TN.Tensor(new[] { 2.0, 2.0, 2.0, 1.0, 2.0, 3.0 }, 2, 3).RequiringGrad();
        x.Std(1).Sum().Backward();
        double[] grad = x.Grad!.ToArray<double>();
        Assert.Equal([0.0, 0.0, 0.0], grad[..3]);
        Assert.Equal(-0.5, grad[3], 12);
        Assert.Equal(0.0, grad[4], 12);
        Assert.Equal(0.5, grad[5], 12);
    }

    [Fact]
    public void Moment_ThrowsForBadArguments()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TN.Ones(2, 3).Var([1], correction: -1));
        Assert.Contains("correction -1", e.Message);
        Assert.Contains("Std: axis 2", Assert.Throws<ArgumentException>(() => TN.Ones(2, 3).Std(2)).Message);
        Assert.Contains("repeated", Assert.Throws<ArgumentException>(() => TN.Ones(2, 3).Var([1, -1])).Message);
        Assert.Contains("0-d", Assert.Throws<ArgumentException>(() => TN.Scalar(1).Var(1)).Message);
    }
}
