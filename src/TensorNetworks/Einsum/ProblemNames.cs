using System.Globalization;

namespace TensorNetworks;

/// <summary>
/// How a contraction problem is named in messages: the call (with its equation when there is one) and
/// each label — a letter of the equation, an ellipsis axis, or, for integer labels, the number itself.
/// </summary>
/// <param name="Context">The call, e.g. <c>Einsum "ij,jk->ik"</c> or <c>Plan</c>; messages start with it.</param>
/// <param name="Label">A label as messages show it, e.g. <c>'i'</c> or <c>65</c>.</param>
internal sealed record ProblemNames(string Context, Func<int, string> Label)
{
    /// <summary>Integer labels, shown as numbers (65 is 65, not 'A').</summary>
    internal static ProblemNames Numbered(string context) => new(context, l => l.ToString(CultureInfo.InvariantCulture));

    /// <summary>Labels of an einsum equation: letters and "..." axes.</summary>
    internal static ProblemNames Lettered(string context) => new(context, EinsumEquation.LabelName);

    /// <summary>A label as plans print it: the message name without quotes.</summary>
    internal string Short(int label) => Label(label).Trim('\'');

    /// <summary>Labels with their extents: "(i=2,j=3)".</summary>
    internal string Legs(IEnumerable<int> labels, IReadOnlyDictionary<int, int> sizes)
        => "(" + string.Join(",", labels.Select(l => $"{Short(l)}={sizes[l]}")) + ")";

    /// <summary>
    /// The problem with extents, for messages: "(i=2,j=3),(j=3,k=4) -> (i=2,k=4)"; past
    /// <see cref="ShownOperands"/> operands, the rest are counted instead of listed.
    /// </summary>
    internal string Problem(IReadOnlyList<int[]> inputs, int[] output, IReadOnlyDictionary<int, int> sizes)
    {
        string shown = string.Join(",", inputs.Take(ShownOperands).Select(l => Legs(l, sizes)));
        string rest = inputs.Count > ShownOperands ? $",... ({inputs.Count} operands)" : "";
        return $"{shown}{rest} -> {Legs(output, sizes)}";
    }

    /// <summary>How many operands <see cref="Problem"/> lists.</summary>
    internal const int ShownOperands = 12;

    /// <summary>The display name of every label in <paramref name="labels"/>, for <see cref="ContractionPlan.WithNames"/>.</summary>
    internal Dictionary<int, string> For(IEnumerable<int> labels) => labels.Distinct().ToDictionary(l => l, Short);
}
