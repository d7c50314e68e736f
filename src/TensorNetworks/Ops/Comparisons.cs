namespace TensorNetworks;

/// <summary>
/// Elementwise comparisons, tensor with tensor (NumPy broadcasting) and tensor with scalar. There is no bool dtype:
/// the result has the operands' dtype and holds 1 where the relation holds and 0 elsewhere, which is the mask
/// convention of <see cref="TN.Where(Tensor, Tensor, Tensor)"/>. A comparison is not differentiable: its result never
/// requires a gradient and records nothing, as PyTorch's bool results. NaN compares unequal to everything, itself
/// included (IEEE 754): every relation is 0 where an operand is NaN, except <see cref="Ne(Tensor)"/>, which is 1.
/// Unlike PyTorch, two tensors of different dtypes are refused rather than promoted; a scalar is rounded to the
/// tensor's dtype first (as PyTorch does with a Python number).
/// </summary>
public sealed partial class Tensor
{
    /// <summary>Elementwise r = (this = other) ? 1 : 0, with broadcasting. PyTorch's <c>eq</c>.</summary>
    /// <exception cref="ArgumentException">When the shapes do not broadcast or the dtypes differ.</exception>
    /// <example><code>Tensor m = TN.Tensor(new[] { 1.0, 2.0 }).Eq(TN.Tensor(new[] { 1.0, 3.0 })); // [1, 0]</code></example>
    public Tensor Eq(Tensor other) => Binary<CompareOp<float, EqualTo<float>>, CompareOp<double, EqualTo<double>>>(this, other, "Eq");

    /// <summary>Elementwise r = (this = <paramref name="scalar"/>) ? 1 : 0.</summary>
    /// <example><code>Tensor m = TN.Tensor(new[] { 1.0, 2.0 }).Eq(2); // [0, 1]</code></example>
    public Tensor Eq(double scalar) => BinaryScalar<CompareOp<float, EqualTo<float>>, CompareOp<double, EqualTo<double>>>(this, scalar, false);

    /// <summary>Elementwise r = (this ≠ other) ? 1 : 0, with broadcasting; 1 where either is NaN. PyTorch's <c>ne</c>.</summary>
    /// <exception cref="ArgumentException">When the shapes do not broadcast or the dtypes differ.</exception>
    /// <example><code>Tensor m = TN.Tensor(new[] { 1.0, 2.0 }).Ne(TN.Tensor(new[] { 1.0, 3.0 })); // [0, 1]</code></example>
    public Tensor Ne(Tensor other) => Binary<CompareOp<float, NotEqualTo<float>>, CompareOp<double, NotEqualTo<double>>>(this, other, "Ne");

    /// <summary>Elementwise r = (this ≠ <paramref name="scalar"/>) ? 1 : 0; 1 where either is NaN.</summary>
    /// <example><code>Tensor nonzero = TN.Tensor(new[] { 0.0, 2.0 }).Ne(0); // [0, 1]</code></example>
    public Tensor Ne(double scalar) => BinaryScalar<CompareOp<float, NotEqualTo<float>>, CompareOp<double, NotEqualTo<double>>>(this, scalar, false);

    /// <summary>Elementwise r = (this &lt; other) ? 1 : 0, with broadcasting. PyTorch's <c>lt</c>.</summary>
    /// <exception cref="ArgumentException">When the shapes do not broadcast or the dtypes differ.</exception>
    /// <example><code>Tensor m = TN.Tensor(new[] { 1.0, 3.0 }).Lt(TN.Tensor(new[] { 2.0, 2.0 })); // [1, 0]</code></example>
    public Tensor Lt(Tensor other) => Binary<CompareOp<float, LessThan<float>>, CompareOp<double, LessThan<double>>>(this, other, "Lt");

    /// <summary>Elementwise r = (this &lt; <paramref name="scalar"/>) ? 1 : 0.</summary>
    /// <example><code>Tensor negative = TN.Tensor(new[] { -1.0, 2.0 }).Lt(0); // [1, 0]</code></example>
    public Tensor Lt(double scalar) => BinaryScalar<CompareOp<float, LessThan<float>>, CompareOp<double, LessThan<double>>>(this, scalar, false);

    /// <summary>Elementwise r = (this ≤ other) ? 1 : 0, with broadcasting. PyTorch's <c>le</c>.</summary>
    /// <exception cref="ArgumentException">When the shapes do not broadcast or the dtypes differ.</exception>
    /// <example><code>Tensor m = TN.Tensor(new[] { 2.0, 3.0 }).Le(TN.Tensor(new[] { 2.0, 2.0 })); // [1, 0]</code></example>
    public Tensor Le(Tensor other) => Binary<CompareOp<float, LessThanOrEqualTo<float>>, CompareOp<double, LessThanOrEqualTo<double>>>(this, other, "Le");

    /// <summary>Elementwise r = (this ≤ <paramref name="scalar"/>) ? 1 : 0.</summary>
    /// <example><code>Tensor m = TN.Tensor(new[] { 0.0, 2.0 }).Le(0); // [1, 0]</code></example>
    public Tensor Le(double scalar) => BinaryScalar<CompareOp<float, LessThanOrEqualTo<float>>, CompareOp<double, LessThanOrEqualTo<double>>>(this, scalar, false);

    /// <summary>Elementwise r = (this &gt; other) ? 1 : 0, with broadcasting. PyTorch's <c>gt</c>.</summary>
    /// <exception cref="ArgumentException">When the shapes do not broadcast or the dtypes differ.</exception>
    /// <example><code>Tensor m = TN.Tensor(new[] { 1.0, 3.0 }).Gt(TN.Tensor(new[] { 2.0, 2.0 })); // [0, 1]</code></example>
    public Tensor Gt(Tensor other) => Binary<CompareOp<float, GreaterThan<float>>, CompareOp<double, GreaterThan<double>>>(this, other, "Gt");

    /// <summary>Elementwise r = (this &gt; <paramref name="scalar"/>) ? 1 : 0.</summary>
    /// <example><code>Tensor positive = TN.Tensor(new[] { -1.0, 2.0 }).Gt(0); // [0, 1]</code></example>
    public Tensor Gt(double scalar) => BinaryScalar<CompareOp<float, GreaterThan<float>>, CompareOp<double, GreaterThan<double>>>(this, scalar, false);

    /// <summary>Elementwise r = (this ≥ other) ? 1 : 0, with broadcasting. PyTorch's <c>ge</c>.</summary>
    /// <exception cref="ArgumentException">When the shapes do not broadcast or the dtypes differ.</exception>
    /// <example><code>Tensor m = TN.Tensor(new[] { 2.0, 1.0 }).Ge(TN.Tensor(new[] { 2.0, 2.0 })); // [1, 0]</code></example>
    public Tensor Ge(Tensor other) => Binary<CompareOp<float, GreaterThanOrEqualTo<float>>, CompareOp<double, GreaterThanOrEqualTo<double>>>(this, other, "Ge");

    /// <summary>Elementwise r = (this ≥ <paramref name="scalar"/>) ? 1 : 0.</summary>
    /// <example><code>Tensor m = TN.Tensor(new[] { 0.0, -2.0 }).Ge(0); // [1, 0]</code></example>
    public Tensor Ge(double scalar) => BinaryScalar<CompareOp<float, GreaterThanOrEqualTo<float>>, CompareOp<double, GreaterThanOrEqualTo<double>>>(this, scalar, false);
}
