namespace TensorNetworks;

/// <summary>Input checks shared by the tensor kernels of <see cref="TN.Linalg"/> (unfolding, mode products,
/// Khatri–Rao, MTTKRP); each message names the shapes and the rule they break.</summary>
internal static class TensorKernelChecks
{
    /// <summary>Throws unless <paramref name="tensor"/> has at least <paramref name="minOrder"/> axes and
    /// <paramref name="mode"/> is one of them (0-based).</summary>
    internal static void RequireMode(Tensor tensor, int mode, string op, int minOrder = 1)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Order < minOrder)
            throw new ArgumentException($"Linalg.{op}: the tensor must have at least {minOrder} axes, got shape {tensor.Shape}.", nameof(tensor));
        if ((uint)mode >= (uint)tensor.Order)
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"Linalg.{op}: mode must be in 0..{tensor.Order - 1} for a tensor of shape {tensor.Shape}, got {mode}.");
    }

    /// <summary>Throws unless <paramref name="matrix"/> is 2-D.</summary>
    internal static void RequireMatrix(Tensor matrix, string op, string name)
    {
        ArgumentNullException.ThrowIfNull(matrix, name);
        if (matrix.Order != 2)
            throw new ArgumentException($"Linalg.{op}: {name} must be a 2-D matrix, got shape {matrix.Shape}.", name);
    }

    /// <summary>Product of <paramref name="dims"/> except the axis <paramref name="skip"/>.</summary>
    internal static int ProductExcept(ReadOnlySpan<int> dims, int skip)
    {
        long product = 1;
        for (int i = 0; i < dims.Length; i++)
            if (i != skip) product *= dims[i];
        return checked((int)product);
    }

    /// <summary>Axis order that moves <paramref name="mode"/> to the front and keeps the rest in order.</summary>
    internal static int[] ModeFirst(int order, int mode) => [mode, .. Enumerable.Range(0, order).Where(m => m != mode)];
}
