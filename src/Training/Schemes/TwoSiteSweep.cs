using TensorNetworks.Nn;
using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Schemes;

/// <summary>
/// DMRG-style training of a chain network on any differentiable loss. At bond k the two neighbouring
/// cores are merged, B = Σ_b A_k[.., b] A_{k+1}[b, ..]; B is optimized for <c>innerSteps</c> steps of its
/// own optimizer with every other core fixed; then B is split by truncated SVD, B ≈ U S Vᵀ keeping at most
/// <c>maxBondDim</c> singular values and dropping those whose relative weight Σ_dropped s² / Σ s² stays within
/// <c>cutoff</c>. Moving right, S goes into the right core (the left one stays orthonormal); moving left,
/// into the left. The sweep goes left to right and back, so bond dimensions grow where the data asks and
/// shrink where it does not.
/// </summary>
/// <remarks>The model must be a <see cref="NetworkModule"/> whose network is an open chain (a tensor train
/// or MPS); <see cref="Prepare"/> refuses anything else before training starts.</remarks>
/// <example><code>
/// var mps = new NetworkModule(NetworkBuilder.TensorTrain(gen, [2, 2, 2, 2, 2], bondDim: 2));
/// var sweep = new TwoSiteSweep(maxBondDim: 8, cutoff: 1e-10, innerSteps: 5,
///                              innerOptimizer: merged => new Lbfgs([merged], maxIterations: 5));
/// Trainer.Fit(mps, data, batch => Loss(mps.Network, batch), sweep);
/// </code></example>
public sealed class TwoSiteSweep : UpdateScheme
{
    private readonly Func<Parameter, Optimizer> _innerOptimizer;
    private readonly Dictionary<string, double> _metrics = [];
    private ChainLayout? _chain;
    private int _bond;
    private int _direction = 1;

    /// <summary>Creates the scheme.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When maxBondDim or innerSteps is below 1, or cutoff is outside [0, 1).</exception>
    public TwoSiteSweep(int maxBondDim, Func<Parameter, Optimizer> innerOptimizer, int innerSteps = 1, double cutoff = 0, SweepStep granularity = SweepStep.FullSweep)
    {
        ArgumentNullException.ThrowIfNull(innerOptimizer);
        if (maxBondDim < 1) throw new ArgumentOutOfRangeException(nameof(maxBondDim), maxBondDim, $"TwoSiteSweep: maxBondDim must be at least 1, got {maxBondDim}.");
        if (innerSteps < 1) throw new ArgumentOutOfRangeException(nameof(innerSteps), innerSteps, $"TwoSiteSweep: innerSteps must be at least 1, got {innerSteps}.");
        if (!(cutoff >= 0 && cutoff < 1)) throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, $"TwoSiteSweep: cutoff must be in [0, 1), got {cutoff}.");
        MaxBondDim = maxBondDim;
        Cutoff = cutoff;
        InnerSteps = innerSteps;
        Granularity = granularity;
        _innerOptimizer = innerOptimizer;
    }

    /// <summary>The largest bond dimension a split keeps.</summary>
    public int MaxBondDim { get; }

    /// <summary>The relative discarded weight a split may drop.</summary>
    public double Cutoff { get; }

    /// <summary>Optimizer steps on each merged core.</summary>
    public int InnerSteps { get; }

    /// <summary>Whether a step updates one bond or sweeps the whole chain.</summary>
    public SweepStep Granularity { get; }

    /// <inheritdoc/>
    /// <remarks>True: every split sets the bond dimension it finds, so a checkpoint's cores may differ in shape
    /// from a freshly built model's, and a resume takes them as they are.</remarks>
    public override bool ChangesParameterShapes => true;

    /// <summary>The current bond dimensions along the chain (after <see cref="Prepare"/>).</summary>
    public int[] BondDims(NetworkModule model) =>
        _chain is null ? [] : [.. _chain.Bonds.Select(model.Network.SizeOf)];

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">When the model is not a <see cref="NetworkModule"/> over an open chain.</exception>
    public override void Prepare(Module model)
    {
        if (model is not NetworkModule network)
            throw new ArgumentException($"TwoSiteSweep trains a NetworkModule over a chain network; got a {model.GetType().Name}.");
        _chain = ChainLayout.Of(network.Network, "TwoSiteSweep");
        if (_bond >= _chain.Bonds.Length) _bond = 0;
    }

    /// <inheritdoc/>
    /// <remarks>Returns the loss after the step's last split, evaluated without recording.</remarks>
    public override double Step(StepContext context)
    {
        var model = (NetworkModule)context.Model;
        ChainLayout chain = _chain ?? throw new InvalidOperationException("TwoSiteSweep.Step before Prepare.");
        int updates = Granularity == SweepStep.Bond ? 1 : 2 * chain.Bonds.Length;
        double maxDiscarded = 0;
        for (int u = 0; u < updates; u++)
        {
            maxDiscarded = Math.Max(maxDiscarded, UpdateBond(model, chain, context));
            Advance(chain.Bonds.Length);
        }
        double loss;
        using (TN.NoGrad()) loss = context.Loss().Item();
        int[] dims = BondDims(model);
        _metrics["max_bond"] = dims.Max();
        _metrics["mean_bond"] = dims.Average();
        _metrics["discarded"] = maxDiscarded;
        return loss;
    }

    /// <summary>Moves to the next bond; at an end the direction turns and the end bond is updated again (with one bond,
    /// every update turns, so the singular values go right, then left, and so on).</summary>
    private void Advance(int bonds)
    {
        if (_bond + _direction < 0 || _bond + _direction >= bonds) _direction = -_direction;
        else _bond += _direction;
    }

    private double UpdateBond(NetworkModule model, ChainLayout chain, StepContext context)
    {
        TensorNetwork net = model.Network;
        string left = chain.Cores[_bond], right = chain.Cores[_bond + 1], bond = chain.Bonds[_bond];
        string[] leftOrder = [.. net[left].Legs], rightOrder = [.. net[right].Legs];
        string[] leftLegs = [.. leftOrder.Where(l => l != bond)];
        string[] rightLegs = [.. rightOrder.Where(l => l != bond)];
        string mergedName = left + "+" + right;
        using (TN.NoGrad()) net.Merge(left, right, mergedName);

        var merged = new Parameter(mergedName, net[mergedName].Tensor);
        Optimizer optimizer = _innerOptimizer(merged);
        var frozen = model.Parameters().Where(p => p.Value.RequiresGrad).ToArray();
        foreach (Parameter p in frozen) p.Value.RequiresGrad = false;
        try
        {
            for (int i = 0; i < InnerSteps; i++)
                optimizer.Step(() =>
                {
                    net.SetTensor(mergedName, merged.Value);
                    return context.LossAndGradients([merged]);
                });
        }
        finally
        {
            foreach (Parameter p in frozen) p.Value.RequiresGrad = true;
        }
        net.SetTensor(mergedName, merged.Value);
        SplitReport report = net.Split(mergedName, leftLegs, rightLegs, new SplitOptions(
            MaxRank: MaxBondDim, Cutoff: Cutoff, Absorb: _direction > 0 ? Absorb.Right : Absorb.Left,
            BondName: bond, LeftName: left, RightName: right, LeftOrder: leftOrder, RightOrder: rightOrder));
        model.CoreParameter(left).Value = net[left].Tensor;
        model.CoreParameter(right).Value = net[right].Tensor;
        return report.DiscardedWeight;
    }

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> Metrics => _metrics;

    /// <inheritdoc/>
    public override OptimizerState? GetState()
    {
        var state = new OptimizerState(nameof(TwoSiteSweep));
        state.Scalars["bond"] = _bond;
        state.Scalars["direction"] = _direction;
        return state;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">When the state is not a TwoSiteSweep state.</exception>
    public override void SetState(OptimizerState state)
    {
        if (state.Kind != nameof(TwoSiteSweep))
            throw new ArgumentException($"TwoSiteSweep.SetState: the state belongs to {state.Kind}.");
        _bond = (int)state.Scalars["bond"];
        _direction = (int)state.Scalars["direction"];
    }
}
