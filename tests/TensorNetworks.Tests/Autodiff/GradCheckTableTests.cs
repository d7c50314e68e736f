using TensorNetworks;

namespace TensorNetworks.Tests.Autodiff;

public sealed class GradCheckTableTests
{
    [Theory]
    [MemberData(nameof(GradCases.Names), MemberType = typeof(GradCases))]
    public void Op_GradientMatchesFiniteDifferences(string name)
    {
        GradCase c = GradCases.All.Single(x => x.Name == name);
        var generator = new Generator((ulong)StableHash(name));
        Tensor[] inputs = [.. c.Shapes.Select(s => (c.Draw ?? ((g, sh) => TN.Randn(g, DType.Float64, sh)))(generator, s).RequiringGrad())];

        GradCheckResult result = GradCheck.Compare(c.Function, inputs);

        Assert.True(result.Passed, $"{name}: {result}");
    }

    [Fact]
    public void Table_NamesAreUnique()
    {
        var duplicates = GradCases.All.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void GradCheck_DetectsAWrongGradient()
    {
        var x = TN.Randn(new Generator(3), DType.Float64, 4).RequiringGrad();
        // Detach() hides x from the tape inside the square, so autodiff sees d(x·x)/dx = x, not 2x.
        GradCheckResult result = GradCheck.Compare(xs => xs[0] * xs[0].Detach(), [x]);
        Assert.False(result.Passed);
    }

    [Fact]
    public void GradCheck_RefusesInputsOfWhichNoneRequiresAGradient()
    {
        var x = TN.Randn(new Generator(3), DType.Float64, 3);
        var e = Assert.Throws<ArgumentException>(() => GradCheck.Compare(xs => xs[0].Exp().Sum(), [x]));
        Assert.Contains("none of the 1 inputs ([3]) requires a gradient", e.Message);
        Assert.Contains("RequiringGrad()", e.Message);
    }

    private static int StableHash(string s)
    {
        unchecked
        {
            int h = 17;
            foreach (char ch in s) h = h * 31 + ch;
            return h & int.MaxValue;
        }
    }
}
