namespace TensorNetworks;

public sealed partial class TensorNetwork
{
    /// <summary>
    /// Replaces several cores' tensors at once, keeping their legs. Unlike <see cref="SetTensor"/>, leg
    /// extents may change, as long as every core carrying a changed leg is replaced together (a bond grown
    /// by a sweep changes both of its cores).
    /// </summary>
    /// <exception cref="ArgumentException">When a core is missing, a tensor has the wrong number of axes, a
    /// leg would end up with two extents, or the cores with two dtypes; the network is unchanged then.</exception>
    /// <example><code>net.SetTensors(new Dictionary&lt;string, Tensor&gt; { ["A1"] = a1, ["A2"] = a2 }); // bond b1-2 grew</code></example>
    public void SetTensors(IReadOnlyDictionary<string, Tensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        foreach (var (name, tensor) in tensors)
        {
            ArgumentNullException.ThrowIfNull(tensor, name);
            Core core = this[name];
            if (tensor.Order != core.Legs.Count)
                throw new ArgumentException($"SetTensors {name}: the new tensor has shape {tensor.Shape} ({tensor.Order} axes) but the core has {core.Legs.Count} legs ({string.Join(", ", core.Legs)}).");
        }
        var sizes = new Dictionary<string, (int Size, string Core)>();
        (DType DType, string Core)? shared = null;
        foreach (Core core in _cores)
        {
            Tensor t = tensors.TryGetValue(core.Name, out var replaced) ? replaced : core.Tensor;
            shared ??= (t.DType, core.Name);
            if (t.DType != shared.Value.DType)
                throw new ArgumentException($"SetTensors: core {core.Name} would be {t.DType} but core {shared.Value.Core} {shared.Value.DType}; a network's cores share one dtype (replace them all together to change it).");
            for (int i = 0; i < core.Legs.Count; i++)
            {
                string leg = core.Legs[i];
                if (sizes.TryGetValue(leg, out var seen) && seen.Size != t.Size(i))
                    throw new ArgumentException($"SetTensors: leg \"{leg}\" would have size {seen.Size} on core {seen.Core} but {t.Size(i)} on core {core.Name}; replace every core that carries a resized leg together.");
                sizes[leg] = (t.Size(i), core.Name);
            }
        }
        foreach (var (name, tensor) in tensors) this[name].Tensor = tensor;
        foreach (var (leg, seen) in sizes) _sizes[leg] = seen.Size;
    }
}
