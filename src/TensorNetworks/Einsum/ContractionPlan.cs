using System.Globalization;
using System.Text;

namespace TensorNetworks;

/// <summary>How a contraction path is searched for.</summary>
public enum PathFinder
{
    /// <summary>Optimal for up to <see cref="ContractionPlanner.OptimalLimit"/> operands, greedy beyond.</summary>
    Auto,

    /// <summary>Dynamic programming over subsets of operands: minimum total FLOPs (exponential in the operand count).</summary>
    Optimal,

    /// <summary>Repeatedly contracts the pair whose result shrinks the network most (cheap, near-optimal on chains and trees).</summary>
    Greedy,
}

/// <summary>Options for <see cref="ContractionPlanner.Plan"/>.</summary>
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
/// intermediate and, for comparison, the FLOPs of contracting left to right as written.
/// </summary>
/// <example><code>
/// ContractionPlan plan = TN.EinsumPlan("ij,jk,kl->il", [100, 2], [2, 100], [100, 100]);
/// Console.WriteLine(plan); // order, FLOPs, largest intermediate, naive FLOPs
/// </code></example>
public sealed class ContractionPlan
{
    internal ContractionPlan(int[][] inputs, int[] output, IReadOnlyDictionary<int, int> sizes,
        IReadOnlyList<ContractionStep> steps, PathFinder finder, double naiveFlops)
    {
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
                $"  {s + 1,3}: #{step.Left} {Legs(Labels(step.Left))} x #{step.Right} {Legs(Labels(step.Right))} -> #{n + s} {Legs(step.ResultLabels)}  {step.Flops:G4} FLOPs\n");
        }
        double speedup = Flops > 0 ? NaiveFlops / Flops : 1;
        sb.Append(CultureInfo.InvariantCulture, $"  FLOPs {Flops:G4} (naive left-to-right {NaiveFlops:G4}, {speedup:G3}x); largest intermediate {LargestIntermediate:G4} elements");
        return sb.ToString();
    }

    private int[] Labels(int ssa) => ssa < Inputs.Count ? Inputs[ssa] : Steps[ssa - Inputs.Count].ResultLabels;

    private string Legs(int[] labels) => "(" + string.Join(",", labels.Select(l => $"{EinsumEquation.LabelName(l).Trim('\'')}={Sizes[l]}")) + ")";
}
