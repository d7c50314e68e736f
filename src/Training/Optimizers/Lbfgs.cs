using System.Numerics.Tensors;
using TensorNetworks.Nn;

namespace TensorNetworks.Training.Optimizers;

/// <summary>
/// Limited-memory BFGS over all parameters as one flat vector x. Each <see cref="Step"/> runs up to
/// <see cref="MaxIterations"/> iterations: the direction d = −H·∇f comes from the two-loop recursion over
/// the last <see cref="HistorySize"/> pairs (s = Δx, y = Δ∇f, kept when yᵀs &gt; 1e-10), the step α from a
/// strong-Wolfe line search starting at η (η·min(1, 1/‖∇f‖₁) while the history is empty), and x ← x + αd.
/// An iteration ends the step when max|∇f| ≤ gradientTolerance, or max|αd| or |Δf| falls below
/// changeTolerance. The history carries over from step to step.
/// </summary>
/// <remarks>
/// <c>evaluate</c> is called as often as the line search needs; when <see cref="Step"/> returns, the
/// parameters hold the accepted point and their gradients belong to it. When a move fails (with
/// <see cref="LbfgsLineSearch.None"/> a trial whose loss is NaN or infinite, with
/// <see cref="LbfgsLineSearch.StrongWolfe"/> a search that finds no point decreasing the loss enough), the
/// parameters go back to where the move started and:
/// <list type="bullet">
/// <item>if the history held pairs, it is cleared and the same iteration tries steepest descent;</item>
/// <item>if steepest descent itself failed, <see cref="LbfgsStepException"/> is thrown (naming the step, the
/// loss, the learning rate and the remedy), except under StrongWolfe at a numerical minimum, where the step
/// ends quietly as it does when |Δf| falls below changeTolerance. A numerical minimum is where the loss cannot
/// resolve a further decrease (the most it can still fall along −∇f, φ'(0)² / (2φ''), with φ'' = (φ'(α) −
/// φ'(0)) / α from the largest finite trial α, is positive and at most √ε·|f|) or the parameters cannot (the
/// longest trial moves them by at most √ε·max|x|, as at an exact fit whose loss is near 0); ε = 2.2e-16 for
/// float64 parameters, 1.2e-7 when any is float32. Elsewhere the slope is significant, and a failed search
/// means a learning rate far too large or gradients that do not belong to the loss.</item>
/// </list>
/// A learning rate of 0 (the end of a cosine schedule) makes <see cref="Step"/> evaluate the loss and return
/// it without moving.
/// </remarks>
/// <example><code>
/// var lbfgs = new Lbfgs(model.Parameters(), maxIterations: 50);
/// Trainer.Fit(model, fullBatch, objective, new GradientScheme(lbfgs), new TrainOptions { Epochs = 5 });
/// </code></example>
public sealed partial class Lbfgs : Optimizer
{
    private readonly FlatParameters _flat;
    private readonly LbfgsHistory _history;
    private int[][] _shapes;

    /// <summary>Creates the optimizer.</summary>
    /// <example><code>var lbfgs = new Lbfgs(model.Parameters(), maxIterations: 100, gradientTolerance: 1e-10);</code></example>
    /// <exception cref="ArgumentException">When the parameter list is empty or repeats a parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the learning rate is negative or not finite (0 is
    /// allowed and makes a step a no-op), <paramref name="maxIterations"/> or <paramref name="historySize"/> is below 1, a tolerance is negative
    /// or not finite, or <paramref name="lineSearch"/> is not a defined value.</exception>
    public Lbfgs(IEnumerable<Parameter> parameters, double learningRate = 1, int maxIterations = 20, int historySize = 10,
        double gradientTolerance = 1e-7, double changeTolerance = 1e-9, LbfgsLineSearch lineSearch = LbfgsLineSearch.StrongWolfe)
        : base(parameters, learningRate)
    {
        if (maxIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, $"Lbfgs: maxIterations must be at least 1, got {maxIterations}.");
        if (historySize < 1)
            throw new ArgumentOutOfRangeException(nameof(historySize), historySize, $"Lbfgs: historySize must be at least 1, got {historySize}.");
        if (!(gradientTolerance >= 0) || !double.IsFinite(gradientTolerance))
            throw new ArgumentOutOfRangeException(nameof(gradientTolerance), gradientTolerance, $"Lbfgs: gradientTolerance must be non-negative and finite, got {gradientTolerance}.");
        if (!(changeTolerance >= 0) || !double.IsFinite(changeTolerance))
            throw new ArgumentOutOfRangeException(nameof(changeTolerance), changeTolerance, $"Lbfgs: changeTolerance must be non-negative and finite, got {changeTolerance}.");
        if (!Enum.IsDefined(lineSearch))
            throw new ArgumentOutOfRangeException(nameof(lineSearch), lineSearch, $"Lbfgs: lineSearch must be None or StrongWolfe, got {lineSearch}.");
        MaxIterations = maxIterations;
        HistorySize = historySize;
        GradientTolerance = gradientTolerance;
        ChangeTolerance = changeTolerance;
        LineSearch = lineSearch;
        _flat = new FlatParameters(Parameters);
        _history = new LbfgsHistory(historySize);
        _shapes = _flat.Shapes();
    }

    /// <summary>Most iterations per <see cref="Step"/>.</summary>
    public int MaxIterations { get; }

    /// <summary>Number m of curvature pairs kept.</summary>
    public int HistorySize { get; }

    /// <summary>A step ends when max|∇f| is at most this.</summary>
    public double GradientTolerance { get; }

    /// <summary>A step ends when max|αd| or the change of the loss is below this.</summary>
    public double ChangeTolerance { get; }

    /// <summary>How the step length is chosen.</summary>
    public LbfgsLineSearch LineSearch { get; }

    /// <summary>Total L-BFGS iterations over all steps.</summary>
    public long Iterations { get; private set; }

    /// <summary>Runs up to <see cref="MaxIterations"/> iterations from the current parameters; returns the loss
    /// at the start of the step.</summary>
    /// <exception cref="LbfgsStepException">When a steepest-descent move fails (see the remarks of <see cref="Lbfgs"/>);
    /// the parameters and gradients are then those of the last accepted point.</exception>
    /// <example><code>double loss = lbfgs.Step(() => { lbfgs.ZeroGrad(); Tensor l = Loss(); l.Backward(); return l.Item(); });</code></example>
    public override double Step(Func<double> evaluate)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        ForgetIfShapesChanged();
        double loss = evaluate();
        double initialLoss = loss;
        double[] x = _flat.Values(), g = _flat.Gradients();
        for (int iteration = 0; LearningRate > 0 && iteration < MaxIterations && MaxAbs(g) > GradientTolerance; iteration++)
        {
            if (Iterate(evaluate, x, g, loss) is not { } accepted) break;
            double[] xNew = _flat.Values(), gNew = _flat.Gradients();
            Iterations++;
            _history.Add(Difference(xNew, x), Difference(gNew, g));
            bool stalled = MaxAbs(Difference(xNew, x)) <= ChangeTolerance || Math.Abs(accepted - loss) < ChangeTolerance;
            (x, g, loss) = (xNew, gNew, accepted);
            if (stalled) break;
        }
        StepCount++;
        return initialLoss;
    }

    /// <summary>Moves the parameters from x along d, leaving them and their gradients at the accepted point and
    /// returning the loss there; or, when the move fails, puts them back at x and returns null with every
    /// trial evaluated.</summary>
    private (double? Loss, List<LinePoint> Trials) MoveAlong(Func<double> evaluate, double[] x, double[] g, double[] d, LinePoint start, double initialStep)
    {
        var trial = new double[x.Length];
        var trials = new List<LinePoint>();
        LinePoint Phi(double step)
        {
            TensorPrimitives.MultiplyAdd(d, step, x, trial);
            _flat.SetValues(trial);
            double value = evaluate();
            trials.Add(new LinePoint(step, value, TensorPrimitives.Dot<double>(_flat.Gradients(), d)));
            return trials[^1];
        }

        if (LineSearch == LbfgsLineSearch.None)
        {
            LinePoint point = Phi(initialStep);
            return (double.IsFinite(point.Value) ? point.Value : Restore(x, g), trials);
        }
        LineSearchResult result = StrongWolfeLineSearch.Search(Phi, start, initialStep, ChangeTolerance / MaxAbs(d));
        if (result.Accepted.Step == 0) return (Restore(x, g), trials);
        if (!result.IsLastEvaluated) Phi(result.Accepted.Step);
        return (result.Accepted.Value, trials);
    }

    private double? Restore(double[] x, double[] g)
    {
        _flat.SetValues(x);
        _flat.SetGradients(g);
        return null;
    }

    private void ForgetIfShapesChanged()
    {
        int[][] shapes = _flat.Shapes();
        if (shapes.Length == _shapes.Length && shapes.Zip(_shapes).All(pair => pair.First.AsSpan().SequenceEqual(pair.Second))) return;
        _history.Clear();
        _shapes = shapes;
    }

    /// <summary>max_i |v_i|, +∞ when an entry is NaN.</summary>
    private static double MaxAbs(double[] v)
    {
        double m = v.Length == 0 ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude<double>(v));
        return double.IsNaN(m) ? double.PositiveInfinity : m;
    }

    private static double[] Difference(double[] a, double[] b)
    {
        var result = new double[a.Length];
        TensorPrimitives.Subtract<double>(a, b, result);
        return result;
    }
}
