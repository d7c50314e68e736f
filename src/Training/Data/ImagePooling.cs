namespace TensorNetworks.Training.Data;

/// <summary>Downsampling of image batches, e.g. 28 × 28 MNIST digits to 14 × 14 or 7 × 7 for MPS classifiers.</summary>
/// <example><code>
/// Tensor small = ImagePooling.AveragePool(Idx.ReadImages(path), factor: 2); // [n, 28, 28] → [n, 14, 14]
/// </code></example>
public static class ImagePooling
{
    /// <summary>
    /// Averages non-overlapping factor × factor blocks over the last two axes:
    /// out[…, i, j] = (1 / factor²) Σ_{a, b &lt; factor} in[…, factor·i + a, factor·j + b].
    /// Works on [rows, cols] or [n, rows, cols] (any leading axes), keeps the dtype, and is differentiable.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="factor"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">When the images have fewer than two axes, or the factor does not
    /// divide both the rows and the columns.</exception>
    /// <example><code>Tensor pooled = ImagePooling.AveragePool(TN.Ones(5, 28, 28), 4); // [5, 7, 7], all ones</code></example>
    public static Tensor AveragePool(Tensor images, int factor)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (factor < 1)
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"AveragePool: factor {factor} must be at least 1.");
        if (images.Order < 2)
            throw new ArgumentException($"AveragePool: images of shape {images.Shape} need at least two axes (rows, cols).", nameof(images));
        int rows = images.Size(-2), cols = images.Size(-1);
        if (rows % factor != 0 || cols % factor != 0)
            throw new ArgumentException(
                $"AveragePool: factor {factor} does not divide the {rows} × {cols} images (shape {images.Shape}); choose a factor that divides both, or crop first with Narrow.", nameof(factor));
        if (factor == 1) return images;
        int[] lead = images.Shape.ToArray()[..^2];
        int order = lead.Length;
        Tensor blocks = images.Reshape([.. lead, rows / factor, factor, cols / factor, factor]);
        return blocks.Mean([order + 1, order + 3]);
    }
}
