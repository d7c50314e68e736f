namespace TensorNetworks;

/// <summary>
/// Dispatch for elementwise functions: the dtype is switched once, the op struct runs through
/// <see cref="UnaryKernel"/>, and its backward is recorded only when something needs a gradient.
/// </summary>
public sealed partial class Tensor
{
    private Tensor Unary<TF, TD>(TF float32, TD float64, string name)
        where TF : struct, IUnaryOp<float>
        where TD : struct, IUnaryOp<double>
        => DType == DType.Float32 ? Unary<float, TF>(this, float32, name) : Unary<double, TD>(this, float64, name);

    private static Tensor Unary<T, TOp>(Tensor x, TOp op, string name)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
        where TOp : struct, IUnaryOp<T>
    {
        Tensor y = UnaryKernel.Forward<T, TOp>(x, op);
        if (Autograd.ShouldRecord(x)) RecordUnary<T, TOp>(y, x, op, name);
        return y;
    }

    private static void RecordUnary<T, TOp>(Tensor y, Tensor x, TOp op, string name)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
        where TOp : struct, IUnaryOp<T>
        => Autograd.Record(y, x, g => UnaryKernel.Backward<T, TOp>(x, y, g, op), name);
}
