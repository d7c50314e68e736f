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
}
