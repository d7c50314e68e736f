using TensorNetworks;

namespace TensorNetworks.Tests.Einsum;

/// <summary>
/// The reference einsum: one nested loop over every assignment of every label, multiplying the
/// operands' elements and adding into the output. Slow and obviously right.
/// </summary>
internal static class NaiveEinsum
{
    internal static double[] Evaluate(int[][] inputs, int[] output, Tensor[] operands, out int[] outputDims)
    {
        var sizes = new Dictionary<int, int>();
        for (int i = 0; i < inputs.Length; i++)
            for (int a = 0; a < inputs[i].Length; a++)
            {
                // A label's extent is the one other than 1 when an operand has one (0 included): 1 broadcasts.
                int label = inputs[i][a], extent = operands[i].Shape[a];
                if (!sizes.TryGetValue(label, out int known) || known == 1) sizes[label] = extent;
            }
        int[] all = [.. sizes.Keys];
        outputDims = [.. output.Select(l => sizes[l])];
        var result = new double[Math.Max(1, outputDims.Aggregate(1, (p, d) => p * d))];
        if (outputDims.Contains(0)) return [];
        var values = operands.Select(o => o.ToArray<double>()).ToArray();
        var assignment = new Dictionary<int, int>();
        var index = new int[all.Length];
        long total = all.Aggregate(1L, (p, l) => p * sizes[l]);
        for (long count = 0; count < total; count++)
        {
            for (int k = 0; k < all.Length; k++) assignment[all[k]] = index[k];
            double product = 1;
            for (int i = 0; i < operands.Length; i++)
            {
                int flat = 0;
                for (int a = 0; a < inputs[i].Length; a++)
                {
                    int extent = operands[i].Shape[a];
                    flat = flat * extent + (extent == 1 ? 0 : assignment[inputs[i][a]]);
                }
                product *= values[i][flat];
            }
            int outFlat = 0;
            for (int a = 0; a < output.Length; a++) outFlat = outFlat * outputDims[a] + assignment[output[a]];
            result[outFlat] += product;
            for (int k = all.Length - 1; k >= 0; k--)
            {
                if (++index[k] < sizes[all[k]]) break;
                index[k] = 0;
            }
        }
        return result;
    }

    internal static double[] Evaluate(string equation, Tensor[] operands, out int[] outputDims)
    {
        var eq = EinsumEquation.Parse(equation, [.. operands.Select(o => o.Shape.ToArray())]);
        return Evaluate(eq.Inputs, eq.Output, operands, out outputDims);
    }
}
