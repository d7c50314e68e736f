using TensorNetworks.Nn;

namespace TensorNetworks.Models.Decompositions;

/// <summary>
/// The trainable form of a ring: one <see cref="Parameter"/> per core, named G0..G{N-1}, and the closed-form
/// least-squares update of one core with the others fixed.
/// </summary>
internal sealed class TensorRingModule : Module
{
    private readonly Parameter[] _cores;

    public TensorRingModule(TensorRing initial)
    {
        _cores = [.. initial.Cores.Select((c, k) => RegisterParameter($"G{k}", c))];
    }

    public IReadOnlyList<Parameter> Cores => _cores;

    /// <summary>The current ring, with detached cores.</summary>
    public TensorRing ToRing() => new([.. _cores.Select(p => p.Value.Detach())]);

    /// <summary>‖T − ring‖_F / ‖T‖_F for the current cores.</summary>
    public Tensor RelativeError(Tensor target, double targetNorm) => (ToRing().ToDense() - target).Norm() / targetNorm;

    /// <summary>
    /// The mode-k unfolding of T in the ring's cyclic order: T permuted to (k, k+1, …, N−1, 0, …, k−1) and shaped
    /// (Π_{j≠k} n_j) × n_k, the right-hand side of core k's least-squares problem.
    /// </summary>
    public static Tensor CyclicUnfolding(Tensor target, int k)
    {
        int n = target.Order;
        int[] order = [.. Enumerable.Range(0, n).Select(j => (k + j) % n)];
        Tensor t = target.Permute(order);
        return t.Reshape(target.Size(k), target.ElementCount / target.Size(k)).Transpose(0, 1);
    }

    /// <summary>
    /// Sets core k to argmin_G ‖T − ring(G)‖_F. With the subchain Q = G_{k+1} ⋯ G_N G_1 ⋯ G_{k-1}
    /// (r_k × Π_{j≠k} n_j × r_{k-1}), T_(k)[i_k, rest] = Σ_{a,b} G_k[a, i_k, b]·Q[b, rest, a], so with the design
    /// matrix A[rest, (a, b)] = Q[b, rest, a] the core solves A·X = T_(k)ᵀ in the least-squares sense and
    /// G_k[a, i, b] = X[(a, b), i].
    /// </summary>
    public void Solve(int k, Tensor unfolding)
    {
        int n = _cores.Length;
        Tensor first = _cores[(k + 1) % n].Value;
        Tensor q = first.Reshape(first.Size(0) * first.Size(1), first.Size(2));
        for (int j = 2; j < n; j++)
        {
            Tensor g = _cores[(k + j) % n].Value;
            q = q.MatMul(g.Reshape(g.Size(0), g.Size(1) * g.Size(2))).Reshape(q.Size(0) * g.Size(1), g.Size(2));
        }
        int right = first.Size(0), left = q.Size(1), rest = q.Size(0) / right;
        Tensor design = q.Reshape(right, rest, left).Permute(1, 2, 0).Reshape(rest, left * right);
        Tensor x = TN.Linalg.LeastSquares(design, unfolding);
        _cores[k].Value = x.Reshape(left, right, unfolding.Size(1)).Permute(0, 2, 1);
    }
}
