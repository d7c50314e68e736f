namespace TensorNetworks;

public sealed partial class Tensor
{
    /// <summary>
    /// Reverses the order of the entries along the given axes (negative axes count from the end), PyTorch's
    /// <c>flip(dims)</c>: r[…, i, …] = x[…, n − 1 − i, …] on each flipped axis. A new contiguous tensor (PyTorch's is a
    /// copy too). No axes, or axis 0 or −1 of a 0-d tensor, copy the values unchanged. The gradient is the incoming
    /// gradient flipped along the same axes.
    /// </summary>
    /// <exception cref="ArgumentException">When an axis is out of range or repeated.</exception>
    /// <example><code>Tensor r = TN.Arange(6).Reshape(2, 3).Flip(-1); // [[2, 1, 0], [5, 4, 3]]</code></example>
    public Tensor Flip(params int[] axes)
    {
        int[] normalized = NormalizeAxes(axes, "Flip");
        var flipped = new bool[Order];
        foreach (int a in normalized) flipped[a] = true;
        Tensor result = FlipKernel.Run(this, flipped);
        if (Autograd.ShouldRecord(this)) Autograd.Record(result, this, g => FlipKernel.Run(g, flipped), "Flip", savesValues: false);
        return result;
    }
}
