namespace TensorNetworks.IO;

/// <summary>What <see cref="SafeTensors.Load"/> read from a safetensors file: the tensors by name, in
/// the order of the file's header, and the string metadata of its <c>__metadata__</c> entry.</summary>
/// <example><code>
/// SafeTensorsContents file = SafeTensors.Load("model.safetensors");
/// Tensor w = file.Tensors["layer1.weight"];
/// string? format = file.Metadata.GetValueOrDefault("format");
/// </code></example>
public sealed class SafeTensorsContents
{
    internal SafeTensorsContents(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Tensors = tensors;
        Metadata = metadata;
    }

    /// <summary>The tensors by name; each is a new leaf that owns its storage.</summary>
    public IReadOnlyDictionary<string, Tensor> Tensors { get; }

    /// <summary>The <c>__metadata__</c> entries (empty when the file has none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>One line per tensor (name, dtype, shape) in the file's order, then the metadata entries.</summary>
    /// <example><code>
    /// Console.WriteLine(SafeTensors.Load("model.safetensors"));
    /// // SafeTensorsContents: 2 tensors, 1 metadata entry
    /// //   layer1.weight  Float32 [128, 196]
    /// //   layer1.bias    Float32 [128]
    /// //   metadata format = pt
    /// </code></example>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("SafeTensorsContents: ").Append(Count(Tensors.Count, "tensor")).Append(", ").Append(Count(Metadata.Count, "metadata entry", "metadata entries"));
        int width = Tensors.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
        foreach (var (name, tensor) in Tensors)
            sb.Append("\n  ").Append(name.PadRight(width)).Append("  ").Append(tensor.DType).Append(' ').Append(tensor.Shape);
        foreach (var (key, value) in Metadata)
            sb.Append("\n  metadata ").Append(key).Append(" = ").Append(value);
        return sb.ToString();
    }

    private static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";
}
