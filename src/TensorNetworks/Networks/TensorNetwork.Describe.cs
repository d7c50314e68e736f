using System.Globalization;
using System.Text;

namespace TensorNetworks;

public sealed partial class TensorNetwork
{
    /// <summary>
    /// A readable summary: each core with its legs and sizes, the edges, hyperedges and open legs, the
    /// parameter count, and the planned cost of contracting to the open legs (to a scalar when there are
    /// none). When a hyperedge makes <see cref="Contract(string[])"/> without legs ambiguous, it says so
    /// and names the explicit calls. Never throws.
    /// </summary>
    /// <example><code>Console.WriteLine(mps.Describe());</code></example>
    public string Describe()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"TensorNetwork: {_cores.Count} cores, {ParameterCount:N0} parameters\n");
        foreach (Core c in _cores)
            sb.Append(CultureInfo.InvariantCulture, $"  {c}  {c.Tensor.DType}{(c.Tensor.RequiresGrad ? ", trainable" : "")}\n");
        foreach (LegKind kind in Enum.GetValues<LegKind>())
        {
            var legs = Legs.Where(l => l.Kind == kind).ToList();
            if (legs.Count == 0) continue;
            sb.Append(CultureInfo.InvariantCulture, $"  {kind} legs ({legs.Count}): ");
            sb.Append(string.Join(", ", legs.Select(l => kind == LegKind.Open ? $"{l.Name}={l.Size}" : $"{l.Name}={l.Size} ({string.Join("-", l.Owners)})")));
            sb.Append('\n');
        }
        if (_cores.Count == 0) return sb.ToString();
        IReadOnlyList<string> open = OpenLegs;
        ContractionPlan plan = open.Count > 0 ? Plan([.. open]) : PlanToScalar();
        sb.Append(CultureInfo.InvariantCulture, $"  contraction to {(open.Count > 0 ? "open legs" : "a scalar")}: {plan.Flops:G4} FLOPs in {plan.Steps.Count} steps ({plan.Finder}), largest intermediate {plan.LargestIntermediate:G4} elements, naive {plan.NaiveFlops:G4} FLOPs");
        Leg? hyperedge = Legs.FirstOrDefault(l => l.Kind == LegKind.Hyperedge);
        if (hyperedge is not null)
        {
            string keep = open.Count > 0 ? $"Contract({string.Join(", ", open.Select(l => $"\"{l}\""))})" : $"Contract(\"{hyperedge.Name}\")";
            sb.Append(CultureInfo.InvariantCulture, $"\n  default output is ambiguous (hyperedge \"{hyperedge.Name}\"): Contract() refuses; call {keep} or ContractToScalar()");
        }
        return sb.ToString();
    }

    /// <summary>
    /// The network in Graphviz DOT: a box per core, an edge per two-core leg labelled "name=size", a
    /// small diamond per hyperedge joined to its cores, and a point per open leg.
    /// </summary>
    /// <example><code>File.WriteAllText("mps.dot", mps.ToDot()); // dot -Tpng mps.dot -o mps.png</code></example>
    public string ToDot()
    {
        var sb = new StringBuilder("graph tn {\n  node [shape=box, style=rounded];\n");
        foreach (Core c in _cores) sb.Append(CultureInfo.InvariantCulture, $"  {Quote(c.Name)} [label={Quote($"{c.Name}\n{c.Tensor.Shape}")}];\n");
        foreach (Leg leg in Legs)
        {
            string label = Quote($"{leg.Name}={leg.Size}");
            switch (leg.Kind)
            {
                case LegKind.Open:
                    sb.Append(CultureInfo.InvariantCulture, $"  {Quote("open:" + leg.Name)} [shape=point];\n");
                    sb.Append(CultureInfo.InvariantCulture, $"  {Quote(leg.Owners[0])} -- {Quote("open:" + leg.Name)} [label={label}];\n");
                    break;
                case LegKind.Edge:
                    sb.Append(CultureInfo.InvariantCulture, $"  {Quote(leg.Owners[0])} -- {Quote(leg.Owners[1])} [label={label}];\n");
                    break;
                default:
                    sb.Append(CultureInfo.InvariantCulture, $"  {Quote("hyper:" + leg.Name)} [shape=diamond, label={label}, width=0.2, height=0.2];\n");
                    foreach (string owner in leg.Owners) sb.Append(CultureInfo.InvariantCulture, $"  {Quote(owner)} -- {Quote("hyper:" + leg.Name)};\n");
                    break;
            }
        }
        return sb.Append("}\n").ToString();
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
