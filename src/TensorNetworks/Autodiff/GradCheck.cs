namespace TensorNetworks;

/// <summary>The worst disagreement found by <see cref="GradCheck.Compare"/>.</summary>
/// <param name="Passed">True when every entry is within atol + rtol·|numeric|.</param>
/// <param name="Input">Index of the input holding the worst entry.</param>
/// <param name="Element">Flat index of the worst entry in that input.</param>
/// <param name="Analytic">Autodiff's value there.</param>
/// <param name="Numeric">The central finite difference there.</param>
/// <param name="AbsoluteError">|analytic - numeric| there.</param>
public sealed record GradCheckResult(bool Passed, int Input, int Element, double Analytic, double Numeric, double AbsoluteError)
{
    /// <summary>One line naming the worst entry.</summary>
    public override string ToString()
        => $"{(Passed ? "passed" : "FAILED")}: worst at input {Input}, element {Element}: autodiff {Analytic:G10}, finite difference {Numeric:G10}, |error| {AbsoluteError:G3}";
}

/// <summary>
/// Compares autodiff gradients with central finite differences in Float64:
/// ∂L/∂x_i ≈ (L(x + h·e_i) − L(x − h·e_i)) / 2h, where L = Σ f(x) ⊙ w for a fixed random weight w,
/// so that every output element contributes.
/// </summary>
/// <example><code>
/// var x = TN.Randn(new Generator(0), DType.Float64, 3, 3).RequiringGrad();
/// GradCheckResult r = GradCheck.Compare(xs => xs[0].Exp(), [x]);
/// if (!r.Passed) throw new Exception(r.ToString());
/// </code></example>
public static class GradCheck
{
    /// <summary>Checks <paramref name="function"/> at <paramref name="inputs"/> (Float64; inputs requiring a gradient are perturbed).</summary>
    /// <exception cref="ArgumentException">When an input is not Float64, or no input requires a gradient.</exception>
    public static GradCheckResult Compare(Func<Tensor[], Tensor> function, Tensor[] inputs,
        double step = 1e-6, double absoluteTolerance = 1e-6, double relativeTolerance = 1e-5, ulong seed = 12345)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var t in inputs)
            if (t.DType != DType.Float64)
                throw new ArgumentException($"GradCheck needs Float64 inputs for accurate finite differences; got {t.DType} {t.Shape}. Convert with To(DType.Float64).");

        if (!inputs.Any(t => t.RequiresGrad))
            throw new ArgumentException($"GradCheck: none of the {inputs.Length} inputs ({string.Join(", ", inputs.Select(t => t.Shape))}) requires a gradient, so there is nothing to check; call RequiringGrad() on the inputs to differentiate (PyTorch's gradcheck asks the same).");

        Tensor probe;
        using (TN.NoGrad()) probe = function(inputs);
        Tensor weight = TN.Randn(new Generator(seed), DType.Float64, probe.Shape.ToArray());

        Tensor loss = (function(inputs) * weight).Sum();
        Tensor[] differentiable = [.. inputs.Where(t => t.RequiresGrad)];
        Tensor[] analytic = Gradients.Of(loss, differentiable);

        var worst = new GradCheckResult(true, -1, -1, 0, 0, 0);
        double worstExcess = double.NegativeInfinity;
        for (int i = 0; i < differentiable.Length; i++)
        {
            double[] values = differentiable[i].Array<double>();
            for (int e = 0; e < differentiable[i].ElementCount; e++)
            {
                double original = values[e];
                values[e] = original + step;
                double plus = Evaluate(function, inputs, weight);
                values[e] = original - step;
                double minus = Evaluate(function, inputs, weight);
                values[e] = original;
                double numeric = (plus - minus) / (2 * step);
                double a = analytic[i].GetFlat(e);
                double error = Math.Abs(a - numeric);
                double excess = error - (absoluteTolerance + relativeTolerance * Math.Abs(numeric));
                if (excess > worstExcess || double.IsNaN(error))
                {
                    worstExcess = double.IsNaN(error) ? double.PositiveInfinity : excess;
                    worst = new GradCheckResult(excess <= 0, Array.IndexOf(inputs, differentiable[i]), e, a, numeric, error);
                }
            }
        }
        return worst with { Passed = worstExcess <= 0 };
    }

    private static double Evaluate(Func<Tensor[], Tensor> function, Tensor[] inputs, Tensor weight)
    {
        using (TN.NoGrad()) return (function(inputs) * weight).Sum().Item();
    }
}
