namespace TensorNetworks.Nn;

/// <summary>
/// A model or layer: a set of explicitly registered <see cref="Parameter"/>s and sub-modules, a
/// training/evaluation mode, and (for layers) <see cref="Forward"/>. Registration happens in the
/// constructor and nothing is discovered by reflection, so what is registered is exactly what is trained,
/// saved and restored.
/// </summary>
/// <example><code>
/// sealed class Affine : Module
/// {
///     private readonly Parameter _w, _b;
///     public Affine(Generator gen) { _w = RegisterParameter("weight", TN.Randn(gen, 4, 3)); _b = RegisterParameter("bias", TN.Zeros(4)); }
///     public override Tensor Forward(Tensor x) => TN.MatMul(x, _w.Value.Transpose(0, 1)) + _b.Value;
/// }
/// </code></example>
public abstract class Module
{
    private readonly List<Parameter> _parameters = [];
    private readonly List<KeyValuePair<string, Module>> _children = [];

    /// <summary>True in training mode (the default), false after <see cref="Eval"/>. Dropout reads it.</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>Registers a trainable tensor under <paramref name="name"/> (unique within this module).</summary>
    /// <exception cref="ArgumentException">When the name is empty, contains '.', or is already taken.</exception>
    protected Parameter RegisterParameter(string name, Tensor value)
    {
        CheckNewName(name);
        var parameter = new Parameter(name, value);
        _parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Registers a sub-module under <paramref name="name"/>; its parameters appear as <c>name.param</c>.</summary>
    /// <exception cref="ArgumentException">When the name is empty, contains '.', or is already taken.</exception>
    protected TModule RegisterModule<TModule>(string name, TModule module) where TModule : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckNewName(name);
        _children.Add(new(name, module));
        return module;
    }

    private void CheckNewName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException($"{GetType().Name}: a parameter or module name must be non-empty and contain no '.', got \"{name}\".", nameof(name));
        if (_parameters.Exists(p => p.Name == name) || _children.Exists(c => c.Key == name))
            throw new ArgumentException($"{GetType().Name}: the name \"{name}\" is already registered.", nameof(name));
    }

    /// <summary>The registered sub-modules with their names, in registration order.</summary>
    public IReadOnlyList<KeyValuePair<string, Module>> Children => _children;

    /// <summary>Every parameter of this module and its sub-modules, depth first in registration order.</summary>
    public IReadOnlyList<Parameter> Parameters() => NamedParameters().Select(p => p.Value).ToArray();

    /// <summary>Every parameter with its dotted path (<c>layer1.weight</c>), depth first in registration order.</summary>
    public IReadOnlyList<KeyValuePair<string, Parameter>> NamedParameters()
    {
        var result = new List<KeyValuePair<string, Parameter>>();
        Collect("", result);
        return result;
    }

    private void Collect(string prefix, List<KeyValuePair<string, Parameter>> into)
    {
        foreach (Parameter p in _parameters) into.Add(new(prefix + p.Name, p));
        foreach (var (name, child) in _children) child.Collect(prefix + name + ".", into);
    }

    /// <summary>The parameter at a dotted path.</summary>
    /// <exception cref="KeyNotFoundException">When no parameter has that path; the message lists the paths.</exception>
    public Parameter Parameter(string path)
    {
        var all = NamedParameters();
        foreach (var (name, p) in all)
            if (name == path) return p;
        throw new KeyNotFoundException($"{GetType().Name} has no parameter \"{path}\"; it has: {string.Join(", ", all.Select(p => p.Key))}.");
    }

    /// <summary>Total number of trainable scalars: Σ_p |p|.</summary>
    public long ParameterCount => Parameters().Sum(p => (long)p.ElementCount);

    /// <summary>Sets training mode on this module and every sub-module; returns this module.</summary>
    public Module Train(bool training = true)
    {
        IsTraining = training;
        foreach (var (_, child) in _children) child.Train(training);
        return this;
    }

    /// <summary>Sets evaluation mode (<c>Train(false)</c>); returns this module.</summary>
    public Module Eval() => Train(false);

    /// <summary>Clears the gradient of every parameter.</summary>
    public void ZeroGrad()
    {
        foreach (Parameter p in Parameters()) p.ZeroGrad();
    }

    /// <summary>Maps an input batch to an output. Layers override it; models without an input (a
    /// decomposition reconstructing its tensor) do not.</summary>
    /// <exception cref="NotSupportedException">When the module does not map an input.</exception>
    public virtual Tensor Forward(Tensor input) =>
        throw new NotSupportedException($"{GetType().Name} does not map an input tensor; call its own methods instead of Forward.");
}
