using System.Numerics;

namespace TensorNetworks;

/// <summary>Input checks shared by the <see cref="TN.Linalg"/> routines; each message names the values and the fix.</summary>
internal static class LinalgChecks
{
    /// <summary>Throws unless <paramref name="a"/> is a finite 2-D matrix that needs no gradient.</summary>
    internal static void RequireMatrix(Tensor a, string op, string name = "a")
    {
        ArgumentNullException.ThrowIfNull(a, name);
        if (a.Order != 2)
            throw new ArgumentException($"Linalg.{op}: {name} must be a 2-D matrix, got shape {a.Shape} ({a.Order} axes); reshape it to 2-D, or loop over the leading axes (batched linalg is not supported yet).", name);
        RequireNoGrad(a, op, name);
        RequireFinite(a, op, name);
    }

    /// <summary>Throws unless <paramref name="a"/> is square.</summary>
    internal static void RequireSquare(Tensor a, string op, string alternative)
    {
        if (a.Dims[0] != a.Dims[1])
            throw new ArgumentException($"Linalg.{op}: a must be square, got shape {a.Shape}; {alternative}.", nameof(a));
    }

    /// <summary>Throws unless <paramref name="b"/> is a finite vector of m values or an m×r matrix, m = rows of <paramref name="a"/>, in a's dtype.</summary>
    internal static void RequireRightHandSide(Tensor a, Tensor b, string op)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (b.DType != a.DType)
            throw new ArgumentException($"Linalg.{op}: a is {a.DType} but b is {b.DType}; convert one with To(DType.{a.DType}).", nameof(b));
        int rows = a.Dims[0];
        if (b.Order is not (1 or 2))
            throw new ArgumentException($"Linalg.{op}: b must be a vector [{rows}] or a matrix [{rows}, r], got shape {b.Shape}.", nameof(b));
        if (b.Dims[0] != rows)
            throw new ArgumentException($"Linalg.{op}: b has {b.Dims[0]} rows but a has shape {a.Shape}, so b must have shape [{rows}] or [{rows}, r].", nameof(b));
        RequireNoGrad(b, op, "b");
        RequireFinite(b, op, "b");
    }

    /// <summary>Throws unless the relative cutoff is finite and non-negative.</summary>
    internal static void RequireCutoff(double? relativeCutoff, string op)
    {
        if (relativeCutoff is { } c && (!double.IsFinite(c) || c < 0))
            throw new ArgumentOutOfRangeException(nameof(relativeCutoff), c, $"Linalg.{op}: relativeCutoff must be finite and >= 0 (singular values below cutoff·max(s) are treated as zero); pass null for the default max(m, n)·eps.");
    }

    private static void RequireNoGrad(Tensor t, string op, string name)
    {
        if (Autograd.IsEnabled && t.RequiresGrad)
            throw new InvalidOperationException($"Linalg.{op} is not differentiable yet, but {name} requires a gradient. Call it inside `using (TN.NoGrad()) {{ ... }}` or pass {name}.Detach().");
    }

    private static void RequireFinite(Tensor t, string op, string name)
    {
        int index = t.DType == DType.Float32 ? FirstNonFinite(t.Span<float>()) : FirstNonFinite(t.Span<double>());
        if (index < 0) return;
        int cols = t.Order == 2 ? t.Dims[1] : 1;
        string at = t.Order == 2 ? $"[{index / cols}, {index % cols}]" : $"[{index}]";
        throw new ArgumentException($"Linalg.{op}: {name} has the non-finite value {t.GetFlat(index)} at {at} (shape {t.Shape}); factorizations are undefined for NaN or infinity, so clean or mask the input first.", name);
    }

    private static int FirstNonFinite<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
            if (!T.IsFinite(values[i])) return i;
        return -1;
    }
}
