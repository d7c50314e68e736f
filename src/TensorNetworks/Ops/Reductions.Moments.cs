namespace TensorNetworks;

/// <summary>Variance and standard deviation over axes.</summary>
public sealed partial class Tensor
{
    /// <summary>The variance of all elements with Bessel's correction, as a zero-axis tensor; see <see cref="Var(int[], bool, int)"/>.</summary>
    /// <example><code>double v = TN.Tensor(new[] { 1.0, 2.0, 3.0, 4.0 }).Var().Item(); // 1.6667</code></example>
    public Tensor Var() => Var(AllAxes(), keepDim: false);

    /// <summary>
    /// The variance over the given axes (negative axes count from the end): Σ (x − x̄)² / max(0, N − correction), where
    /// N is the number of elements reduced into each output and x̄ their mean. The default correction 1 is the unbiased
    /// estimate (PyTorch's default, <c>unbiased=True</c>); 0 is the population variance (<c>unbiased=False</c>). As in
    /// PyTorch, N ≤ correction divides by 0 (NaN for one element, +∞ for a positive sum), an empty reduction gives NaN,
    /// and a 0-d tensor takes axis 0 or −1. With <paramref name="keepDim"/> the reduced axes stay as extent 1. An empty
    /// axis list reduces nothing (N = 1, tn's rule for Sum; PyTorch 1.13's <c>var(dim=[])</c> reduces everything):
    /// for all axes with another correction pass every axis. Computed in two passes in double (the mean, then the squared
    /// deviations; float32 deviations are squared in SIMD chunks whose sums are added in double), rounded once.
    /// d/dx = 2(x − x̄)/(N − correction).
    /// </summary>
    /// <exception cref="ArgumentException">When an axis is out of range (on a 0-d tensor: other than 0 or −1) or repeated.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="correction"/> is negative.</exception>
    /// <example><code>Tensor rowVariances = TN.Randn(new Generator(0), 4, 100).Var([1], correction: 0); // shape [4]</code></example>
    public Tensor Var(int[] axes, bool keepDim = false, int correction = 1) => Moment(axes, keepDim, correction, squareRoot: false, "Var");

    /// <summary>The variance over one axis; see <see cref="Var(int[], bool, int)"/>.</summary>
    /// <example><code>Tensor v = TN.Ones(2, 3).Var(-1, keepDim: true); // [[0], [0]]</code></example>
    public Tensor Var(int axis, bool keepDim = false, int correction = 1) => Var([axis], keepDim, correction);

    /// <summary>The standard deviation of all elements with Bessel's correction; see <see cref="Std(int[], bool, int)"/>.</summary>
    /// <example><code>double s = TN.Tensor(new[] { 1.0, 3.0 }).Std().Item(); // 1.4142</code></example>
    public Tensor Std() => Std(AllAxes(), keepDim: false);

    /// <summary>
    /// The standard deviation over the given axes: √(Σ (x − x̄)² / max(0, N − correction)), with the conventions of
    /// <see cref="Var(int[], bool, int)"/> (the square root taken in double before rounding). d/dx = (x − x̄)/((N −
    /// correction)·σ), and 0 where σ = 0 (a constant line), as in PyTorch.
    /// </summary>
    /// <exception cref="ArgumentException">When an axis is out of range (on a 0-d tensor: other than 0 or −1) or repeated.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="correction"/> is negative.</exception>
    /// <example><code>Tensor z = x / x.Std([0], keepDim: true); // columns scaled to unit spread</code></example>
    public Tensor Std(int[] axes, bool keepDim = false, int correction = 1) => Moment(axes, keepDim, correction, squareRoot: true, "Std");

    /// <summary>The standard deviation over one axis; see <see cref="Std(int[], bool, int)"/>.</summary>
    /// <example><code>Tensor s = TN.Ones(2, 3).Std(1); // [0, 0]</code></example>
    public Tensor Std(int axis, bool keepDim = false, int correction = 1) => Std([axis], keepDim, correction);

    private Tensor Moment(int[] axes, bool keepDim, int correction, bool squareRoot, string op)
    {
        int[] normalized = NormalizeAxes(axes, op);
        if (correction < 0)
            throw new ArgumentOutOfRangeException(nameof(correction), correction, $"{op}: correction {correction} must be >= 0 (1 for the unbiased estimate, 0 for the population {(squareRoot ? "deviation" : "variance")}).");
        int[] keptDims = (int[])Dims.Clone();
        foreach (int a in normalized) keptDims[a] = 1;
        var (lines, outer, extent, inner) = MomentLines(normalized);
        double divisor = Math.Max(0, extent - correction);
        Tensor result = MomentKernel.Variance(lines, outer, extent, inner, divisor, squareRoot, keepDim ? keptDims : DropAxes(Dims, normalized));
        if (Autograd.ShouldRecord(this)) RecordMoment(result, this, normalized, keptDims, divisor, squareRoot, op);
        return result;
    }

    /// <summary>This tensor as (outer, extent, inner) lines with the reduced elements along extent: as it lies when the
    /// axes form one run, else with the reduced axes moved last by a copy.</summary>
    private (Tensor Lines, int Outer, int Extent, int Inner) MomentLines(int[] axes)
    {
        if (axes.Length == 0) return (this, ElementCount, 1, 1);
        int lo = axes.Min(), hi = axes.Max();
        int extent = 1;
        foreach (int a in axes) extent *= Dims[a];
        if (hi - lo + 1 == axes.Length)
            return (this, Shape.ElementCountOf(Dims.AsSpan(0, lo)), extent, Shape.ElementCountOf(Dims.AsSpan(hi + 1)));
        int[] kept = [.. AllAxes().Where(a => System.Array.IndexOf(axes, a) < 0)];
        Tensor moved = Detach().Permute([.. kept, .. axes.Order()]);
        return (moved, Shape.ElementCountOf(DropAxes(Dims, axes)), extent, 1);
    }

    private static void RecordMoment(Tensor result, Tensor input, int[] axes, int[] keptDims, double divisor, bool squareRoot, string op)
        => Autograd.Record(result, input, g =>
        {
            Tensor perVariance = g.Reshape(keptDims);
            if (squareRoot)
            {
                Tensor deviation = result.Reshape(keptDims);
                perVariance = TN.Where(deviation.Eq(0), TN.ZerosLike(deviation), perVariance / (deviation * 2.0));
            }
            return (input - input.Mean(axes, keepDim: true)) * (perVariance * (2.0 / divisor));
        }, op);
}
