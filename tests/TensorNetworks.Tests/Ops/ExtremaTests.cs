using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class ExtremaTests
{
    public static TheoryData<DType, int> AxisCases()
    {
        var data = new TheoryData<DType, int>();
        foreach (var dtype in new[] { DType.Float32, DType.Float64 })
            for (int axis = 0; axis < 3; axis++) data.Add(dtype, axis);
        return data;
    }

    private static (double[] Max, double[] ArgMax, double[] Min, double[] ArgMin) Naive(Tensor x, int axis)
    {
        int[] d = x.Shape.ToArray();
        double[] v = x.ToArray<double>();
        int outer = d[..axis].Aggregate(1, (a, b) => a * b), inner = d[(axis + 1)..].Aggregate(1, (a, b) => a * b);
        int extent = d[axis];
        var r = (new double[outer * inner], new double[outer * inner], new double[outer * inner], new double[outer * inner]);
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                var line = Enumerable.Range(0, extent).Select(k => v[(o * extent + k) * inner + i]).ToList();
                r.Item1[o * inner + i] = line.Max();
                r.Item2[o * inner + i] = line.IndexOf(line.Max());
                r.Item3[o * inner + i] = line.Min();
                r.Item4[o * inner + i] = line.IndexOf(line.Min());
            }
        return r;
    }

    [Theory]
    [MemberData(nameof(AxisCases))]
    public void MaxMinAndArgs_MatchNaiveScanAlongEachAxis(DType dtype, int axis)
    {
        Tensor x = TN.RandInt(new Generator(7), 5, dtype, 3, 4, 5);
        var (max, argMax, min, argMin) = Naive(x, axis);
        Reference.Close(max, x.Max(axis), 0);
        Reference.Close(min, x.Min(axis), 0);
        Reference.Close(argMax, x.ArgMax(axis), 0);
        Reference.Close(argMin, x.ArgMin(axis), 0);
        Assert.Equal(dtype, x.ArgMax(axis).DType);
    }

    /// <summary>The first NaN of a line if it has one, else the first element equal to its extreme (±0 equal).</summary>
    private static int NaiveIndex(double[] line, bool largest)
    {
        int nan = Array.FindIndex(line, double.IsNaN);
        if (nan >= 0) return nan;
        double best = largest ? line.Max() : line.Min();
        return Array.FindIndex(line, v => v == best);
    }

    /// <summary>Lines longer than a SIMD vector, split across the cores, with ties, zeros of both signs and NaN in the
    /// vector body or the tail: the values and positions of a naive scan.</summary>
    [Theory]
    [InlineData(DType.Float32, 600, 203)]
    [InlineData(DType.Float64, 600, 203)]
    [InlineData(DType.Float32, 7, 1000)]
    [InlineData(DType.Float64, 5, 9)]
    public void MaxMinAndArgs_AlongLongLastAxesMatchNaiveScan(DType dtype, int rows, int extent)
    {
        var random = new Random(11);
        var v = new double[rows * extent];
        for (int i = 0; i < v.Length; i++) v[i] = random.Next(-3, 4) * 0.5;
        for (int o = 0; o < rows; o++)
        {
            int at = o * extent;
            switch (o % 5)
            {
                case 0: v[at + random.Next(extent)] = double.NaN; break;
                case 1: v[at + extent - 1] = double.NaN; break;
                case 2: for (int k = 0; k < extent; k++) v[at + k] = k % 3 == 0 ? -0.0 : -1.0 - k; break;
                case 3: for (int k = 0; k < extent; k++) v[at + k] = k % 2 == 0 ? 0.0 : 1.0 + k; break;
            }
        }
        Tensor x = TN.Tensor(v, rows, extent).To(dtype);
        double[] max = x.Max(1).ToArray<double>(), min = x.Min(1).ToArray<double>();
        double[] argMax = x.ArgMax(1).ToArray<double>(), argMin = x.ArgMin(1).ToArray<double>();
        for (int o = 0; o < rows; o++)
        {
            double[] line = v.AsSpan(o * extent, extent).ToArray();
            if (dtype == DType.Float32) line = [.. line.Select(e => (double)(float)e)];
            int k = NaiveIndex(line, largest: true), j = NaiveIndex(line, largest: false);
            Assert.Equal(k, argMax[o]);
            Assert.Equal(j, argMin[o]);
            Assert.Equal(BitConverter.DoubleToInt64Bits(line[k]), BitConverter.DoubleToInt64Bits(max[o]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(line[j]), BitConverter.DoubleToInt64Bits(min[o]));
        }
    }

    /// <summary>ArgMax and a max without a gradient allocate their output (8 KB for 2048 float32 positions) and the tensor
    /// around it; the positions ArgMax finds first go to a pooled buffer.</summary>
    [Fact]
    public void ArgMaxAndMax_AllocateOnlyTheirOutput()
    {
        Tensor x = Reference.Randn(13, DType.Float32, 2048, 64);
        long output = Allocations.PerCall(() => _ = Tensor.Uninitialized(DType.Float32, [2048]));
        long argMax = Allocations.PerCall(() => _ = x.ArgMax(1));
        long max = Allocations.PerCall(() => _ = x.Max(1));
        Assert.True(argMax <= output + 256, $"ArgMax allocated {argMax} B against {output} B for its output alone");
        Assert.True(max <= output + 256, $"Max allocated {max} B against {output} B for its output alone");
    }

    [Fact]
    public void Max_OverAllReturnsAScalar()
    {
        var x = TN.Tensor(new[] { 3.0, -1.0, 7.0, 7.0, 2.0 });
        Assert.Equal(0, x.Max().Order);
        Assert.Equal(7.0, x.Max().Item());
        Assert.Equal(-1.0, x.Min().Item());
        Assert.Equal(2.0, x.ArgMax().Item());
        Assert.Equal(1.0, x.ArgMin().Item());
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void ArgMaxAndArgMin_TreatPlusAndMinusZeroAsATieWonByTheFirst(DType dtype)
    {
        Assert.Equal(0.0, TN.Tensor(new[] { -0.0, 0.0 }, 2).To(dtype).ArgMax().Item());
        Assert.Equal(0.0, TN.Tensor(new[] { 0.0, -0.0 }, 2).To(dtype).ArgMin().Item());
        Assert.Equal(1.0, TN.Tensor(new[] { -1.0, -0.0, 0.0, -2.0 }, 4).To(dtype).ArgMax().Item());
        Assert.Equal(new[] { 0.0, 0.0 }, TN.Tensor(new[] { -0.0, 0.0, 0.0, -0.0 }, 2, 2).To(dtype).ArgMax(1).ToArray<double>());
    }

    [Fact]
    public void Max_KeepDimLeavesExtentOne()
    {
        Assert.Equal(new Shape(2, 1, 4), TN.Ones(2, 3, 4).Max(1, keepDim: true).Shape);
        Assert.Equal(new Shape(2, 4), TN.Ones(2, 3, 4).ArgMin(-2).Shape);
    }

    [Fact]
    public void Max_GradientGoesToTheFirstOfTies()
    {
        var x = TN.Tensor(new[] { 1.0, 3.0, 3.0, 2.0 }).RequiringGrad();
        x.Max().Backward();
        Assert.Equal([0.0, 1.0, 0.0, 0.0], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void Min_GradientGoesToTheFirstOfTiesAlongAStridedAxis()
    {
        var x = TN.Tensor(new[] { 1.0, 5.0, 1.0, 5.0, 0.0, 9.0 }, 3, 2).RequiringGrad();
        x.Min(0).Backward(TN.Tensor(new[] { 10.0, 20.0 }));
        Assert.Equal([0.0, 20.0, 0.0, 0.0, 10.0, 0.0], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void Max_PropagatesNaN()
    {
        var x = TN.Tensor(new[] { 1.0, double.NaN, 3.0, 4.0 }, 2, 2);
        Assert.True(double.IsNaN(x.Max().Item()));
        double[] rows = x.Max(1).ToArray<double>();
        Assert.True(double.IsNaN(rows[0]));
        Assert.Equal(4.0, rows[1]);
        double[] cols = x.Max(0).ToArray<double>();
        Assert.True(double.IsNaN(cols[1]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void MaxMinAndTheirPositions_OfA0dTensorAlongAxis0OrMinus1AreItsValueAndIndex0(int axis)
    {
        Tensor x = TN.Scalar(-2.5, DType.Float64).RequiringGrad();
        foreach (bool keepDim in new[] { false, true })
        {
            foreach (Tensor value in new[] { x.Max(axis, keepDim), x.Min(axis, keepDim) })
            {
                Assert.Empty(value.Dims);
                Assert.Equal(-2.5, value.Item());
            }
            foreach (Tensor index in new[] { x.ArgMax(axis, keepDim), x.ArgMin(axis, keepDim) })
            {
                Assert.Empty(index.Dims);
                Assert.Equal(0.0, index.Item());
            }
        }
        (x.Max(axis) * 2.0 + x.Min(axis)).Backward();
        Assert.Equal(3.0, x.Grad!.Item());
    }

    [Fact]
    public void ArgMax_IsNotDifferentiable()
        => Assert.False(TN.Ones(3).RequiringGrad().ArgMax(0).RequiresGrad);

    [Fact]
    public void Max_ThrowsForAnEmptyTensor()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Zeros(0, 2).Max());
        Assert.Contains("[0, 2]", e.Message);
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void Max_ThrowsForAnEmptyAxis()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Zeros(2, 0).Min(1));
        Assert.Contains("axis 1", e.Message);
        Assert.Contains("extent 0", e.Message);
    }

    [Fact]
    public void ArgMax_ThrowsForAxisOutOfRange()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Ones(2, 3).ArgMax(-3));
        Assert.Contains("ArgMax", e.Message);
        Assert.Contains("axis -3", e.Message);
        Assert.Contains("-2..1", e.Message);
    }
}
