using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Tests.Optimizers;

public class StrongWolfeLineSearchTests
{
    private const double C1 = StrongWolfeLineSearch.SufficientDecrease, C2 = StrongWolfeLineSearch.Curvature;

    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-2)]
    [InlineData(1.0)]
    [InlineData(100.0)]
    public void Search_MeetsBothConditionsOnRosenbrockSlices(double initialStep)
    {
        var gen = new Generator(7);
        for (int trial = 0; trial < 20; trial++)
        {
            double x0 = 2 * gen.NextNormal(), y0 = 2 * gen.NextNormal();
            var (gx, gy) = Rosenbrock.Gradient(x0, y0);
            // Alternate steepest descent with a rotated descent direction, as L-BFGS produces.
            (double dx, double dy) = trial % 2 == 0 ? (-gx, -gy) : (-gx + 0.3 * gy, -gy - 0.3 * gx);
            LinePoint Phi(double a)
            {
                var (hx, hy) = Rosenbrock.Gradient(x0 + a * dx, y0 + a * dy);
                return new LinePoint(a, Rosenbrock.Value(x0 + a * dx, y0 + a * dy), hx * dx + hy * dy);
            }
            LinePoint start = Phi(0);

            LineSearchResult r = StrongWolfeLineSearch.Search(Phi, start, initialStep, minimumBracket: 0);

            Assert.True(r.SatisfiesWolfe, $"trial {trial}: {r}");
            Assert.True(r.Accepted.Value <= start.Value + C1 * r.Accepted.Step * start.Slope, $"trial {trial}: sufficient decrease fails, {r}");
            Assert.True(Math.Abs(r.Accepted.Slope) <= C2 * Math.Abs(start.Slope), $"trial {trial}: curvature fails, {r}");
            Assert.True(r.IsLastEvaluated);
            Assert.InRange(r.Evaluations, 1, StrongWolfeLineSearch.MaxEvaluations);
        }
    }

    [Fact]
    public void Search_AcceptsTheFirstTrialWhenItIsGoodEnough()
    {
        // φ(α) = (α − 1)², φ'(0) = −2: α = 1 is the exact minimizer.
        static LinePoint Phi(double a) => new(a, (a - 1) * (a - 1), 2 * (a - 1));

        LineSearchResult r = StrongWolfeLineSearch.Search(Phi, Phi(0), 1.0, 0);

        Assert.Equal(1, r.Evaluations);
        Assert.Equal(1.0, r.Accepted.Step);
    }

    [Fact]
    public void Search_ZoomsPastNonFiniteValues()
    {
        // φ is infinite beyond α = 2 and has its minimum at α = 1.5.
        static LinePoint Phi(double a) => a > 2 ? new(a, double.PositiveInfinity, double.NaN) : new(a, (a - 1.5) * (a - 1.5), 2 * (a - 1.5));

        LineSearchResult r = StrongWolfeLineSearch.Search(Phi, Phi(0), 10, 0);

        Assert.True(r.SatisfiesWolfe, r.ToString());
        Assert.InRange(r.Accepted.Step, 0.1, 2);
    }

    [Fact]
    public void Search_ReportsFailureWithNoStepWhenNothingDecreases()
    {
        // The "descent" direction is wrong: φ rises everywhere, so no step decreases φ enough.
        static LinePoint Phi(double a) => new(a, a * a + a, -1);

        LineSearchResult r = StrongWolfeLineSearch.Search(Phi, new LinePoint(0, 0, -1), 1, 1e-9);

        Assert.False(r.SatisfiesWolfe);
        Assert.Equal(0, r.Accepted.Step);
    }

    [Fact]
    public void CubicMinimizer_IsExactForACubic()
    {
        // φ(α) = α³ − 3α has its local minimum at α = 1.
        static LinePoint Phi(double a) => new(a, a * a * a - 3 * a, 3 * a * a - 3);
        Assert.Equal(1.0, StrongWolfeLineSearch.CubicMinimizer(Phi(0), Phi(2)), 1e-14);
        Assert.Equal(1.0, StrongWolfeLineSearch.CubicMinimizer(Phi(3), Phi(0.5)), 1e-14);
    }
}
