using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Tests.Optimizers;

public class LbfgsHistoryTests
{
    [Fact]
    public void Direction_IsSteepestDescentWithoutPairs()
    {
        Assert.Equal(new[] { -1.0, 2.0, -3.0 }, new LbfgsHistory(3).Direction([1, -2, 3]));
    }

    [Fact]
    public void Direction_EqualsTheExplicitInverseHessianApproximation()
    {
        var gen = new Generator(1);
        var history = new LbfgsHistory(capacity: 3);
        var kept = new List<(double[] S, double[] Y)>();
        for (int k = 0; k < 5; k++)
        {
            double[] s = Normal(gen, 4), y = [.. s.Select((v, i) => (i + 1) * v + 0.1 * gen.NextNormal())];
            Assert.True(history.Add(s, y));
            kept.Add((s, y));
        }
        double[] g = Normal(gen, 4);

        double[] expected = BfgsReference.Direction(kept.TakeLast(3).ToList(), g);

        double[] actual = history.Direction(g);
        Assert.Equal(3, history.Count);
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], actual[i], 1e-12);
    }

    [Fact]
    public void Add_RefusesAPairWithoutPositiveCurvature()
    {
        var history = new LbfgsHistory(2);
        Assert.False(history.Add([1, 0], [-1, 0]));
        Assert.False(history.Add([1, 0], [0, 1]));
        Assert.Equal(0, history.Count);
    }

    private static double[] Normal(Generator gen, int n) => [.. Enumerable.Range(0, n).Select(_ => gen.NextNormal())];
}
