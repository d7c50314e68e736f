using TensorNetworks;

namespace TensorNetworks.Tests.Einsum;

/// <summary>A seeded random einsum problem: operands' labels, extents, output and Float64 operands.</summary>
internal sealed record RandomEinsum(string Equation, Tensor[] Operands)
{
    internal static RandomEinsum Draw(int seed, int maxOperands = 4)
    {
        var g = new Generator((ulong)seed);
        int labelCount = 2 + g.NextInt(5);
        var letters = "abcdefghij"[..labelCount];
        var sizes = letters.ToDictionary(c => c, _ => 1 + g.NextInt(3));
        int n = 1 + g.NextInt(maxOperands);
        var terms = new List<string>();
        var shapes = new List<int[]>();
        for (int i = 0; i < n; i++)
        {
            int rank = g.NextInt(4);
            var term = new char[rank];
            var shape = new int[rank];
            for (int a = 0; a < rank; a++)
            {
                term[a] = letters[g.NextInt(letters.Length)];
                shape[a] = sizes[term[a]];
            }
            for (int a = 0; a < rank; a++)
            {
                bool repeated = Array.IndexOf(term, term[a]) != a;
                if (!repeated && g.NextInt(8) == 0) shape[a] = 1;
            }
            for (int a = 0; a < rank; a++)
                if (Array.IndexOf(term, term[a]) < a) shape[a] = shape[Array.IndexOf(term, term[a])];
            terms.Add(new string(term));
            shapes.Add(shape);
        }
        var used = terms.SelectMany(t => t).Distinct().ToList();
        string equation = string.Join(",", terms);
        bool hyperedge = used.Any(c => terms.Count(t => t.Contains(c)) >= 3);
        if (hyperedge || g.NextInt(4) != 0)
        {
            var output = used.Where(_ => g.NextInt(2) == 0).ToList();
            for (int i = output.Count - 1; i > 0; i--)
            {
                int j = g.NextInt(i + 1);
                (output[i], output[j]) = (output[j], output[i]);
            }
            equation += "->" + new string([.. output]);
        }
        Tensor[] operands = [.. shapes.Select(s => TN.Randn(g, DType.Float64, s))];
        return new RandomEinsum(equation, operands);
    }

    public override string ToString() => $"{Equation} on {string.Join(", ", Operands.Select(o => o.Shape))}";
}
