namespace TensorNetworks.Training.Optimizers;

public sealed partial class Lbfgs
{
    /// <summary>
    /// The step count, iteration count, learning rate, each parameter's shape (<c>shape.{i}</c>) and the
    /// curvature history, oldest first, as Float64 vectors <c>s.{k}</c> and <c>y.{k}</c>, copied.
    /// </summary>
    /// <example><code>
    /// OptimizerState saved = lbfgs.GetState();
    /// var resumed = new Lbfgs(model.Parameters());
    /// resumed.SetState(saved);
    /// </code></example>
    public override OptimizerState GetState()
    {
        OptimizerState state = StateChecks.NewState(this);
        state.Scalars[IterationsKey] = Iterations;
        state.Scalars[HistoryCountKey] = _history.Count;
        for (int i = 0; i < _shapes.Length; i++) state.Tensors[$"shape.{i}"] = TN.Tensor([.. _shapes[i].Select(n => (double)n)], _shapes[i].Length);
        for (int k = 0; k < _history.Count; k++)
        {
            var (s, y) = _history.Pairs[k];
            state.Tensors[$"s.{k}"] = TN.Tensor(s, s.Length);
            state.Tensors[$"y.{k}"] = TN.Tensor(y, y.Length);
        }
        return state;
    }

    /// <summary>Restores a state taken by <see cref="GetState"/>, including the learning rate. Pairs beyond
    /// this optimizer's <see cref="HistorySize"/> are dropped, oldest first.</summary>
    /// <exception cref="ArgumentException">When the state is not an Lbfgs state, is for another number of
    /// parameters or other shapes, or its history vectors do not have the total parameter length.</exception>
    public override void SetState(OptimizerState state)
    {
        StateChecks.RequireCompatible(state, this);
        int[][] shapes = _flat.Shapes();
        for (int i = 0; i < shapes.Length; i++)
        {
            int[] saved = state.Tensors.TryGetValue($"shape.{i}", out Tensor? t)
                ? [.. t.ToArray<double>().Select(n => (int)n)]
                : throw new ArgumentException($"Lbfgs.SetState: the state has no \"shape.{i}\".", nameof(state));
            if (!saved.AsSpan().SequenceEqual(shapes[i]))
                throw new ArgumentException($"Lbfgs.SetState: parameter {i} ({Parameters[i].Name}) has shape {new Shape(shapes[i])} but the state was taken with {new Shape(saved)}.", nameof(state));
        }
        int count = (int)StateChecks.Scalar(state, HistoryCountKey, nameof(Lbfgs));
        long iterations = (long)StateChecks.Scalar(state, IterationsKey, nameof(Lbfgs));
        int length = _flat.Length;
        var pairs = new List<(double[] S, double[] Y)>();
        for (int k = 0; k < count; k++) pairs.Add((HistoryVector(state, $"s.{k}", length), HistoryVector(state, $"y.{k}", length)));

        LearningRate = state.Scalars[StateChecks.LearningRateKey];
        _history.Clear();
        foreach (var (s, y) in pairs) _history.Add(s, y);
        _shapes = shapes;
        Iterations = iterations;
        StepCount = (long)state.Scalars[StateChecks.StepCountKey];
    }

    private const string IterationsKey = "iterations";
    private const string HistoryCountKey = "historyCount";

    private static double[] HistoryVector(OptimizerState state, string key, int length)
    {
        if (!state.Tensors.TryGetValue(key, out Tensor? t))
            throw new ArgumentException($"Lbfgs.SetState: the state has no \"{key}\".", nameof(state));
        if (t.Order != 1 || t.ElementCount != length)
            throw new ArgumentException($"Lbfgs.SetState: \"{key}\" has shape {t.Shape} but the parameters hold {length} values in all.", nameof(state));
        return t.ToArray<double>();
    }
}
