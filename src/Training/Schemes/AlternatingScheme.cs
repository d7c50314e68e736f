using TensorNetworks.Nn;
using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Schemes;

/// <summary>
/// Block-coordinate descent: each step updates the blocks in order, each with the others fixed, so
/// alternating least squares (CP-ALS, Tucker-ALS, matrix factorization) is this scheme with closed-form
/// blocks. The step's loss is evaluated after the last block, without recording; with exact block solves
/// it never increases from step to step.
/// </summary>
/// <example><code>
/// var als = new AlternatingScheme(Block.ClosedForm("U", [u], SolveU), Block.ClosedForm("V", [v], SolveV));
/// Trainer.Fit(model, new FullBatch(new Batch(x)), batch => Loss(model, batch), als,
///             new TrainOptions { Epochs = 100, LossTolerance = 1e-12 });
/// </code></example>
public sealed class AlternatingScheme : UpdateScheme
{
    private readonly Block[] _blocks;

    /// <summary>Creates the scheme over <paramref name="blocks"/>, updated in this order.</summary>
    /// <exception cref="ArgumentException">When there are no blocks, two blocks share a name, or a parameter belongs to two blocks.</exception>
    public AlternatingScheme(params Block[] blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Length == 0) throw new ArgumentException("AlternatingScheme: no blocks given.", nameof(blocks));
        if (blocks.Select(b => b.Name).Distinct().Count() != blocks.Length)
            throw new ArgumentException($"AlternatingScheme: block names must be distinct, got {string.Join(", ", blocks.Select(b => b.Name))}.", nameof(blocks));
        var seen = new Dictionary<Parameter, string>();
        foreach (Block b in blocks)
            foreach (Parameter p in b.Parameters)
                if (!seen.TryAdd(p, b.Name))
                    throw new ArgumentException($"AlternatingScheme: {p} belongs to blocks {seen[p]} and {b.Name}; each parameter belongs to one block.", nameof(blocks));
        _blocks = blocks;
    }

    /// <summary>The blocks, in update order.</summary>
    public IReadOnlyList<Block> Blocks => _blocks;

    /// <summary>Set when a block's update replaces a parameter with one of another shape (a rank-adaptive closed-form
    /// solve), so that a resume takes the checkpoint's shapes (<see cref="UpdateScheme.ChangesParameterShapes"/>).
    /// Default false.</summary>
    /// <example><code>var als = new AlternatingScheme(Block.ClosedForm("U", [u], GrowU)) { BlocksChangeShapes = true };</code></example>
    public bool BlocksChangeShapes { get; init; }

    /// <inheritdoc/>
    public override bool ChangesParameterShapes => BlocksChangeShapes;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">When a block holds a parameter the model does not have.</exception>
    public override void Prepare(Module model)
    {
        var owned = model.Parameters().ToHashSet();
        foreach (Block b in _blocks)
            foreach (Parameter p in b.Parameters)
                if (!owned.Contains(p))
                    throw new ArgumentException($"AlternatingScheme: block {b.Name} updates {p}, which is not a parameter of the {model.GetType().Name} being trained.");
    }

    /// <inheritdoc/>
    /// <remarks>Returns the loss after every block has been updated.</remarks>
    public override double Step(StepContext context)
    {
        foreach (Block b in _blocks) b.Update(context);
        using var _ = TN.NoGrad();
        return context.Loss().Item();
    }

    /// <inheritdoc/>
    public override OptimizerState? GetState()
    {
        var state = new OptimizerState(nameof(AlternatingScheme));
        foreach (Block b in _blocks)
        {
            if (b.Optimizer is null) continue;
            OptimizerState inner = b.Optimizer.GetState();
            foreach (var (key, t) in inner.Tensors) state.Tensors[$"{b.Name}/{key}"] = t;
            foreach (var (key, v) in inner.Scalars) state.Scalars[$"{b.Name}/{key}"] = v;
        }
        return state;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">When the state belongs to another scheme.</exception>
    public override void SetState(OptimizerState state)
    {
        if (state.Kind != nameof(AlternatingScheme))
            throw new ArgumentException($"AlternatingScheme.SetState: the state belongs to {state.Kind}.");
        foreach (Block b in _blocks)
        {
            if (b.Optimizer is null) continue;
            string prefix = b.Name + "/";
            var inner = new OptimizerState(b.Optimizer.GetType().Name);
            foreach (var (key, t) in state.Tensors.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))) inner.Tensors[key[prefix.Length..]] = t;
            foreach (var (key, v) in state.Scalars.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))) inner.Scalars[key[prefix.Length..]] = v;
            b.Optimizer.SetState(inner);
        }
    }
}
