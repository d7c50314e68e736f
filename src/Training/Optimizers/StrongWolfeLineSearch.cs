namespace TensorNetworks.Training.Optimizers;

/// <summary>A trial point of a line search: the step α, φ(α) = f(x + αd) and the slope φ'(α) = ∇f(x + αd)·d.</summary>
internal readonly record struct LinePoint(double Step, double Value, double Slope);

/// <summary>The outcome of <see cref="StrongWolfeLineSearch.Search"/>.</summary>
/// <param name="Accepted">The point to move to; its step is 0 when no trial decreased φ enough.</param>
/// <param name="SatisfiesWolfe">True when <paramref name="Accepted"/> meets both strong-Wolfe conditions.</param>
/// <param name="IsLastEvaluated">True when <paramref name="Accepted"/> was the last point evaluated (so the
/// function's side effects, such as gradients, belong to it).</param>
/// <param name="Evaluations">Number of calls of φ.</param>
internal sealed record LineSearchResult(LinePoint Accepted, bool SatisfiesWolfe, bool IsLastEvaluated, int Evaluations);

/// <summary>
/// The line search of Nocedal and Wright (Numerical Optimization, 2nd ed., Algorithms 3.5 and 3.6): find α
/// with φ(α) ≤ φ(0) + c₁αφ'(0) (sufficient decrease) and |φ'(α)| ≤ c₂|φ'(0)| (strong curvature), by
/// extrapolating until a bracket is found and then zooming into it with safeguarded cubic interpolation.
/// </summary>
internal static class StrongWolfeLineSearch
{
    /// <summary>c₁ of the sufficient-decrease condition.</summary>
    public const double SufficientDecrease = 1e-4;

    /// <summary>c₂ of the curvature condition.</summary>
    public const double Curvature = 0.9;

    /// <summary>Most calls of φ in one search.</summary>
    public const int MaxEvaluations = 25;

    /// <summary>
    /// Searches along a descent direction from <paramref name="start"/> (step 0, slope &lt; 0), trying
    /// <paramref name="initialStep"/> first. The zoom stops early when the bracket is narrower than
    /// <paramref name="minimumBracket"/>; the search then returns the best point that decreased φ enough.
    /// </summary>
    public static LineSearchResult Search(Func<double, LinePoint> phi, LinePoint start, double initialStep, double minimumBracket)
    {
        var search = new Run(phi, start);
        LinePoint previous = start;
        double step = initialStep;
        while (true)
        {
            LinePoint current = search.Evaluate(step);
            if (!search.DecreasesEnough(current) || (search.Evaluations > 1 && current.Value >= previous.Value))
                return search.Zoom(previous, current, minimumBracket);
            if (search.IsFlatEnough(current)) return search.Done(current, true);
            if (current.Slope >= 0) return search.Zoom(current, previous, minimumBracket);
            if (search.Evaluations >= MaxEvaluations) return search.Done(current, false);
            double lower = current.Step + (current.Step - previous.Step), upper = 10 * current.Step;
            double next = CubicMinimizer(previous, current);
            step = double.IsFinite(next) ? Math.Clamp(next, lower, upper) : upper;
            previous = current;
        }
    }

    /// <summary>
    /// The minimizer of the cubic through two points with their values and slopes (Nocedal and Wright, eq.
    /// 3.59): d₁ = φ'ₐ + φ'ᵦ − 3(φₐ − φᵦ)/(a − b), d₂ = sign(b − a)√(d₁² − φ'ₐφ'ᵦ),
    /// α = b − (b − a)(φ'ᵦ + d₂ − d₁)/(φ'ᵦ − φ'ₐ + 2d₂); NaN when the cubic has no minimizer.
    /// </summary>
    public static double CubicMinimizer(LinePoint a, LinePoint b)
    {
        double d1 = a.Slope + b.Slope - 3 * (a.Value - b.Value) / (a.Step - b.Step);
        double discriminant = d1 * d1 - a.Slope * b.Slope;
        if (!(discriminant >= 0)) return double.NaN;
        double d2 = Math.CopySign(Math.Sqrt(discriminant), b.Step - a.Step);
        return b.Step - (b.Step - a.Step) * (b.Slope + d2 - d1) / (b.Slope - a.Slope + 2 * d2);
    }

    private sealed class Run(Func<double, LinePoint> phi, LinePoint start)
    {
        private LinePoint? _last;

        public int Evaluations { get; private set; }

        public LinePoint Evaluate(double step)
        {
            Evaluations++;
            LinePoint point = phi(step);
            _last = point;
            return point;
        }

        public bool DecreasesEnough(LinePoint p) => p.Value <= start.Value + SufficientDecrease * p.Step * start.Slope;

        public bool IsFlatEnough(LinePoint p) => Math.Abs(p.Slope) <= -Curvature * start.Slope;

        public LineSearchResult Done(LinePoint accepted, bool wolfe) => new(accepted, wolfe, _last == accepted, Evaluations);

        /// <summary>Algorithm 3.6: <paramref name="low"/> decreased φ enough and is the lowest such point so
        /// far; the bracket between it and <paramref name="high"/> holds a point meeting both conditions.</summary>
        public LineSearchResult Zoom(LinePoint low, LinePoint high, double minimumBracket)
        {
            while (Evaluations < MaxEvaluations && Math.Abs(high.Step - low.Step) >= minimumBracket)
            {
                LinePoint trial = Evaluate(Interpolate(low, high));
                if (!DecreasesEnough(trial) || trial.Value >= low.Value)
                {
                    high = trial;
                    continue;
                }
                if (IsFlatEnough(trial)) return Done(trial, true);
                if (trial.Slope * (high.Step - low.Step) >= 0) high = low;
                low = trial;
            }
            return Done(low, false);
        }

        /// <summary>The cubic's minimizer, kept at least a tenth of the bracket away from both ends so the
        /// bracket shrinks by a tenth or more each time; the midpoint when the cubic gives none.</summary>
        private static double Interpolate(LinePoint a, LinePoint b)
        {
            double lo = Math.Min(a.Step, b.Step), hi = Math.Max(a.Step, b.Step), margin = 0.1 * (hi - lo);
            double alpha = double.IsFinite(a.Value) && double.IsFinite(b.Value) ? CubicMinimizer(a, b) : double.NaN;
            return double.IsFinite(alpha) ? Math.Clamp(alpha, lo + margin, hi - margin) : 0.5 * (lo + hi);
        }
    }
}
