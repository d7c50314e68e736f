using System.Globalization;
using System.Text;

namespace TensorNetworks;

/// <summary>How a contraction path is searched for.</summary>
public enum PathFinder
{
    /// <summary>Optimal for up to <see cref="ContractionPlanner.OptimalLimit"/> operands; beyond, the cheaper of
    /// greedy and the best bracketing of the operands in their order (<see cref="Sequence"/>, up to
    /// <see cref="ContractionPlanner.SequenceLimit"/> operands, else left to right), so never dearer than left to right.</summary>
    Auto,

    /// <summary>Dynamic programming over subsets of operands: minimum total FLOPs (exponential in the operand count).</summary>
    Optimal,

    /// <summary>Repeatedly contracts the pair whose result shrinks the network most (cheap; it can miss badly, e.g. on a
    /// chain whose extents grow along it).</summary>
    Greedy,

    /// <summary>The cheapest bracketing of the operands in the order given (dynamic programming over contiguous runs,
    /// O(n³)): the optimum for a chain written in order, and never dearer than left to right.</summary>
    Sequence,
}

/// <summary>Options for <see cref="ContractionPlanner.Plan(IReadOnlyList{int[]}, int[], IReadOnlyDictionary{int, int}, PlanOptions?)"/>.</summary>
/// <param name="Finder">The path search; <see cref="PathFinder.Auto"/> by default.</param>
/// <param name="MemoryLimit">The largest intermediate allowed, in elements; null for no limit.</param>
public sealed record PlanOptions(PathFinder Finder = PathFinder.Auto, long? MemoryLimit = null)
{
    /// <summary>Auto finder, no memory limit.</summary>
    public static PlanOptions Default { get; } = new();
}

/// <summary>
/// One pairwise step: operands <see cref="Left"/> and <see cref="Right"/> (SSA ids: inputs are
/// 0..n-1, the result of step s is n + s) become a tensor with <see cref="ResultLabels"/>.
/// </summary>
/// <param name="Left">SSA id of the left operand.</param>
/// <param name="Right">SSA id of the right operand.</param>
/// <param name="ResultLabels">Labels of the step's result, in axis order.</param>
/// <param name="Flops">Π (sizes of all labels involved) × 2 when something is summed, else × 1.</param>
/// <param name="ResultSize">Elements of the result.</param>
public sealed record ContractionStep(int Left, int Right, int[] ResultLabels, double Flops, double ResultSize);

/// <summary>
/// A contraction order for an einsum or a network: the pairwise steps, their total FLOPs, the largest
/// intermediate and, for comparison, the FLOPs of contracting left to right as written. It may carry
/// display names for labels and operands (<see cref="WithNames"/>), which only change how it prints:
/// an einsum's plan prints its letters, a network's plan its leg and core names, and a plan of integer
/// labels the numbers.
/// </summary>
/// <example><code>
/// ContractionPlan plan = TN.EinsumPlan("ij,jk,kl->il", [100, 2], [2, 100], [100, 100]);
/// Console.WriteLine(plan); // order, FLOPs, largest intermediate, naive FLOPs
/// </code></example>
public sealed class ContractionPlan
{
    private readonly IReadOnlyDictionary<int, string> _labelNames;
    private readonly IReadOnlyList<string>? _operandNames;

    internal ContractionPlan(int[][] inputs, int[] output, IReadOnlyDictionary<int, int> sizes,
        IReadOnlyList<ContractionStep> steps, PathFinder finder, double naiveFlops,
        IReadOnlyDictionary<int, string>? labelNames = null, IReadOnlyList<string>? operandNames = null)
    {
        _labelNames = labelNames ?? new Dictionary<int, string>();
        _operandNames = operandNames;
        Inputs = inputs;
        Output = output;
        Sizes = sizes;
        Steps = steps;
        Finder = finder;
        NaiveFlops = naiveFlops;
        Flops = steps.Sum(s => s.Flops);
        LargestIntermediate = steps.Count == 0 ? 0 : steps.Max(s => s.ResultSize);
    }

    /// <summary>Labels of each input operand.</summary>
    public IReadOnlyList<int[]> Inputs { get; }

    /// <summary>Labels of the result.</summary>
    public int[] Output { get; }

    /// <summary>Extent of every label.</summary>
    public IReadOnlyDictionary<int, int> Sizes { get; }

    /// <summary>The pairwise steps in execution order.</summary>
    public IReadOnlyList<ContractionStep> Steps { get; }

    /// <summary>The finder that produced the plan (never <see cref="PathFinder.Auto"/>).</summary>
    public PathFinder Finder { get; }

    /// <summary>Total FLOPs of the steps.</summary>
    public double Flops { get; }

    /// <summary>FLOPs of contracting the operands left to right, as an unplanned einsum does.</summary>
    public double NaiveFlops { get; }

    /// <summary>Elements of the largest intermediate result.</summary>
    public double LargestIntermediate { get; }

    /// <summary>
    /// The same plan printing <paramref name="labelNames"/> for labels (labels not listed print as numbers)
    /// and <paramref name="operandNames"/> for the input operands (null: "#0", "#1", ...). The plan itself is
    /// shared, not copied, and this one is unchanged, so cached plans stay pure.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="operandNames"/> does not name every input operand once.</exception>
    /// <example><code>
    /// var plan = ContractionPlanner.Plan([[0, 1], [1, 2]], [0, 2], sizes)
    ///     .WithNames(new Dictionary&lt;int, string&gt; { [0] = "p0", [1] = "b0-1", [2] = "p1" }, ["A0", "A1"]);
    /// Console.WriteLine(plan); // "1: A0 (p0=2,b0-1=3) x A1 (b0-1=3,p1=2) -> #2 (p0=2,p1=2) ..."
    /// </code></example>
    public ContractionPlan WithNames(IReadOnlyDictionary<int, string> labelNames, IReadOnlyList<string>? operandNames = null)
    {
        ArgumentNullException.ThrowIfNull(labelNames);
        if (operandNames is not null && operandNames.Count != Inputs.Count)
            throw new ArgumentException($"WithNames: {operandNames.Count} operand names for a plan of {Inputs.Count} operands; name every input operand once, in order.");
        return new ContractionPlan([.. Inputs], Output, Sizes, Steps, Finder, NaiveFlops,
            new Dictionary<int, string>(labelNames), operandNames is null ? null : [.. operandNames]);
    }

    /// <summary>A label as the plan prints it: its display name, or its number when it has none.</summary>
    /// <example><code>plan.LabelName(0); // "p0" for a network's plan, "0" for a plan of integer labels</code></example>
    public string LabelName(int label) => _labelNames.TryGetValue(label, out string? name) ? name : label.ToString(CultureInfo.InvariantCulture);

    /// <summary>An operand as the plan prints it: an input's display name, or "#id" (SSA id) without one.</summary>
    /// <example><code>plan.OperandName(0); // "A0" for a network's plan, "#0" otherwise; "#n" is the first step's result</code></example>
    public string OperandName(int id) => _operandNames is not null && id < _operandNames.Count ? _operandNames[id] : $"#{id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The steps, one per line, then FLOPs against the naive order and the largest intermediate.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        int n = Inputs.Count;
        sb.Append(CultureInfo.InvariantCulture, $"ContractionPlan ({Finder}, {n} operands, {Steps.Count} steps)\n");
        for (int s = 0; s < Steps.Count; s++)
        {
            var step = Steps[s];
            sb.Append(CultureInfo.InvariantCulture,
                $"  {s + 1,3}: {OperandName(step.Left)} {Legs(Labels(step.Left))} x {OperandName(step.Right)} {Legs(Labels(step.Right))} -> {OperandName(n + s)} {Legs(step.ResultLabels)}  {step.Flops:G4} FLOPs\n");
        }
        double speedup = Flops > 0 ? NaiveFlops / Flops : 1;
        sb.Append(CultureInfo.InvariantCulture, $"  FLOPs {Flops:G4} (naive left-to-right {NaiveFlops:G4}, {speedup:G3}x); largest intermediate {LargestIntermediate:G4} elements");
        return sb.ToString();
    }

    private int[] Labels(int ssa) => ssa < Inputs.Count ? Inputs[ssa] : Steps[ssa - Inputs.Count].ResultLabels;

    private string Legs(int[] labels) => "(" + string.Join(",", labels.Select(l => $"{LabelName(l)}={Sizes[l]}")) + ")";
}
