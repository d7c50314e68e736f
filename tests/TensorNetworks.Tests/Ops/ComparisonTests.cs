using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class ComparisonTests
{
    public static readonly string[] Relations = ["Eq", "Ne", "Lt", "Le", "Gt", "Ge"];

    public static TheoryData<string, DType> RelationsAndDTypes()
    {
        var data = new TheoryData<string, DType>();
        foreach (string r in Relations)
        foreach (DType d in Naive.DTypes)
            data.Add(r, d);
        return data;
    }

    private static Tensor Compare(string relation, Tensor a, Tensor b) => relation switch
    {
        "Eq" => a.Eq(b),
        "Ne" => a.Ne(b),
        "Lt" => a.Lt(b),
        "Le" => a.Le(b),
        "Gt" => a.Gt(b),
        "Ge" => a.Ge(b),
        _ => throw new ArgumentException(relation),
    };

    private static Tensor Compare(string relation, Tensor a, double s) => relation switch
    {
        "Eq" => a.Eq(s),
        "Ne" => a.Ne(s),
        "Lt" => a.Lt(s),
        "Le" => a.Le(s),
        "Gt" => a.Gt(s),
        "Ge" => a.Ge(s),
        _ => throw new ArgumentException(relation),
    };

    private static bool Holds(string relation, double x, double y) => relation switch
    {
        "Eq" => x == y,
        "Ne" => x != y,
        "Lt" => x < y,
        "Le" => x <= y,
        "Gt" => x > y,
        "Ge" => x >= y,
        _ => throw new ArgumentException(relation),
    };

    /// <summary>Small whole numbers, so that ties (where Eq, Le and Ge differ from their strict forms) are common.</summary>
    private static Tensor Ties(Generator g, DType dtype, int[] dims) => TN.RandInt(g, 4, dtype, dims) - 1.5 + 0.5;

    private static double[] NaiveBroadcast(string relation, Tensor a, Tensor b, int[] dims)
    {
        double[] x = a.ToArray<double>(), y = b.ToArray<double>();
        int[] sa = Aligned(a.Shape.ToArray(), dims), sb = Aligned(b.Shape.ToArray(), dims);
        return Naive.Tabulate(dims, index =>
        {
            int ia = 0, ib = 0;
            for (int k = 0; k < dims.Length; k++)
            {
                ia += index[k] * sa[k];
                ib += index[k] * sb[k];
            }
            return Holds(relation, x[ia], y[ib]) ? 1 : 0;
        });
    }

    private static int[] Aligned(int[] shape, int[] dims)
    {
        var strides = new int[dims.Length];
        int s = 1;
        for (int k = shape.Length - 1; k >= 0; k--)
        {
            strides[dims.Length - shape.Length + k] = shape[k] == 1 ? 0 : s;
            s *= shape[k];
        }
        return strides;
    }

    [Theory]
    [MemberData(nameof(RelationsAndDTypes))]
    public void Relation_MatchesNaiveOnRandomBroadcastShapes(string relation, DType dtype)
    {
        var g = new Generator(11);
        int[][][] pairs =
        [
            [[5], [5]], [[3, 4], [4]], [[3, 1], [1, 4]], [[2, 1, 3], [4, 1]], [[1], [2, 3]], [[], [3]], [[0, 3], [3]],
            [[70_001], [70_001]], [[70_001], [1]], [[2, 40_000], [2, 1]], [[], []], [[7, 9], [7, 9]],
        ];
        foreach (int[][] pair in pairs)
        {
            Tensor a = Ties(g, dtype, pair[0]), b = Ties(g, dtype, pair[1]);
            int[] dims = (a + b).Shape.ToArray();
            Tensor r = Compare(relation, a, b);
            Naive.AssertEqual(r, dims, dtype, NaiveBroadcast(relation, a, b, dims));
            Tensor reversed = Compare(relation, b, a);
            Naive.AssertEqual(reversed, dims, dtype, NaiveBroadcast(relation, b, a, dims));
        }
    }

    [Theory]
    [MemberData(nameof(RelationsAndDTypes))]
    public void Relation_WithScalarMatchesNaive(string relation, DType dtype)
    {
        var g = new Generator(12);
        foreach (int n in new[] { 0, 1, 13, 70_001 })
        {
            Tensor a = Ties(g, dtype, [n]);
            foreach (double s in new[] { 0.0, -0.5, 0.5, 1.5, double.NaN, double.PositiveInfinity })
            {
                double[] expected = [.. a.ToArray<double>().Select(x => Holds(relation, x, s) ? 1.0 : 0.0)];
                Naive.AssertEqual(Compare(relation, a, s), [n], dtype, expected);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RelationsAndDTypes))]
    public void Relation_FollowsIeeeRulesForSpecialValues(string relation, DType dtype)
    {
        double[] left = [double.NaN, 1, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, double.PositiveInfinity, 3, 3, 3, 3, 3, 3, 3, 3, 3];
        double[] right = [1, double.NaN, double.NaN, double.PositiveInfinity, double.PositiveInfinity, 0.0, -0.0, 1, 3, 3, 3, 3, 3, 3, 3, 3, double.NaN];
        Tensor a = TN.Tensor(left).To(dtype), b = TN.Tensor(right).To(dtype);
        double[] expected = [.. left.Select((x, i) => Holds(relation, x, right[i]) ? 1.0 : 0.0)];
        Naive.AssertEqual(Compare(relation, a, b), [left.Length], dtype, expected);
    }

    [Fact]
    public void Ne_IsOneWhereEitherIsNaN_AndEqIsZero()
    {
        Tensor a = TN.Tensor(new[] { double.NaN, 1.0 }), b = TN.Tensor(new[] { double.NaN, double.NaN });
        Assert.Equal([1.0, 1.0], a.Ne(b).ToArray<double>());
        Assert.Equal([0.0, 0.0], a.Eq(b).ToArray<double>());
    }

    [Fact]
    public void Scalar_IsRoundedToTheTensorDType()
    {
        Tensor a = TN.Tensor(new[] { 0.1f });
        Assert.Equal(1f, a.Eq(0.1).Item());
        Assert.Equal(0.0, TN.Tensor(new[] { 0.1 }).Eq((double)0.1f).Item());
    }

    [Theory]
    [MemberData(nameof(RelationsAndDTypes))]
    public void Relation_NeverRequiresAGradient(string relation, DType dtype)
    {
        Tensor a = TN.Ones(dtype, 3).RequiringGrad(), b = TN.Zeros(dtype, 3).RequiringGrad();
        Assert.False(Compare(relation, a, b).RequiresGrad);
        Assert.False(Compare(relation, a * 2.0, 1.0).RequiresGrad);
    }

    [Fact]
    public void Comparison_IsAMaskForWhere()
    {
        Tensor x = TN.Tensor(new[] { -2.0, 1.0, -0.5, 3.0 }).RequiringGrad();
        Tensor relu = TN.Where(x.Gt(0), x, TN.Scalar(0.0, DType.Float64));
        Assert.Equal([0.0, 1.0, 0.0, 3.0], relu.ToArray<double>());
        relu.Sum().Backward();
        Assert.Equal([0.0, 1.0, 0.0, 1.0], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void Comparison_ThrowsForDTypeMismatch()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Ones(2).Lt(TN.Ones(DType.Float64, 2)));
        Assert.Contains("Lt", e.Message);
        Assert.Contains("Float32", e.Message);
        Assert.Contains("Float64", e.Message);
    }

    [Fact]
    public void Comparison_ThrowsWhenShapesDoNotBroadcast()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.Ones(2, 3).Ge(TN.Ones(4)));
        Assert.Contains("Ge", e.Message);
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("[4]", e.Message);
    }
}
