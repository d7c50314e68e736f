namespace TensorNetworks;

/// <summary>The cost model shared by every path finder: sizes of label sets and FLOPs of a pairwise step.</summary>
internal sealed class PathCost
{
    private readonly IReadOnlyDictionary<int, int> _sizes;
    private readonly HashSet<int> _output;

    internal PathCost(IReadOnlyDictionary<int, int> sizes, int[] output)
    {
        _sizes = sizes;
        _output = [.. output];
    }

    internal double Size(IEnumerable<int> labels)
    {
        double s = 1;
        foreach (int l in labels) s *= _sizes[l];
        return s;
    }

    internal bool IsOutput(int label) => _output.Contains(label);

    /// <summary>
    /// Labels kept after contracting <paramref name="a"/> with <paramref name="b"/>: those in the output
    /// or still carried by another operand (<paramref name="keptElsewhere"/>).
    /// </summary>
    internal int[] ResultLabels(int[] a, int[] b, Func<int, bool> keptElsewhere)
    {
        var result = new List<int>(a.Length + b.Length);
        foreach (int l in a)
            if (!result.Contains(l) && (IsOutput(l) || keptElsewhere(l))) result.Add(l);
        foreach (int l in b)
            if (!result.Contains(l) && (IsOutput(l) || keptElsewhere(l))) result.Add(l);
        return [.. result];
    }

    /// <summary>Π sizes of the union of labels, doubled when some label is summed away.</summary>
    internal double Flops(int[] a, int[] b, int[] result)
    {
        double s = 1;
        bool summed = false;
        foreach (int l in a)
        {
            s *= _sizes[l];
            summed |= Array.IndexOf(result, l) < 0;
        }
        foreach (int l in b)
        {
            if (Array.IndexOf(a, l) >= 0) continue;
            s *= _sizes[l];
            summed |= Array.IndexOf(result, l) < 0;
        }
        return summed ? 2 * s : s;
    }
}
