namespace TensorNetworks;

/// <summary>Upper and lower triangles of the matrices in the last two axes.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// The upper triangle of each matrix in the last two axes, PyTorch's <c>triu</c>: r[…, i, j] = x[…, i, j] where
    /// j − i ≥ <paramref name="diagonal"/>, else 0 (0 is the main diagonal, positive offsets lie above it, negative below).
    /// Leading axes are a batch. Entries outside the triangle become 0 even when NaN. The gradient is the upper triangle
    /// of the incoming gradient.
    /// </summary>
    /// <exception cref="ArgumentException">When the tensor has fewer than two axes.</exception>
    /// <example><code>Tensor u = TN.Ones(3, 3).Triu(1); // [[0, 1, 1], [0, 0, 1], [0, 0, 0]]</code></example>
    public Tensor Triu(int diagonal = 0) => Triangle(diagonal, upper: true, "Triu");

    /// <summary>
    /// The lower triangle of each matrix in the last two axes, PyTorch's <c>tril</c>: r[…, i, j] = x[…, i, j] where
    /// j − i ≤ <paramref name="diagonal"/>, else 0. Conventions and gradient as in <see cref="Triu(int)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">When the tensor has fewer than two axes.</exception>
    /// <example><code>Tensor l = TN.Ones(3, 3).Tril(-1); // [[0, 0, 0], [1, 0, 0], [1, 1, 0]]</code></example>
    public Tensor Tril(int diagonal = 0) => Triangle(diagonal, upper: false, "Tril");

    private Tensor Triangle(int diagonal, bool upper, string op)
    {
        if (Order < 2)
            throw new ArgumentException($"{op}: needs a matrix or a batch of matrices (at least two axes), got shape {Shape}; use Reshape(1, -1) or Unsqueeze for a single row.");
        Tensor result = TriangleKernel.Run(this, diagonal, upper);
        if (Autograd.ShouldRecord(this)) Autograd.Record(result, this, g => TriangleKernel.Run(g, diagonal, upper), op, savesValues: false);
        return result;
    }
}
