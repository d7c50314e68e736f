using TensorNetworks.Nn;

namespace TensorNetworks.Training.Tests.Nn;

public class LinearTests
{
    [Fact]
    public void Forward_MatchesHandComputation()
    {
        var layer = new Linear(3, 2, new Generator(1), dtype: DType.Float64);
        layer.Weight.Value = TN.Tensor(new double[,] { { 1, 2, 3 }, { -1, 0.5, 4 } });
        layer.Bias!.Value = TN.Tensor(new double[] { 0.25, -2 });
        Tensor x = TN.Tensor(new double[,] { { 1, 0, -1 }, { 2, 3, 0.5 } });

        Tensor y = layer.Forward(x);

        // Row 0: [1·1 + 2·0 + 3·(−1) + 0.25, −1·1 + 0.5·0 + 4·(−1) − 2] = [−1.75, −7].
        // Row 1: [2 + 6 + 1.5 + 0.25, −2 + 1.5 + 2 − 2] = [9.75, −0.5].
        Assert.Equal(new[] { -1.75, -7, 9.75, -0.5 }, y.ToArray<double>());
        Assert.Equal(new Shape(2, 2), y.Shape);
    }

    [Fact]
    public void Forward_AppliesToTheLastAxisOfABatchedInput()
    {
        var gen = new Generator(2);
        var layer = new Linear(4, 3, gen, dtype: DType.Float64);
        Tensor x = TN.Randn(gen, DType.Float64, 2, 5, 4);

        Tensor y = layer.Forward(x);

        Assert.Equal(new Shape(2, 5, 3), y.Shape);
        double[] w = layer.Weight.Value.ToArray<double>(), b = layer.Bias!.Value.ToArray<double>();
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 5; j++)
                for (int o = 0; o < 3; o++)
                {
                    double expected = b[o];
                    for (int k = 0; k < 4; k++) expected += x[i, j, k] * w[o * 4 + k];
                    Assert.Equal(expected, y[i, j, o], 12);
                }
    }

    [Fact]
    public void Constructor_InitializesUniformlyWithinOneOverSqrtIn()
    {
        var layer = new Linear(16, 64, new Generator(3));
        double bound = 1 / Math.Sqrt(16);
        float[] w = layer.Weight.Value.ToArray<float>();
        float[] b = layer.Bias!.Value.ToArray<float>();

        Assert.All(w.Concat(b), v => Assert.InRange(v, -bound, bound));
        Assert.Equal(0, w.Average(v => (double)v), 1);
        // A uniform on (−a, a) has variance a²/3; over 1024 draws the estimate is within a few percent.
        Assert.Equal(bound * bound / 3, w.Average(v => (double)v * v), 2);
        Assert.Equal(DType.Float32, layer.Weight.Value.DType);
    }

    [Fact]
    public void Constructor_IsDeterministicForASeed()
    {
        var a = new Linear(5, 2, new Generator(7), dtype: DType.Float64);
        var b = new Linear(5, 2, new Generator(7), dtype: DType.Float64);
        Assert.Equal(a.Weight.Value.ToArray<double>(), b.Weight.Value.ToArray<double>());
        Assert.Equal(a.Bias!.Value.ToArray<double>(), b.Bias!.Value.ToArray<double>());
    }

    [Fact]
    public void Gradients_MatchFiniteDifferences()
    {
        var gen = new Generator(4);
        var layer = new Linear(4, 3, gen, dtype: DType.Float64);
        Tensor x = TN.Randn(gen, DType.Float64, 5, 4).RequiringGrad();

        GradCheckResult result = GradCheck.Compare(xs => layer.Forward(xs[0]), [x, layer.Weight.Value, layer.Bias!.Value]);

        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void WithoutBias_RegistersOnlyTheWeight()
    {
        var layer = new Linear(3, 2, new Generator(5), bias: false, dtype: DType.Float64);
        Assert.Null(layer.Bias);
        Assert.Equal(["weight"], layer.NamedParameters().Select(p => p.Key));
        Tensor x = TN.Ones(DType.Float64, 1, 3);
        double[] w = layer.Weight.Value.ToArray<double>();
        Assert.Equal(w[0] + w[1] + w[2], layer.Forward(x)[0, 0], 14);
    }

    [Fact]
    public void Forward_ThrowsNamingTheShapeForAWrongFeatureCount()
    {
        var layer = new Linear(3, 2, new Generator(6));
        var e = Assert.Throws<ArgumentException>(() => layer.Forward(TN.Ones(4, 5)));
        Assert.Contains("3 features", e.Message);
        Assert.Contains("[4, 5]", e.Message);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(3, -1)]
    public void Constructor_ThrowsForNonPositiveFeatureCounts(int inFeatures, int outFeatures)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Linear(inFeatures, outFeatures, new Generator(0)));
        Assert.Contains($"got {Math.Min(inFeatures, outFeatures)}", e.Message);
    }
}
