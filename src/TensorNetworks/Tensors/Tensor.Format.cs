using System.Globalization;
using System.Text;

namespace TensorNetworks;

public sealed partial class Tensor
{
    private const int SummaryThreshold = 1000;
    private const int EdgeItems = 3;

    /// <summary>
    /// Prints the values with nested brackets (rows on separate lines), followed by dtype and shape;
    /// tensors with more than 1000 elements show the first and last three entries of each axis.
    /// </summary>
    /// <example><code>
    /// Console.WriteLine(TN.Eye(2));
    /// // tensor([[1, 0],
    /// //         [0, 1]], Float32, shape [2, 2])
    /// </code></example>
    public override string ToString()
    {
        if (IsReleased) return $"tensor(released by its TN.Scope, {DType}, shape {Shape})";
        var sb = new StringBuilder("tensor(");
        bool summarize = ElementCount > SummaryThreshold;
        int[] strides = StridesOf(Dims);
        AppendAxis(sb, 0, 0, strides, summarize, "tensor(".Length + 1);
        sb.Append(", ").Append(DType).Append(", shape ").Append(Shape);
        if (GradFn is not null) sb.Append(", grad_fn=").Append(GradFn.Name);
        else if (RequiresGrad) sb.Append(", requires_grad");
        return sb.Append(')').ToString();
    }

    private void AppendAxis(StringBuilder sb, int axis, int offset, int[] strides, bool summarize, int indent)
    {
        if (axis == Dims.Length)
        {
            sb.Append(FormatValue(GetFlat(offset)));
            return;
        }
        sb.Append('[');
        int n = Dims[axis];
        for (int i = 0; i < n; i++)
        {
            if (summarize && n > 2 * EdgeItems && i == EdgeItems)
            {
                sb.Append("...");
                i = n - EdgeItems - 1;
                sb.Append(axis == Dims.Length - 1 ? ", " : ",\n" + new string(' ', indent + axis));
                continue;
            }
            AppendAxis(sb, axis + 1, offset + i * strides[axis], strides, summarize, indent);
            if (i < n - 1)
                sb.Append(axis == Dims.Length - 1 ? ", " : "," + new string('\n', Dims.Length - axis - 1) + new string(' ', indent + axis));
        }
        sb.Append(']');
    }

    private string FormatValue(double v)
    {
        if (v == Math.Floor(v) && Math.Abs(v) < 1e15) return v.ToString("0", CultureInfo.InvariantCulture);
        return v.ToString(DType == DType.Float32 ? "G6" : "G10", CultureInfo.InvariantCulture);
    }
}
