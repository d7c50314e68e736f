using TensorNetworks.Nn;
using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Schemes;

/// <summary>
/// One block of an <see cref="AlternatingScheme"/>: a group of parameters updated together while the
/// others stay fixed, either by a closed-form solve (the least-squares update of ALS) or by a few steps of
/// its own optimizer.
/// </summary>
/// <example><code>
/// // ALS for X ≈ U Vᵀ: U = X V (VᵀV)⁻¹, V = Xᵀ U (UᵀU)⁻¹
/// var u = Block.ClosedForm("U", [model.U], ctx => model.U.Value = SolveU(ctx.Batch.Inputs, model.V.Value));
/// var v = Block.GradientSteps("V", [model.V], ps => new Adam(ps, learningRate: 1e-2), steps: 5);
/// var als = new AlternatingScheme(u, v);
/// </code></example>
public sealed class Block
{
    private readonly Action<StepContext>? _solve;
    private readonly Optimizer? _optimizer;

    private Block(string name, IReadOnlyList<Parameter> parameters, Action<StepContext>? solve, Optimizer? optimizer, int steps)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0) throw new ArgumentException($"Block {name}: the parameter list is empty.", nameof(parameters));
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"Block {name}: steps must be at least 1, got {steps}.");
        Name = name;
        Parameters = parameters;
        _solve = solve;
        _optimizer = optimizer;
        Steps = steps;
    }

    /// <summary>A block solved in closed form: <paramref name="solve"/> sets the block's parameter values
    /// from the batch and the current values of the other parameters (it runs without recording).</summary>
    public static Block ClosedForm(string name, IReadOnlyList<Parameter> parameters, Action<StepContext> solve)
    {
        ArgumentNullException.ThrowIfNull(solve);
        return new Block(name, parameters, solve, null, 1);
    }

    /// <summary>A block updated by <paramref name="steps"/> steps of the optimizer that
    /// <paramref name="optimizer"/> builds over the block's parameters (built once; its state persists).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="steps"/> is below 1.</exception>
    public static Block GradientSteps(string name, IReadOnlyList<Parameter> parameters, Func<IReadOnlyList<Parameter>, Optimizer> optimizer, int steps = 1)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(parameters);
        return new Block(name, parameters, null, optimizer(parameters), steps);
    }

    /// <summary>The block's name, used in messages and state keys.</summary>
    public string Name { get; }

    /// <summary>The parameters this block updates.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Optimizer steps per update (1 for a closed-form block).</summary>
    public int Steps { get; }

    /// <summary>The block's optimizer, or null for a closed-form block.</summary>
    public Optimizer? Optimizer => _optimizer;

    internal void Update(StepContext context)
    {
        if (_solve is not null)
        {
            using (TN.NoGrad()) _solve(context);
            context.MarkParametersChanged();
            return;
        }
        for (int i = 0; i < Steps; i++)
            _optimizer!.Step(() => context.LossAndGradients(Parameters));
    }
}
