using TensorNetworks.Nn;
using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Tests.Optimizers;

/// <summary>A one-parameter objective the optimizer tests step on, with the checks they share.</summary>
internal abstract class TestProblem : Module
{
    protected TestProblem(Tensor start) => P = RegisterParameter("p", start);

    public Parameter P { get; }

    public double[] Values => P.Value.ToArray<double>();

    /// <summary>The recorded loss at the current parameter.</summary>
    protected abstract Tensor Loss();

    /// <summary>The recorded loss, for an objective the trainer calls.</summary>
    public Tensor RecordedLoss() => Loss();

    /// <summary>The closure an optimizer steps with: clear, loss, backward, value.</summary>
    public double Evaluate()
    {
        ZeroGrad();
        Tensor loss = Loss();
        loss.Backward();
        return loss.Item();
    }

    /// <summary>Runs <paramref name="steps"/> steps and returns the values after each.</summary>
    public List<double[]> Run(Optimizer optimizer, int steps)
    {
        var trajectory = new List<double[]>();
        for (int k = 0; k < steps; k++)
        {
            optimizer.Step(Evaluate);
            trajectory.Add(Values);
        }
        return trajectory;
    }

    /// <summary>Agreement to rounding: 1e-13 in Float64, 2e-5 in Float32 (relative to max(1, |expected|)).</summary>
    public static void AssertClose(double[] expected, double[] actual, DType dtype)
    {
        double tolerance = dtype == DType.Float64 ? 1e-13 : 2e-5;
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])),
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R} ({dtype})");
    }

    /// <summary>
    /// k steps, GetState, a fresh optimizer restored with SetState, k more steps: the parameters and the
    /// final state must equal those of 2k uninterrupted steps bit for bit.
    /// </summary>
    public static void AssertResumesExactly(Func<TestProblem> problem, Func<IReadOnlyList<Parameter>, Optimizer> create, int k)
    {
        TestProblem straight = problem();
        Optimizer uninterrupted = create(straight.Parameters());
        straight.Run(uninterrupted, 2 * k);

        TestProblem split = problem();
        Optimizer before = create(split.Parameters());
        split.Run(before, k);
        OptimizerState saved = before.GetState();
        Optimizer after = create(split.Parameters());
        after.SetState(saved);
        split.Run(after, k);

        Assert.Equal(straight.Values, split.Values);
        Assert.Equal(2 * k, after.StepCount);
        AssertSameState(uninterrupted.GetState(), after.GetState());
    }

    /// <summary>A state taken before further steps does not change with them.</summary>
    public static void AssertStateIsACopy(TestProblem problem, Optimizer optimizer)
    {
        problem.Run(optimizer, 2);
        OptimizerState state = optimizer.GetState();
        var tensors = state.Tensors.ToDictionary(p => p.Key, p => p.Value.ToArray<double>());
        problem.Run(optimizer, 2);
        Assert.NotEmpty(tensors);
        foreach (var (key, values) in tensors) Assert.Equal(values, state.Tensors[key].ToArray<double>());
    }

    /// <summary>Asserts two states hold the same keys and bit-identical values.</summary>
    public static void AssertSameState(OptimizerState expected, OptimizerState actual)
    {
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Scalars.OrderBy(p => p.Key), actual.Scalars.OrderBy(p => p.Key));
        Assert.Equal(expected.Tensors.Keys.Order(), actual.Tensors.Keys.Order());
        foreach (var (key, t) in expected.Tensors) Assert.Equal(t.ToArray<double>(), actual.Tensors[key].ToArray<double>());
    }
}
