using TensorNetworks.Nn;

namespace TensorNetworks.Training.Optimizers;

/// <summary>Gradient clipping by global norm.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Rescales the gradients so that their global norm ‖g‖ = sqrt(Σ_p ‖g_p‖²) is at most
    /// <paramref name="maxNorm"/>: g ← g · min(1, maxNorm / ‖g‖). Parameters without a gradient are skipped.
    /// Returns the norm before clipping.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="maxNorm"/> is not positive and finite.</exception>
    /// <example><code>double norm = GradientClipping.ClipByNorm(model.Parameters(), maxNorm: 1.0);</code></example>
    public static double ClipByNorm(IEnumerable<Parameter> parameters, double maxNorm)
    {
        if (!(maxNorm > 0) || !double.IsFinite(maxNorm))
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, $"ClipByNorm: maxNorm must be positive and finite, got {maxNorm}.");
        var gradients = parameters.Select(p => p.Grad).OfType<Tensor>().ToArray();
        double sumOfSquares = 0;
        foreach (Tensor g in gradients)
        {
            double n = g.Norm().Item();
            sumOfSquares += n * n;
        }
        double norm = Math.Sqrt(sumOfSquares);
        if (norm > maxNorm)
        {
            using var _ = TN.NoGrad();
            foreach (Tensor g in gradients) g.ScaleInPlace(maxNorm / norm);
        }
        return norm;
    }
}
