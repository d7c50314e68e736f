using System.Numerics.Tensors;

namespace TensorNetworks.Training.Optimizers;

/// <summary>
/// The m most recent curvature pairs (sₖ = xₖ₊₁ − xₖ, yₖ = ∇fₖ₊₁ − ∇fₖ) of L-BFGS and the two-loop
/// recursion that applies the inverse-Hessian approximation they define (Nocedal and Wright, Algorithm 7.4).
/// </summary>
internal sealed class LbfgsHistory(int capacity)
{
    private readonly List<(double[] S, double[] Y)> _pairs = [];

    /// <summary>Number of stored pairs.</summary>
    public int Count => _pairs.Count;

    /// <summary>The stored pairs, oldest first.</summary>
    public IReadOnlyList<(double[] S, double[] Y)> Pairs => _pairs;

    /// <summary>Stores a pair when yᵀs &gt; 1e-10 (the curvature condition that keeps the approximation
    /// positive definite), dropping the oldest beyond the capacity; returns whether it was stored.</summary>
    public bool Add(double[] s, double[] y)
    {
        if (!(TensorPrimitives.Dot<double>(y, s) > 1e-10)) return false;
        if (_pairs.Count == capacity) _pairs.RemoveAt(0);
        _pairs.Add((s, y));
        return true;
    }

    /// <summary>Forgets every pair.</summary>
    public void Clear() => _pairs.Clear();

    /// <summary>
    /// The search direction d = −H·g. Two-loop recursion: q ← g; newest to oldest, αᵢ = ρᵢsᵢᵀq, q ← q − αᵢyᵢ
    /// with ρᵢ = 1/(yᵢᵀsᵢ); r ← γq with γ = sᵀy/yᵀy of the newest pair (1 without pairs); oldest to newest,
    /// β = ρᵢyᵢᵀr, r ← r + (αᵢ − β)sᵢ; d = −r.
    /// </summary>
    public double[] Direction(double[] gradient)
    {
        double[] q = (double[])gradient.Clone();
        var alphas = new double[_pairs.Count];
        for (int i = _pairs.Count - 1; i >= 0; i--)
        {
            var (s, y) = _pairs[i];
            alphas[i] = TensorPrimitives.Dot<double>(s, q) / TensorPrimitives.Dot<double>(y, s);
            TensorPrimitives.MultiplyAdd(y, -alphas[i], q, q);
        }
        if (_pairs.Count > 0)
        {
            var (s, y) = _pairs[^1];
            TensorPrimitives.Multiply(q, TensorPrimitives.Dot<double>(s, y) / TensorPrimitives.Dot<double>(y, y), q);
        }
        for (int i = 0; i < _pairs.Count; i++)
        {
            var (s, y) = _pairs[i];
            double beta = TensorPrimitives.Dot<double>(y, q) / TensorPrimitives.Dot<double>(y, s);
            TensorPrimitives.MultiplyAdd(s, alphas[i] - beta, q, q);
        }
        TensorPrimitives.Negate(q, q);
        return q;
    }
}
