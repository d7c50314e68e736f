namespace TensorNetworks.Benchmarks.Einsum;

/// <summary>The planner's input in integer-label form: each operand's labels, the output labels and every label's extent.</summary>
internal sealed record PlanningProblem(int[][] Inputs, int[] Output, Dictionary<int, int> Sizes)
{
    internal ContractionPlan Plan() => ContractionPlanner.Plan(Inputs, Output, Sizes);

    internal ContractionPlan CachedPlan() => ContractionPlanner.Cached(Inputs, Output, Sizes, PlanOptions.Default);

    /// <summary>The labels einsum plans for <paramref name="workload"/> (after summing out the boundary-rank labels).</summary>
    internal static PlanningProblem Of(EinsumWorkload workload)
    {
        var equation = EinsumEquation.Parse(workload.Equation, workload.Shapes);
        var problem = EinsumProblem.Create(equation.Inputs, equation.Output, workload.Shapes, ProblemNames.Lettered(workload.Equation));
        return new PlanningProblem(problem.Reduced, problem.Output, problem.Sizes);
    }

    /// <summary>
    /// ⟨ψ|ψ⟩ of an open-boundary MPS: ket cores (a{k-1}, p{k}, a{k}) and bra cores (b{k-1}, p{k}, b{k})
    /// share the physical labels p{k} (label k); ket bonds are labels n + k, bra bonds 2n + k; the result is a scalar.
    /// </summary>
    internal static PlanningProblem MpsInnerProduct(int sites, int physicalDim, int bondDim)
    {
        var sizes = new Dictionary<int, int>();
        var inputs = new List<int[]>();
        foreach (int bondBase in new[] { sites, 2 * sites })
        {
            for (int k = 0; k < sites; k++)
            {
                var labels = new List<int>();
                if (k > 0) labels.Add(bondBase + k - 1);
                labels.Add(k);
                if (k < sites - 1) labels.Add(bondBase + k);
                inputs.Add([.. labels]);
                sizes[k] = physicalDim;
                if (k < sites - 1) sizes[bondBase + k] = bondDim;
            }
        }
        return new PlanningProblem([.. inputs], [], sizes);
    }

    /// <summary>M0·M1·…·M{n-1} with seeded random extents in [<paramref name="minBond"/>, <paramref name="maxBond"/>]: matrix k carries labels (k, k+1).</summary>
    internal static PlanningProblem MatrixChain(Generator generator, int length, int minBond, int maxBond)
    {
        var sizes = new Dictionary<int, int>();
        for (int l = 0; l <= length; l++) sizes[l] = minBond + generator.NextInt(maxBond - minBond + 1);
        int[][] inputs = [.. Enumerable.Range(0, length).Select(k => new[] { k, k + 1 })];
        return new PlanningProblem(inputs, [0, length], sizes);
    }
}
