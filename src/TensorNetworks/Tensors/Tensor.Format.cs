using System.Globalization;
using System.Text;

namespace TensorNetworks;

public sealed partial class Tensor
{
    private const int SummaryThreshold = 1000;
    private const int EdgeItems = 3;

    /// <summary>
    /// Prints the values with nested brackets (rows on separate lines), followed by dtype and shape; tensors with more
    /// than 1000 elements show the first and last three entries of each axis. Every value shown takes one format, as in
    /// PyTorch: whole numbers without decimals, else four decimals, or scientific notation when the magnitudes span more
    /// than a factor of 1000 or leave [1e-4, 1e8); columns are right-aligned.
    /// </summary>
    /// <example><code>
    /// Console.WriteLine(TN.Eye(2));
    /// // tensor([[1, 0],
    /// //         [0, 1]], Float32, shape [2, 2])
    /// Console.WriteLine(TN.Tensor(new[] { 0.5, -12.25 }, 2));
    /// // tensor([  0.5000, -12.2500], Float64, shape [2])
    /// </code></example>
    public override string ToString()
    {
        if (IsReleased) return $"tensor(released by its TN.Scope, {DType}, shape {Shape})";
        bool summarize = ElementCount > SummaryThreshold;
        int[] strides = StridesOf(Dims);
        var shown = new List<double>();
        Visit(0, 0, strides, summarize, shown.Add);
        var text = new Queue<string>(TensorValueFormat.Format(shown));
        var sb = new StringBuilder("tensor(");
        AppendAxis(sb, 0, 0, strides, summarize, "tensor(".Length + 1, text);
        sb.Append(", ").Append(DType).Append(", shape ").Append(Shape);
        if (GradFn is not null) sb.Append(", grad_fn=").Append(GradFn.Name);
        else if (RequiresGrad) sb.Append(", requires_grad");
        return sb.Append(')').ToString();
    }

    /// <summary>The indices of axis <paramref name="axis"/> that print: all, or the first and last
    /// <see cref="EdgeItems"/> (with -1 standing for the ellipsis) when summarizing a long axis.</summary>
    private IEnumerable<int> ShownIndices(int axis, bool summarize)
    {
        int n = Dims[axis];
        if (!summarize || n <= 2 * EdgeItems)
        {
            for (int i = 0; i < n; i++) yield return i;
            yield break;
        }
        for (int i = 0; i < EdgeItems; i++) yield return i;
        yield return -1;
        for (int i = n - EdgeItems; i < n; i++) yield return i;
    }

    /// <summary>Calls <paramref name="value"/> with every value that prints, in printing order.</summary>
    private void Visit(int axis, int offset, int[] strides, bool summarize, Action<double> value)
    {
        if (axis == Dims.Length)
        {
            value(GetFlat(offset));
            return;
        }
        foreach (int i in ShownIndices(axis, summarize))
            if (i >= 0) Visit(axis + 1, offset + i * strides[axis], strides, summarize, value);
    }

    private void AppendAxis(StringBuilder sb, int axis, int offset, int[] strides, bool summarize, int indent, Queue<string> text)
    {
        if (axis == Dims.Length)
        {
            sb.Append(text.Dequeue());
            return;
        }
        sb.Append('[');
        bool first = true;
        foreach (int i in ShownIndices(axis, summarize))
        {
            if (!first)
                sb.Append(axis == Dims.Length - 1 ? ", " : "," + new string('\n', Dims.Length - axis - 1) + new string(' ', indent + axis));
            first = false;
            if (i < 0) sb.Append("...");
            else AppendAxis(sb, axis + 1, offset + i * strides[axis], strides, summarize, indent, text);
        }
        sb.Append(']');
    }
}
