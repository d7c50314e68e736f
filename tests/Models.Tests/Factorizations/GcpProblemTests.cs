using TensorNetworks.Models.Factorizations;

namespace TensorNetworks.Models.Tests.Factorizations;

public sealed class GcpProblemTests
{
    private static readonly int[] Shape = [5, 4, 3];

    private static void AssertClose(Tensor expected, Tensor actual, double tolerance, string what)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        double[] e = expected.ToArray<double>(), a = actual.ToArray<double>();
        double scale = 1 + e.Max(Math.Abs);
        for (int i = 0; i < e.Length; i++)
            Assert.True(Math.Abs(e[i] - a[i]) <= tolerance * scale, $"{what}[{i}]: expected {e[i]:R}, got {a[i]:R}");
    }

    [Theory]
    [MemberData(nameof(GcpFixtures.LossNames), MemberType = typeof(GcpFixtures))]
    public void Gradient_EqualsAutodiffOfEvaluate(string name) => GradientMatches(name, masked: false);

    [Theory]
    [MemberData(nameof(GcpFixtures.LossNames), MemberType = typeof(GcpFixtures))]
    public void Gradient_EqualsAutodiffOfEvaluateWithAMask(string name) => GradientMatches(name, masked: true);

    private static void GradientMatches(string name, bool masked)
    {
        GcpLoss loss = GcpFixtures.Loss(name);
        var g = new Generator(11);
        Tensor x = GcpFixtures.Data(loss, g, Shape);
        Tensor? mask = masked ? GcpFixtures.Mask(g, 0.6, Shape) : null;
        var problem = new GcpProblem(x, loss, mask);
        Tensor[] factors = [.. GcpFixtures.Factors(loss, g, 3, Shape).Select(a => a.RequiringGrad())];
        Tensor[] autodiff = Gradients.Of(problem.Evaluate(factors), factors);
        Tensor[] closed = problem.Gradient(factors);
        for (int k = 0; k < factors.Length; k++) AssertClose(autodiff[k], closed[k], 1e-11, $"{name} dF/dA{k}");
    }

    [Fact]
    public void Gradient_IsTheUnfoldingTimesTheAscendingKhatriRaoProduct()
    {
        var g = new Generator(12);
        Tensor x = TN.Randn(g, DType.Float64, Shape);
        var problem = new GcpProblem(x, GcpLoss.Gaussian);
        Tensor[] a = GcpFixtures.Factors(GcpLoss.Gaussian, g, 2, Shape);
        Tensor y = GcpLoss.Gaussian.Derivative(x, problem.Model(a));
        Tensor[] gradient = problem.Gradient(a);
        AssertClose(TN.MatMul(TN.Linalg.Unfold(y, 1), TN.Linalg.KhatriRao(a[0], a[2])), gradient[1], 1e-12, "dF/dA1");
        Tensor koldaBaderOrder = TN.MatMul(TN.Linalg.Unfold(y, 1), TN.Linalg.KhatriRao(a[2], a[0]));
        Assert.True((koldaBaderOrder - gradient[1]).Norm().Item() > 1e-3 * gradient[1].Norm().Item(),
            "with the row-major unfolding, the descending (Kolda–Bader) Khatri–Rao order must not give the gradient");
    }

    [Theory]
    [InlineData("Gaussian")]
    [InlineData("PoissonIdentity")]
    [InlineData("BernoulliLogit")]
    public void TrainingLoss_HasTheValueOfEvaluateAndTheClosedFormGradient(string name)
    {
        GcpLoss loss = GcpFixtures.Loss(name);
        var g = new Generator(13);
        var problem = new GcpProblem(GcpFixtures.Data(loss, g, Shape), loss, GcpFixtures.Mask(g, 0.7, Shape));
        Tensor[] raw = [.. GcpFixtures.Factors(loss, g, 2, Shape).Select(a => a.RequiringGrad())];
        Tensor[] factors = [.. raw.Select(b => b.Square())];
        Tensor training = problem.TrainingLoss(factors);
        Tensor reference = problem.Evaluate(factors);
        Assert.Equal(reference.Item(), training.Item(), 12);
        Tensor[] expected = Gradients.Of(reference, raw), actual = Gradients.Of(training, raw);
        for (int k = 0; k < raw.Length; k++) AssertClose(expected[k], actual[k], 1e-11, $"{name} through a parametrization, mode {k}");
    }

    [Fact]
    public void Evaluate_IgnoresMissingEntries()
    {
        var g = new Generator(14);
        Tensor x = TN.Randn(g, DType.Float64, Shape);
        Tensor mask = GcpFixtures.Mask(g, 0.5, Shape);
        Tensor[] a = GcpFixtures.Factors(GcpLoss.Gaussian, g, 2, Shape);
        Tensor corrupted = TN.Where(mask, x, TN.Scalar(double.NaN, DType.Float64));
        double clean = new GcpProblem(x, GcpLoss.Gaussian, mask).Evaluate(a).Item();
        double withNaN = new GcpProblem(corrupted, GcpLoss.Gaussian, mask).Evaluate(a).Item();
        Assert.Equal(clean, withNaN, 12);
        double manual = ((x - new GcpProblem(x, GcpLoss.Gaussian).Model(a)).Square() * mask).Sum().Item();
        Assert.Equal(manual, clean, 10);
    }

    [Fact]
    public void Constructor_ThrowsForAMaskOfTheWrongShape()
    {
        Tensor x = TN.Zeros(DType.Float64, 5, 4, 3);
        var e = Assert.Throws<ArgumentException>(() => new GcpProblem(x, GcpLoss.Gaussian, TN.Ones(DType.Float64, 5, 3, 4)));
        Assert.Contains("[5, 3, 4]", e.Message);
        Assert.Contains("[5, 4, 3]", e.Message);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Constructor_ThrowsForANegativeOrNonFiniteWeight(double bad)
    {
        Tensor w = GcpFixtures.With(TN.Ones(DType.Float64, 2, 3), bad, [1, 2]);
        var e = Assert.Throws<ArgumentException>(() => new GcpProblem(TN.Zeros(DType.Float64, 2, 3), GcpLoss.Gaussian, w));
        Assert.Contains("[1, 2]", e.Message);
    }

    [Theory]
    [InlineData("Gaussian", double.PositiveInfinity)]
    [InlineData("Gamma", 0.0)]
    [InlineData("Rayleigh", -1.0)]
    [InlineData("PoissonIdentity", 2.5)]
    [InlineData("PoissonLog", -3.0)]
    [InlineData("BernoulliOdds", 2.0)]
    [InlineData("BernoulliLogit", -1.0)]
    [InlineData("NegativeBinomial", 0.5)]
    [InlineData("Huber", double.NaN)]
    public void Constructor_ThrowsForDataOutsideTheDomainNamingLossIndexAndValue(string name, double bad)
    {
        GcpLoss loss = GcpFixtures.Loss(name);
        Tensor x = GcpFixtures.With(GcpFixtures.Data(loss, new Generator(15), 3, 4, 2), bad, [2, 1, 0], [2, 3, 1]);
        var e = Assert.Throws<ArgumentException>(() => new GcpProblem(x, loss));
        Assert.Contains(loss.Name, e.Message);
        Assert.Contains("[2, 1, 0]", e.Message);
        Assert.Contains(bad.ToString("R"), e.Message);
        Tensor mask = GcpFixtures.With(TN.Ones(DType.Float64, 3, 4, 2), 0, [2, 1, 0], [2, 3, 1]);
        _ = new GcpProblem(x, loss, mask);
    }

    [Fact]
    public void Constructor_ThrowsForAVector()
    {
        var e = Assert.Throws<ArgumentException>(() => new GcpProblem(TN.Zeros(DType.Float64, 6), GcpLoss.Gaussian));
        Assert.Contains("[6]", e.Message);
    }

    [Fact]
    public void Evaluate_ThrowsForFactorsThatDoNotFit()
    {
        var problem = new GcpProblem(TN.Zeros(DType.Float64, 5, 4, 3), GcpLoss.Gaussian);
        var g = new Generator(16);
        var rows = Assert.Throws<ArgumentException>(() => problem.Evaluate([TN.Randn(g, DType.Float64, 5, 2), TN.Randn(g, DType.Float64, 3, 2), TN.Randn(g, DType.Float64, 3, 2)]));
        Assert.Contains("factors[1]", rows.Message);
        var count = Assert.Throws<ArgumentException>(() => problem.Gradient([TN.Randn(g, DType.Float64, 5, 2)]));
        Assert.Contains("3 factor matrices", count.Message);
    }
}
