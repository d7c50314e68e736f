namespace TensorNetworks;

public static partial class TN
{
    /// <summary>
    /// Einstein summation: <c>result[out] = Σ over the other labels of Π_i operand_i[labels_i]</c>.
    /// Supports implicit output ("ij,jk" = "ij,jk->ik"), "..." for leading axes, repeated labels within
    /// an operand (diagonal, trace), labels summed out of a single operand, labels shared by three or
    /// more operands (hyperedges), extent-1 broadcasting and any number of operands. The contraction
    /// order is planned (optimal for few operands, greedy for many) and cached; the result is
    /// differentiable in every operand.
    /// </summary>
    /// <exception cref="ArgumentException">For a malformed equation, a label with two extents, an output
    /// label missing from the inputs, or a wrong number of labels for an operand; the message names the
    /// equation, the operand, the label and both extents.</exception>
    /// <example><code>
    /// Tensor c = TN.Einsum("ij,jk->ik", a, b);             // matrix product
    /// Tensor t = TN.Einsum("ir,jr,kr->ijk", u, v, w);     // CP reconstruction (hyperedge r)
    /// Tensor tr = TN.Einsum("ii", m);                      // trace
    /// </code></example>
    public static Tensor Einsum(string equation, params Tensor[] operands) => Einsum(equation, operands, PlanOptions.Default);

    /// <summary>Einsum with explicit planning options; see <see cref="Einsum(string, Tensor[])"/>.</summary>
    public static Tensor Einsum(string equation, Tensor[] operands, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(equation);
        ArgumentNullException.ThrowIfNull(operands);
        ArgumentNullException.ThrowIfNull(options);
        RequireOneDType(operands, equation);
        EinsumProgram program = EinsumCache.Get(equation, null, null, operands, options, () =>
        {
            int[][] shapes = [.. operands.Select(o => o.Dims)];
            EinsumEquation eq = EinsumEquation.Parse(equation, shapes);
            var problem = EinsumProblem.Create(eq.Inputs, eq.Output, shapes, ProblemNames.Lettered(Context(equation)));
            return EinsumProgram.Compile(problem, shapes, options);
        });
        return program.Run(operands);
    }

    /// <summary>
    /// Einsum in integer-label form, for networks with more legs than letters: operand i's axes carry
    /// <paramref name="inputLabels"/>[i]; the result's axes carry <paramref name="outputLabels"/>.
    /// </summary>
    /// <exception cref="ArgumentException">As for the string form, naming operands by index and labels by number.</exception>
    /// <example><code>
    /// // a chain of 3 matrices: labels 0-1, 1-2, 2-3 contracted to 0-3
    /// Tensor r = TN.Einsum([[0, 1], [1, 2], [2, 3]], [0, 3], a, b, c);
    /// </code></example>
    public static Tensor Einsum(IReadOnlyList<int[]> inputLabels, int[] outputLabels, Tensor[] operands, PlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputLabels);
        ArgumentNullException.ThrowIfNull(outputLabels);
        ArgumentNullException.ThrowIfNull(operands);
        RequireOneDType(operands, null);
        options ??= PlanOptions.Default;
        EinsumProgram program = EinsumCache.Get(null, inputLabels, outputLabels, operands, options, () =>
        {
            int[][] shapes = [.. operands.Select(o => o.Dims)];
            return EinsumProgram.Compile(EinsumProblem.Create(inputLabels, outputLabels, shapes, ProblemNames.Numbered("Einsum")), shapes, options);
        });
        return program.Run(operands);
    }

    /// <summary>The plan einsum would use for operands of these shapes (without contracting anything); it prints the equation's letters.</summary>
    /// <example><code>Console.WriteLine(TN.EinsumPlan("ij,jk,kl->il", [100, 2], [2, 100], [100, 100]));</code></example>
    public static ContractionPlan EinsumPlan(string equation, params int[][] shapes) => EinsumPlan(equation, shapes, PlanOptions.Default);

    /// <summary>The plan einsum would use, with explicit options.</summary>
    public static ContractionPlan EinsumPlan(string equation, int[][] shapes, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        EinsumEquation eq = EinsumEquation.Parse(equation, shapes);
        var problem = EinsumProblem.Create(eq.Inputs, eq.Output, shapes, ProblemNames.Lettered($"EinsumPlan \"{equation}\""));
        return ContractionPlanner.Plan(problem.Reduced, problem.Output, problem.Sizes, options, problem.Names)
            .WithNames(problem.Names.For(problem.Sizes.Keys));
    }

    /// <summary>Every operand present and of operand 0's dtype; messages name the einsum by its equation when
    /// given (built only on failure: this runs on every call).</summary>
    private static void RequireOneDType(Tensor[] operands, string? equation)
    {
        for (int i = 0; i < operands.Length; i++)
        {
            if (operands[i] is null) throw new ArgumentNullException(nameof(operands), $"{Context(equation)}: operand {i} is null.");
            if (operands[i].DType != operands[0].DType)
                throw new ArgumentException($"{Context(equation)}: operand 0 is {operands[0].DType} but operand {i} is {operands[i].DType}; convert with To(DType.{operands[0].DType}).");
        }
    }

    private static string Context(string? equation) => equation is null ? "Einsum" : $"Einsum \"{equation}\"";
}
