namespace TensorNetworks;

/// <summary>
/// Validated einsum input: every operand's labels against its shape, the output labels, and one
/// extent per label (a label of extent 1 in one operand broadcasts against a larger extent elsewhere).
/// </summary>
internal sealed class EinsumProblem
{
    private EinsumProblem(int[][] inputs, int[] output, Dictionary<int, int> sizes, int[][] shapes, ProblemNames names)
    {
        Names = names;
        Inputs = inputs;
        Output = output;
        Sizes = sizes;
        Reduced = ReduceInputs(inputs, output, sizes, shapes);
    }

    internal int[][] Inputs { get; }

    internal int[] Output { get; }

    internal Dictionary<int, int> Sizes { get; }

    /// <summary>How messages name the call and the labels.</summary>
    internal ProblemNames Names { get; }

    /// <summary>
    /// Each operand's labels as the planner sees them: repeated labels once, extent-1 broadcast axes
    /// dropped, and labels that no other operand and not the output carries summed away.
    /// </summary>
    internal int[][] Reduced { get; }

    private static int[][] ReduceInputs(int[][] inputs, int[] output, Dictionary<int, int> sizes, int[][] shapes)
    {
        var reduced = new int[inputs.Length][];
        var holders = new Dictionary<int, int>();
        for (int i = 0; i < inputs.Length; i++)
        {
            int[] labels = inputs[i], dims = shapes[i];
            reduced[i] = [.. labels.Distinct().Where(l => !(dims[Array.IndexOf(labels, l)] == 1 && sizes[l] != 1))];
            foreach (int l in reduced[i]) holders[l] = holders.GetValueOrDefault(l) + 1;
        }
        for (int i = 0; i < inputs.Length; i++)
            reduced[i] = [.. reduced[i].Where(l => output.Contains(l) || holders[l] > 1)];
        return reduced;
    }

    /// <summary>Checks labels against shapes; <paramref name="names"/> names the call and the labels in messages.</summary>
    /// <exception cref="ArgumentException">Naming the operand, the label and both extents.</exception>
    internal static EinsumProblem Create(IReadOnlyList<int[]> inputs, int[] output, IReadOnlyList<int[]> shapes, ProblemNames names)
    {
        string context = names.Context;
        if (shapes.Count == 0)
            throw new ArgumentException($"{context}: no operands were given (and {inputs.Count} label list(s)); einsum needs at least one operand, with one label list per operand.");
        if (inputs.Count != shapes.Count)
            throw new ArgumentException($"{context}: {inputs.Count} label lists for {shapes.Count} operands; give one label list per operand, in operand order.");
        var sizes = new Dictionary<int, int>();
        var origin = new Dictionary<int, int>();
        for (int i = 0; i < shapes.Count; i++)
        {
            int[] labels = inputs[i] ?? throw new ArgumentNullException(nameof(inputs), $"{context}: the labels of operand {i} are null.");
            int[] dims = shapes[i];
            if (labels.Length != dims.Length)
                throw new ArgumentException($"{context}: operand {i} has shape {Shape.Wrap(dims)} ({dims.Length} axes) but {labels.Length} labels.");
            for (int axis = 0; axis < labels.Length; axis++)
            {
                int l = labels[axis], extent = dims[axis];
                int first = Array.IndexOf(labels, l);
                if (first < axis && dims[first] != extent)
                    throw new ArgumentException($"{context}: label {names.Label(l)} repeats in operand {i} with extents {dims[first]} and {extent}; a repeated label takes a diagonal and needs equal extents.");
                if (!sizes.TryGetValue(l, out int known) || (known == 1 && extent != 1))
                {
                    sizes[l] = extent;
                    origin[l] = i;
                }
                else if (extent != known && extent != 1)
                    throw new ArgumentException($"{context}: label {names.Label(l)} has extent {known} in operand {origin[l]} but {extent} in operand {i}; extents of a label must match (or be 1 to broadcast).");
            }
        }
        var seen = new HashSet<int>();
        foreach (int l in output)
        {
            if (!sizes.ContainsKey(l))
                throw new ArgumentException($"{context}: output label {names.Label(l)} appears in no operand; every output label must come from an input.");
            if (!seen.Add(l))
                throw new ArgumentException($"{context}: output label {names.Label(l)} is repeated; each output label appears once.");
        }
        return new EinsumProblem([.. inputs.Select(l => (int[])l.Clone())], (int[])output.Clone(), sizes, [.. shapes], names);
    }
}
