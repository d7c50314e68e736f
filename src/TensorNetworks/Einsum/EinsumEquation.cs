namespace TensorNetworks;

/// <summary>
/// A parsed einsum equation in integer-label form: one label array per operand and the output labels.
/// Letters map to their character codes; the axes an ellipsis covers get labels from
/// <see cref="EllipsisLabelBase"/> upward, aligned from the right across operands.
/// </summary>
/// <param name="Inputs">Labels of each operand's axes, in axis order.</param>
/// <param name="Output">Labels of the result's axes, in axis order.</param>
internal sealed record EinsumEquation(int[][] Inputs, int[] Output)
{
    /// <summary>Labels at or above this value stand for axes covered by "...".</summary>
    internal const int EllipsisLabelBase = 1 << 20;

    /// <summary>Parses <paramref name="equation"/> against the operands' shapes.</summary>
    /// <exception cref="ArgumentException">Naming the equation, the operand and the problem.</exception>
    internal static EinsumEquation Parse(string equation, IReadOnlyList<int[]> shapes)
    {
        ArgumentNullException.ThrowIfNull(equation);
        string eq = equation.Replace(" ", "", StringComparison.Ordinal);
        int arrow = eq.IndexOf("->", StringComparison.Ordinal);
        string lhs = arrow < 0 ? eq : eq[..arrow];
        string? rhs = arrow < 0 ? null : eq[(arrow + 2)..];
        if (rhs is not null && rhs.Contains("->", StringComparison.Ordinal))
            throw new ArgumentException($"Einsum \"{equation}\": more than one \"->\".");
        string[] terms = lhs.Split(',');
        if (terms.Length != shapes.Count)
            throw new ArgumentException($"Einsum \"{equation}\" has {terms.Length} input term(s) but {shapes.Count} operand(s) were given.");

        int ellipsisRank = 0;
        var inputs = new int[terms.Length][];
        for (int i = 0; i < terms.Length; i++)
        {
            inputs[i] = ParseTerm(equation, terms[i], $"operand {i}", shapes[i].Length, out int covered);
            ellipsisRank = Math.Max(ellipsisRank, covered);
        }

        int[] output = rhs is null
            ? ImplicitOutput(equation, inputs)
            : ParseTerm(equation, rhs, "the output", -1, out _, ellipsisRank);
        return new EinsumEquation(inputs, output);
    }

    /// <summary>
    /// Labels of one term. <paramref name="rank"/> is the operand's axis count (so "..." covers the
    /// rest), or -1 for the output, where "..." stands for <paramref name="outputEllipsisRank"/> axes.
    /// </summary>
    private static int[] ParseTerm(string equation, string term, string what, int rank, out int covered, int outputEllipsisRank = 0)
    {
        int dots = term.IndexOf("...", StringComparison.Ordinal);
        string letters = dots < 0 ? term : term.Remove(dots, 3);
        foreach (char c in letters)
        {
            if (!char.IsAsciiLetter(c))
                throw new ArgumentException($"Einsum \"{equation}\": {what} has the character '{c}'; labels are ASCII letters, with at most one \"...\" per term.");
        }
        if (dots >= 0 && term.IndexOf("...", dots + 3, StringComparison.Ordinal) >= 0)
            throw new ArgumentException($"Einsum \"{equation}\": {what} has more than one \"...\".");

        covered = 0;
        if (rank >= 0)
        {
            if (dots < 0 && letters.Length != rank)
                throw new ArgumentException($"Einsum \"{equation}\": {what} has {rank} axes but its term \"{term}\" names {letters.Length}.");
            if (dots >= 0 && letters.Length > rank)
                throw new ArgumentException($"Einsum \"{equation}\": {what} has {rank} axes but its term \"{term}\" names {letters.Length} besides \"...\".");
            covered = dots < 0 ? 0 : rank - letters.Length;
        }
        else if (dots >= 0) covered = outputEllipsisRank;

        var labels = new List<int>(letters.Length + covered);
        for (int p = 0; p < term.Length; p++)
        {
            if (p == dots)
            {
                for (int e = covered; e >= 1; e--) labels.Add(EllipsisLabelBase + e);
                p += 2;
            }
            else labels.Add(term[p]);
        }
        return [.. labels];
    }

    /// <summary>
    /// NumPy's implicit output: ellipsis axes first, then the letters that occur once, sorted. A label
    /// in three or more operands (a hyperedge) is refused: whether to keep or sum it must be said.
    /// </summary>
    private static int[] ImplicitOutput(string equation, int[][] inputs)
    {
        var counts = new Dictionary<int, int>();
        var operands = new Dictionary<int, int>();
        foreach (int[] term in inputs)
        {
            foreach (int l in term) counts[l] = counts.GetValueOrDefault(l) + 1;
            foreach (int l in term.Distinct()) operands[l] = operands.GetValueOrDefault(l) + 1;
        }
        foreach (var (label, count) in operands)
        {
            if (count >= 3 && label < EllipsisLabelBase)
                throw new ArgumentException($"Einsum \"{equation}\": label {LabelName(label)} is shared by {count} operands (a hyperedge) and the output is implicit; write the output explicitly after \"->\" to say whether it is kept or summed.");
        }
        var ellipsis = counts.Keys.Where(l => l >= EllipsisLabelBase).OrderDescending();
        var single = counts.Where(kv => kv.Key < EllipsisLabelBase && kv.Value == 1).Select(kv => kv.Key).Order();
        return [.. ellipsis, .. single];
    }

    /// <summary>A label as it appears in messages: its letter, "..." axis, or number.</summary>
    internal static string LabelName(int label) => label switch
    {
        >= EllipsisLabelBase => $"...[{-(label - EllipsisLabelBase)}]",
        < 128 when char.IsAsciiLetter((char)label) => $"'{(char)label}'",
        _ => label.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
