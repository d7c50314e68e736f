namespace TensorNetworks;

public sealed partial class TensorNetwork
{
    /// <summary>
    /// Contracts every core into one tensor whose axes carry <paramref name="openLegs"/> in that order
    /// (with none given: the open legs, in order of first appearance). Legs not listed are summed. The
    /// order of pairwise contractions is planned once per shape and cached; the result is differentiable
    /// in every core's tensor. With no legs given, a hyperedge makes the output ambiguous (kept or
    /// summed?) and is refused: name the legs to keep, or call <see cref="ContractToScalar"/>.
    /// </summary>
    /// <exception cref="ArgumentException">When a listed leg does not exist or repeats, or when no legs are
    /// listed but the network has a hyperedge (the message names the explicit calls).</exception>
    /// <example><code>Tensor full = mps.Contract(); // the dense tensor over p0, p1, ...</code></example>
    public Tensor Contract(params string[] openLegs) => ContractCores([.. _cores.Select(c => c.Name)], openLegs);

    /// <summary>
    /// Contracts every core and sums every leg, open legs included: Σ over all legs of Π over cores, a
    /// tensor with no axes. The explicit call for a closed network with a hyperedge, where
    /// <see cref="Contract(string[])"/> without legs refuses; differentiable like it.
    /// </summary>
    /// <exception cref="ArgumentException">When the network has no cores.</exception>
    /// <example><code>
    /// net.Add("X", x, "r"); net.Add("Y", y, "r"); net.Add("Z", z, "r");
    /// double s = net.ContractToScalar().Item(); // Σ_r x[r]·y[r]·z[r]
    /// </code></example>
    public Tensor ContractToScalar()
    {
        var (inputs, output, tensors, _) = Labelled([.. _cores.Select(c => c.Name)], [], "ContractToScalar");
        return TN.Einsum(inputs, output, tensors);
    }

    /// <summary>
    /// Contracts the named cores only; with no legs given the result keeps every leg that is carried by a
    /// single listed core or that connects the listed cores to the rest of the network.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="Contract(string[])"/>, or when a core is missing.</exception>
    /// <example><code>Tensor pair = net.ContractCores(["A1", "A2"]); // a two-site block, keeping its outer legs</code></example>
    public Tensor ContractCores(IReadOnlyCollection<string> cores, params string[] openLegs)
    {
        ArgumentNullException.ThrowIfNull(openLegs);
        var (inputs, output, tensors, _) = Labelled(cores, openLegs.Length > 0 ? openLegs : null, "Contract");
        return TN.Einsum(inputs, output, tensors);
    }

    /// <summary>
    /// The contraction plan <see cref="Contract(string[])"/> would use, without contracting. It prints
    /// with the network's names: cores for operands, legs for labels.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="Contract(string[])"/>.</exception>
    /// <example><code>Console.WriteLine(mps.Plan()); // e.g. "1: A0 (p0=2,b0-1=2) x A1 (b0-1=2,p1=2,b1-2=2) -> #4 (p0=2,p1=2,b1-2=2) ..."</code></example>
    public ContractionPlan Plan(params string[] openLegs)
    {
        ArgumentNullException.ThrowIfNull(openLegs);
        return PlanOf(openLegs.Length > 0 ? openLegs : null, "Plan");
    }

    /// <summary>The contraction plan <see cref="ContractToScalar"/> would use, without contracting.</summary>
    /// <exception cref="ArgumentException">When the network has no cores.</exception>
    public ContractionPlan PlanToScalar() => PlanOf([], "PlanToScalar");

    private ContractionPlan PlanOf(string[]? openLegs, string context)
    {
        var (inputs, output, tensors, legs) = Labelled([.. _cores.Select(c => c.Name)], openLegs, context);
        var sizes = new Dictionary<int, int>();
        for (int i = 0; i < inputs.Length; i++)
            for (int a = 0; a < inputs[i].Length; a++) sizes[inputs[i][a]] = tensors[i].Size(a);
        var legNames = new Dictionary<int, string>();
        for (int id = 0; id < legs.Count; id++) legNames[id] = legs[id];
        return ContractionPlanner.Plan(inputs, output, sizes).WithNames(legNames, [.. _cores.Select(c => c.Name)]);
    }

    /// <summary>
    /// The legs a contraction of <paramref name="cores"/> keeps when none are named: those carried by one
    /// of them, and those leading out of them. A hyperedge inside them makes that ambiguous and is refused.
    /// </summary>
    internal string[] DefaultOpenLegs(IReadOnlyCollection<string> cores, string context)
    {
        var set = new HashSet<string>(cores);
        var legs = new List<string>();
        string? hyperedge = null;
        foreach (var (leg, owners) in _owners)
        {
            int inside = owners.Count(set.Contains);
            if (inside == 0) continue;
            if (inside >= 3 && inside == owners.Count) hyperedge ??= leg;
            else if (inside == 1 || inside < owners.Count) legs.Add(leg);
        }
        if (hyperedge is not null) throw new ArgumentException(AmbiguousOutput(hyperedge, [.. legs], set.Count == _cores.Count, context));
        return [.. legs];
    }

    /// <summary>Why the default output is ambiguous, and the explicit calls that say what to keep.</summary>
    private string AmbiguousOutput(string hyperedge, string[] openLegs, bool wholeNetwork, string context)
    {
        string problem = $"{context}: leg \"{hyperedge}\" is a hyperedge of cores {string.Join(", ", OwnersOf(hyperedge))}, so the default output is ambiguous (is \"{hyperedge}\" kept or summed?)";
        string keep = string.Join(", ", openLegs.Select(l => $"\"{l}\""));
        if (!wholeNetwork)
            return $"{problem}; name the legs to keep, e.g. ContractCores([...], {(openLegs.Length > 0 ? keep : $"\"{hyperedge}\"")}).";
        string call = context == "Plan" ? "Plan" : "Contract";
        string scalar = context == "Plan" ? "PlanToScalar()" : "ContractToScalar()";
        return openLegs.Length > 0
            ? $"{problem}; name the legs to keep, e.g. {call}({keep}), or sum every leg with {scalar}."
            : $"{problem}; the network has no open legs: call {scalar} for its value, or keep the hyperedge with {call}(\"{hyperedge}\").";
    }

    /// <summary>
    /// The cores' legs as integer labels (numbered in order of first appearance; Legs[id] names label id)
    /// and the output labels: <paramref name="openLegs"/>, or the default open legs when null.
    /// </summary>
    private (int[][] Inputs, int[] Output, Tensor[] Tensors, IReadOnlyList<string> Legs) Labelled(IReadOnlyCollection<string> cores, string[]? openLegs, string context)
    {
        ArgumentNullException.ThrowIfNull(cores);
        if (cores.Count == 0) throw new ArgumentException($"{context}: no cores to contract.");
        Core[] selected = [.. cores.Select(name => this[name])];
        string[] output = openLegs ?? DefaultOpenLegs(cores, context);
        var ids = new Dictionary<string, int>();
        var legs = new List<string>();
        int Id(string leg)
        {
            if (ids.TryGetValue(leg, out int id)) return id;
            legs.Add(leg);
            return ids[leg] = ids.Count;
        }
        int[][] inputs = [.. selected.Select(c => c.Legs.Select(Id).ToArray())];
        var outputIds = new int[output.Length];
        for (int i = 0; i < output.Length; i++)
        {
            if (!ids.TryGetValue(output[i], out outputIds[i]))
                throw new ArgumentException($"{context}: leg \"{output[i]}\" is not carried by the contracted cores; their legs are {string.Join(", ", legs.Select(l => $"\"{l}\""))}.");
            if (Array.IndexOf(output, output[i]) != i)
                throw new ArgumentException($"{context}: leg \"{output[i]}\" is listed twice.");
        }
        return (inputs, outputIds, [.. selected.Select(c => c.Tensor)], legs);
    }
}
