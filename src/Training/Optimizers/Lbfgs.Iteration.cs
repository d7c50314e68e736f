using System.Numerics.Tensors;

namespace TensorNetworks.Training.Optimizers;

public sealed partial class Lbfgs
{
    /// <summary>
    /// One iteration's move from x (loss <paramref name="loss"/>, gradient g): along the quasi-Newton
    /// direction, and when that fails or is not a descent direction, along steepest descent with the history
    /// cleared. Returns the loss at the accepted point, or null when the step should end: the slope along
    /// steepest descent is above −changeTolerance, or a failed strong-Wolfe search sits at a numerical minimum.
    /// </summary>
    /// <exception cref="LbfgsStepException">When steepest descent fails anywhere else.</exception>
    private double? Iterate(Func<double> evaluate, double[] x, double[] g, double loss)
    {
        while (true)
        {
            bool steepest = _history.Count == 0;
            double[] d = _history.Direction(g);
            double slope = TensorPrimitives.Dot<double>(g, d);
            if (slope >= 0 && !steepest)
            {
                _history.Clear();
                continue;
            }
            if (slope > -ChangeTolerance) return null;
            double initialStep = steepest ? Math.Min(1, 1 / TensorPrimitives.SumOfMagnitudes<double>(g)) * LearningRate : LearningRate;
            var start = new LinePoint(0, loss, slope);
            var (accepted, trials) = MoveAlong(evaluate, x, g, d, start, initialStep);
            if (accepted is not null) return accepted;
            if (!steepest)
            {
                _history.Clear();
                continue;
            }
            if (LineSearch == LbfgsLineSearch.None)
                throw LbfgsStepException.NonFiniteTrial(StepCount, loss, LearningRate, trials[0].Step, trials[0].Value);
            if (IsNumericalMinimum(start, trials, x, d)) return null;
            double lowest = trials.Where(t => double.IsFinite(t.Value)).Select(t => t.Value).DefaultIfEmpty(double.NaN).Min();
            throw LbfgsStepException.NoDecrease(StepCount, loss, LearningRate, slope, lowest);
        }
    }

    /// <summary>
    /// Whether a failed search from <paramref name="start"/> is explained by rounding, with √ε the square root
    /// of the machine epsilon of the parameters (float32 when any of them is):
    /// <list type="bullet">
    /// <item>the loss cannot resolve a further decrease: with the curvature φ'' = (φ'(α) − φ'(0)) / α from the
    /// largest trial α whose value and slope are finite, the most the loss can fall along the line,
    /// φ'(0)² / (2φ''), is positive and at most √ε·|φ(0)| (a negative or unknown curvature never is);</item>
    /// <item>or the parameters cannot: the longest trial moves them by at most √ε·max|x| (a loss near 0, as
    /// at an exact fit, whose gradient is rounding noise).</item>
    /// </list>
    /// A loss of 0 counts as the smallest normal number of the dtype in the first test, so that a float32 fit whose
    /// loss has underflowed to 0 while its gradient has not (≈ 1e-45) ends there too.
    /// </summary>
    private bool IsNumericalMinimum(LinePoint start, List<LinePoint> trials, double[] x, double[] d)
    {
        DType dtype = Parameters.Any(p => p.Value.DType == DType.Float32) ? DType.Float32 : DType.Float64;
        double resolution = Math.Sqrt(dtype.MachineEpsilon());
        if (trials.Max(t => t.Step) * MaxAbs(d) <= resolution * MaxAbs(x)) return true;
        LinePoint? farthest = trials.Where(t => t.Step > 0 && double.IsFinite(t.Value) && double.IsFinite(t.Slope))
            .Cast<LinePoint?>().MaxBy(t => t!.Value.Step);
        if (farthest is not { } far) return false;
        double curvature = (far.Slope - start.Slope) / far.Step;
        double scale = Math.Max(Math.Abs(start.Value), dtype.SmallestNormal());
        return curvature > 0 && start.Slope * start.Slope / (2 * curvature) <= resolution * scale;
    }
}
