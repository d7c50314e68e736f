using System.Numerics;

namespace TensorNetworks;

public static partial class TN
{
    /// <summary>
    /// Softmax cross-entropy of logits [N, C] against one class label per row, averaged over the rows:
    /// L = −(1/N) Σₙ log softmax(x)[n, yₙ], with log softmax(x)[n, c] = (x[n, c] − mₙ) − ln Σ_c' exp(x[n, c'] − mₙ)
    /// and mₙ the row's maximum, so float32 logits far from 0 keep float32 precision (lseₙ − x[n, yₙ] would
    /// lose the digits that lseₙ, rounded to the precision of mₙ, cannot hold). The logits' gradient is
    /// (softmax(x) − onehot(y)) / N, from the exps the forward keeps (no exp, no one-hot); see <see cref="CrossEntropyKernel{T}"/>.
    /// </summary>
    /// <param name="logits">Unnormalized scores, shape [N, C].</param>
    /// <param name="labels">N class indices, each in 0..C−1.</param>
    /// <exception cref="ArgumentException">When the logits are not 2-D, N is 0, the label count is not N,
    /// or a label is outside 0..C−1 (the message names the row, the label and C).</exception>
    /// <example><code>
    /// Tensor logits = model.Forward(images);           // [N, 10]
    /// Tensor loss = TN.CrossEntropy(logits, labels);   // labels: int[N]
    /// loss.Backward();
    /// </code></example>
    public static Tensor CrossEntropy(Tensor logits, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        var (rows, classes) = CrossEntropyShape(logits, labels.Length);
        for (int n = 0; n < rows; n++)
        {
            if ((uint)labels[n] >= (uint)classes)
                throw new ArgumentException($"CrossEntropy: label {labels[n]} at row {n} is out of range for {classes} classes; labels must be in 0..{classes - 1}.", nameof(labels));
        }

        return logits.DType == DType.Float32 ? CrossEntropyOf<float>(logits, labels) : CrossEntropyOf<double>(logits, labels);
    }

    /// <summary>
    /// <see cref="CrossEntropy(Tensor, int[])"/> with the labels given as a tensor of N whole numbers (either
    /// dtype), such as <see cref="TN.RandInt"/> or <see cref="Tensor.ArgMax(int, bool)"/> produce.
    /// </summary>
    /// <exception cref="ArgumentException">As for the int[] form, and when <paramref name="labels"/> is not
    /// 1-D or holds a value that is not a whole number.</exception>
    /// <example><code>Tensor loss = TN.CrossEntropy(logits, TN.Tensor(new float[] { 3, 0, 7 }));</code></example>
    public static Tensor CrossEntropy(Tensor logits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Order != 1)
            throw new ArgumentException($"CrossEntropy: labels must be 1-D [N], got shape {labels.Shape}; flatten them with Reshape(-1).", nameof(labels));
        var indices = new int[labels.ElementCount];
        for (int n = 0; n < indices.Length; n++)
        {
            double v = labels.GetFlat(n);
            if (v != Math.Floor(v))
                throw new ArgumentException($"CrossEntropy: label {v} at row {n} is not a whole number; labels are class indices.", nameof(labels));
            if (Math.Abs(v) > int.MaxValue)
                throw new ArgumentException($"CrossEntropy: label {v} at row {n} is out of range for {logits.Dims[^1]} classes; labels must be in 0..{logits.Dims[^1] - 1}.", nameof(labels));
            indices[n] = (int)v;
        }
        return CrossEntropy(logits, indices);
    }

    private static (int Rows, int Classes) CrossEntropyShape(Tensor logits, int labelCount)
    {
        if (logits.Order != 2)
            throw new ArgumentException($"CrossEntropy: logits must be 2-D [N, C], got shape {logits.Shape}; reshape a single sample with Reshape(1, -1).", nameof(logits));
        int rows = logits.Dims[0], classes = logits.Dims[1];
        if (rows == 0 || classes == 0)
            throw new ArgumentException($"CrossEntropy: logits of shape {logits.Shape} are empty; need at least one row and one class.", nameof(logits));
        if (labelCount != rows)
            throw new ArgumentException($"CrossEntropy: {labelCount} labels for {rows} rows of logits {logits.Shape}; give one label per row.");
        return (rows, classes);
    }

    /// <summary>The loss of <see cref="CrossEntropyKernel{T}"/> as a 0-d tensor, with its backward recorded when the
    /// logits need it (the kernel then keeps the exps, and a copy of the labels).</summary>
    private static Tensor CrossEntropyOf<T>(Tensor logits, int[] labels) where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool record = Autograd.ShouldRecord(logits);
        Tensor? exps = record ? TensorNetworks.Tensor.Uninitialized(logits.DType, logits.Dims) : null;
        var kernel = new CrossEntropyKernel<T>(logits.Array<T>(), record ? (int[])labels.Clone() : labels, logits.Dims[0], logits.Dims[1], exps?.Array<T>());
        Tensor result = TensorNetworks.Tensor.Full(logits.DType, [], kernel.Forward());
        GC.KeepAlive(logits);
        if (record) RecordCrossEntropy(result, logits, kernel, exps!);
        return result;
    }

    private static void RecordCrossEntropy<T>(Tensor result, Tensor logits, CrossEntropyKernel<T> kernel, Tensor exps)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Autograd.Record(result, logits, g =>
        {
            Tensor dx = TensorNetworks.Tensor.Uninitialized(logits.DType, logits.Dims);
            kernel.Backward(g.Item() / logits.Dims[0], dx.Array<T>());
            GC.KeepAlive(exps);
            return dx;
        }, "CrossEntropy");
}
