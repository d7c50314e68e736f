namespace TensorNetworks.Nn;

/// <summary>
/// A trainable tensor registered by a <see cref="Module"/>. The parameter is a stable handle: update
/// schemes may replace its <see cref="Value"/> (a two-site sweep changes a core's bond dimensions), and
/// optimizers key their state by the handle and reset it when the shape changes.
/// </summary>
/// <example><code>
/// Parameter w = module.Parameter("weight");
/// w.Value = TN.Zeros(3, 4);   // a new leaf that requires a gradient
/// Tensor? g = w.Grad;         // dL/dw after loss.Backward()
/// </code></example>
public sealed class Parameter
{
    private Tensor _value;

    /// <summary>Creates a parameter holding <paramref name="value"/> (detached and marked as requiring a
    /// gradient). Modules create theirs with <c>RegisterParameter</c>; a standalone one serves update schemes
    /// that optimize a temporary tensor, such as the merged core of a two-site sweep.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="value"/> is null.</exception>
    public Parameter(string name, Tensor value)
    {
        Name = name;
        _value = AsTrainableLeaf(value, name);
    }

    /// <summary>The name it was registered under in its module (not the dotted path; see
    /// <see cref="Module.NamedParameters"/>).</summary>
    public string Name { get; }

    /// <summary>
    /// The current value, a leaf tensor that requires a gradient. Setting it detaches the given tensor
    /// (if it was computed) and marks it as requiring a gradient; shape and dtype may change.
    /// </summary>
    /// <exception cref="ArgumentNullException">When set to null.</exception>
    public Tensor Value
    {
        get => _value;
        set => _value = AsTrainableLeaf(value, Name);
    }

    /// <summary>The gradient accumulated into <see cref="Value"/> by the last backward pass, or null.</summary>
    public Tensor? Grad => _value.Grad;

    /// <summary>The extents of <see cref="Value"/>.</summary>
    public Shape Shape => _value.Shape;

    /// <summary>Number of scalars in the parameter.</summary>
    public int ElementCount => _value.ElementCount;

    /// <summary>Clears the accumulated gradient.</summary>
    public void ZeroGrad() => _value.Grad = null;

    private static Tensor AsTrainableLeaf(Tensor value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        Tensor leaf = value.IsLeaf ? value : value.Detach();
        leaf.RequiresGrad = true;
        return leaf;
    }

    /// <inheritdoc/>
    public override string ToString() => $"Parameter {Name} {Shape} {_value.DType}";
}
