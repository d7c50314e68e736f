namespace TensorNetworks;

/// <summary>Broadcasting arithmetic: +, -, *, / between tensors and with scalars, and negation.</summary>
public sealed partial class Tensor
{
    private static Tensor Binary<TF, TD>(Tensor a, Tensor b, string op)
        where TF : IBinaryOp<float>
        where TD : IBinaryOp<double>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        BroadcastShapes.RequireSameDType(a, b, op);
        int[] dims = BroadcastShapes.Of(a.Dims, b.Dims, op);
        return a.DType == DType.Float32
            ? BinaryKernel.Run<float, TF>(a, b, dims)
            : BinaryKernel.Run<double, TD>(a, b, dims);
    }

    private static Tensor BinaryScalar<TF, TD>(Tensor a, double scalar, bool scalarOnLeft)
        where TF : IBinaryOp<float>
        where TD : IBinaryOp<double>
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.DType == DType.Float32
            ? BinaryKernel.RunScalar<float, TF>(a, (float)scalar, scalarOnLeft)
            : BinaryKernel.RunScalar<double, TD>(a, scalar, scalarOnLeft);
    }

    /// <summary>Elementwise a + b with broadcasting. d/da = 1, d/db = 1 (summed over broadcast axes).</summary>
    /// <exception cref="ArgumentException">When the shapes do not broadcast or the dtypes differ.</exception>
    /// <example><code>Tensor c = TN.Ones(2, 3) + TN.Arange(3); // rows [1, 2, 3]</code></example>
    public static Tensor operator +(Tensor a, Tensor b)
    {
        var r = Binary<AddOp<float>, AddOp<double>>(a, b, "Add");
        if (Autograd.ShouldRecord(a, b)) RecordAdd(r, a, b);
        return r;
    }

    private static void RecordAdd(Tensor r, Tensor a, Tensor b) => Autograd.Record(r, a, static g => g, b, static g => g, "Add", savesValues: false);

    /// <summary>Elementwise a - b with broadcasting. d/da = 1, d/db = -1.</summary>
    /// <exception cref="ArgumentException">When the shapes do not broadcast or the dtypes differ.</exception>
    public static Tensor operator -(Tensor a, Tensor b)
    {
        var r = Binary<SubtractOp<float>, SubtractOp<double>>(a, b, "Subtract");
        if (Autograd.ShouldRecord(a, b)) RecordSubtract(r, a, b);
        return r;
    }

    private static void RecordSubtract(Tensor r, Tensor a, Tensor b) => Autograd.Record(r, a, static g => g, b, static g => -g, "Subtract", savesValues: false);

    /// <summary>Elementwise a · b with broadcasting. d/da = b, d/db = a.</summary>
    /// <exception cref="ArgumentException">When the shapes do not broadcast or the dtypes differ.</exception>
    public static Tensor operator *(Tensor a, Tensor b)
    {
        var r = Binary<MultiplyOp<float>, MultiplyOp<double>>(a, b, "Multiply");
        if (Autograd.ShouldRecord(a, b)) RecordMultiply(r, a, b);
        return r;
    }

    private static void RecordMultiply(Tensor r, Tensor a, Tensor b) => Autograd.Record(r, a, g => g * b, b, g => g * a, "Multiply");

    /// <summary>Elementwise a / b with broadcasting. d/da = 1/b, d/db = -a/b².</summary>
    /// <exception cref="ArgumentException">When the shapes do not broadcast or the dtypes differ.</exception>
    public static Tensor operator /(Tensor a, Tensor b)
    {
        var r = Binary<DivideOp<float>, DivideOp<double>>(a, b, "Divide");
        if (Autograd.ShouldRecord(a, b)) RecordDivide(r, a, b);
        return r;
    }

    private static void RecordDivide(Tensor r, Tensor a, Tensor b)
        => Autograd.Record(r, a, g => g / b, b, g => -(g * r) / b, "Divide");

    /// <summary>Adds a scalar to every element.</summary>
    public static Tensor operator +(Tensor a, double s)
    {
        var r = BinaryScalar<AddOp<float>, AddOp<double>>(a, s, false);
        if (Autograd.ShouldRecord(a)) Autograd.Record(r, a, static g => g, "AddScalar", savesValues: false);
        return r;
    }

    /// <summary>Adds a scalar to every element.</summary>
    public static Tensor operator +(double s, Tensor a) => a + s;

    /// <summary>Subtracts a scalar from every element.</summary>
    public static Tensor operator -(Tensor a, double s) => a + (-s);

    /// <summary>The scalar minus each element: s - a.</summary>
    public static Tensor operator -(double s, Tensor a)
    {
        var r = BinaryScalar<SubtractOp<float>, SubtractOp<double>>(a, s, true);
        if (Autograd.ShouldRecord(a)) Autograd.Record(r, a, static g => -g, "ScalarSubtract", savesValues: false);
        return r;
    }

    /// <summary>Multiplies every element by a scalar.</summary>
    public static Tensor operator *(Tensor a, double s)
    {
        var r = BinaryScalar<MultiplyOp<float>, MultiplyOp<double>>(a, s, false);
        if (Autograd.ShouldRecord(a)) RecordScale(r, a, s);
        return r;
    }

    private static void RecordScale(Tensor r, Tensor a, double s) => Autograd.Record(r, a, g => g * s, "MultiplyScalar", savesValues: false);

    /// <summary>Multiplies every element by a scalar.</summary>
    public static Tensor operator *(double s, Tensor a) => a * s;

    /// <summary>Divides every element by a scalar.</summary>
    public static Tensor operator /(Tensor a, double s)
    {
        var r = BinaryScalar<DivideOp<float>, DivideOp<double>>(a, s, false);
        if (Autograd.ShouldRecord(a)) RecordDivideByScalar(r, a, s);
        return r;
    }

    private static void RecordDivideByScalar(Tensor r, Tensor a, double s) => Autograd.Record(r, a, g => g / s, "DivideScalar", savesValues: false);

    /// <summary>The scalar divided by each element: s / a. d/da = -s/a².</summary>
    public static Tensor operator /(double s, Tensor a)
    {
        var r = BinaryScalar<DivideOp<float>, DivideOp<double>>(a, s, true);
        if (Autograd.ShouldRecord(a)) RecordScalarDivide(r, a);
        return r;
    }

    private static void RecordScalarDivide(Tensor r, Tensor a) => Autograd.Record(r, a, g => -(g * r) / a, "ScalarDivide");

    /// <summary>Elementwise negation.</summary>
    public static Tensor operator -(Tensor a)
    {
        var r = BinaryScalar<MultiplyOp<float>, MultiplyOp<double>>(a, -1.0, false);
        if (Autograd.ShouldRecord(a)) Autograd.Record(r, a, static g => -g, "Negate", savesValues: false);
        return r;
    }
}
