using TensorNetworks.Backends;

namespace TensorNetworks.Tests.Backends;

/// <summary>Each kernel against its scalar formula at every length up to two and a half 512-bit blocks, with NaN in
/// the lanes past the end that the final masked block reads: the NaN must neither reach a result nor be overwritten.</summary>
public sealed unsafe class HouseholderKernelsTests
{
    private const int Lengths = 21;

    /// <summary>Random values in [0, length), NaN in the <see cref="HouseholderKernels.Overread"/> lanes after.</summary>
    private static double[] Row(Generator g, int length)
    {
        double[] random = GemmReference.Random(g, length), row = new double[length + HouseholderKernels.Overread];
        random.CopyTo(row, 0);
        row.AsSpan(length).Fill(double.NaN);
        return row;
    }

    private static void AssertPaddingKept(double[] row, int length, string what)
    {
        for (int k = length; k < row.Length; k++) Assert.True(double.IsNaN(row[k]), $"{what}: lane {k} past length {length} was overwritten with {row[k]}");
    }

    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-14 * (1 + Math.Abs(expected)), $"{what}: {actual} against {expected}");

    [Fact]
    public void Dot_MatchesItsScalarFormula()
    {
        var g = new Generator(301);
        for (int length = 0; length < Lengths; length++)
        {
            double[] x = Row(g, length), y = Row(g, length);
            double dot = 0;
            for (int k = 0; k < length; k++) dot += x[k] * y[k];
            fixed (double* px = x, py = y)
                Close(dot, HouseholderKernels.Dot(px, py, length), $"x·y length {length}");
        }
    }

    [Fact]
    public void ScalingKernels_MatchTheirScalarFormulas()
    {
        var g = new Generator(302);
        for (int length = 0; length < Lengths; length++)
        {
            double[] x = Row(g, length), y = Row(g, length), divided = (double[])x.Clone(), scaled = (double[])x.Clone();
            double squares = 0, dot = 0;
            for (int k = 0; k < length; k++)
            {
                squares += x[k] / 3 * (x[k] / 3);
                dot += -2.5 * x[k] * y[k];
            }
            fixed (double* pd = divided, ps = scaled, py = y)
            {
                Close(squares, HouseholderKernels.DivideAndSumSquares(pd, 3, length), $"Σ(x/3)² length {length}");
                Close(dot, HouseholderKernels.ScaleAndDot(ps, -2.5, py, length), $"(−2.5x)·y length {length}");
            }
            for (int k = 0; k < length; k++)
            {
                Assert.Equal(x[k] / 3, divided[k]);
                Close(-2.5 * x[k], scaled[k], $"−2.5x[{k}] length {length}");
            }
            AssertPaddingKept(divided, length, "x/3");
            AssertPaddingKept(scaled, length, "−2.5x");
        }
    }

    [Fact]
    public void UpdateKernels_MatchTheirScalarFormulas()
    {
        var g = new Generator(303);
        for (int length = 0; length < Lengths; length++)
        {
            double[] x = Row(g, length), y = Row(g, length), z = Row(g, length), p = Row(g, length);
            double[] once = (double[])x.Clone(), twice = (double[])x.Clone(), accumulated = (double[])p.Clone();
            double dot;
            fixed (double* px = x, py = y, pz = z, po = once, pt = twice, pa = accumulated)
            {
                HouseholderKernels.SubtractScaled(po, 0.75, py, length);
                HouseholderKernels.SubtractTwo(pt, 0.75, py, -1.25, pz, length);
                dot = HouseholderKernels.DotAndAccumulate(px, py, pa, 1.5, length);
            }
            double expectedDot = 0;
            for (int k = 0; k < length; k++)
            {
                Close(x[k] - 0.75 * y[k], once[k], $"x − 0.75y [{k}] length {length}");
                Close(x[k] - 0.75 * y[k] + 1.25 * z[k], twice[k], $"x − 0.75y + 1.25z [{k}] length {length}");
                Close(p[k] + 1.5 * x[k], accumulated[k], $"p + 1.5x [{k}] length {length}");
                expectedDot += x[k] * y[k];
            }
            Close(expectedDot, dot, $"x·y beside p += 1.5x, length {length}");
            AssertPaddingKept(once, length, "x − 0.75y");
            AssertPaddingKept(twice, length, "x − 0.75y + 1.25z");
            AssertPaddingKept(accumulated, length, "p + 1.5x");
        }
    }

    [Fact]
    public void AddPartials_AddsTheThreeFollowingPartialsIntoTheFirst()
    {
        var g = new Generator(304);
        for (int length = 1; length < Lengths; length++)
        {
            int stride = (length + HouseholderKernels.Overread + 7) & ~7;
            double[] p = GemmReference.Random(g, 4 * stride), expected = (double[])p.Clone();
            for (int k = 0; k < length; k++) expected[k] = p[k] + p[stride + k] + p[2 * stride + k] + p[3 * stride + k];
            fixed (double* pp = p) HouseholderKernels.AddPartials(pp, stride, length);
            for (int k = 0; k < length; k++) Close(expected[k], p[k], $"partials [{k}] length {length}");
            for (int k = stride; k < p.Length; k++) Assert.Equal(expected[k], p[k]);
        }
    }
}
