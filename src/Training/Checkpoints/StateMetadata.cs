using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Checkpoints;

/// <summary>
/// The scalar part of an <see cref="OptimizerState"/> (the scheme's, or a callback's) as <c>__metadata__</c>
/// strings under a prefix: <c>&lt;prefix&gt;kind</c> and <c>&lt;prefix&gt;scalar.&lt;name&gt;</c> in round-trip
/// decimal. The state's tensors are stored as tensors by <see cref="Checkpoint"/>.
/// </summary>
internal static class StateMetadata
{
    public const string KindKey = "kind";
    public const string ScalarPrefix = "scalar.";

    /// <summary>Adds the kind and scalars of <paramref name="state"/> under <paramref name="prefix"/>.</summary>
    public static void Write(Dictionary<string, string> metadata, string prefix, OptimizerState state)
    {
        metadata[prefix + KindKey] = state.Kind;
        foreach (var (name, value) in state.Scalars)
            metadata[prefix + ScalarPrefix + name] = CheckpointMetadata.Text(value);
    }

    /// <summary>The state stored under <paramref name="prefix"/>, without its tensors, or null when there is none.</summary>
    /// <exception cref="InvalidDataException">When a scalar does not parse.</exception>
    public static OptimizerState? Read(IReadOnlyDictionary<string, string> metadata, string prefix, string path)
    {
        if (!metadata.TryGetValue(prefix + KindKey, out string? kind)) return null;
        var state = new OptimizerState(kind);
        string scalars = prefix + ScalarPrefix;
        foreach (var (key, text) in metadata)
            if (key.StartsWith(scalars, StringComparison.Ordinal))
                state.Scalars[key[scalars.Length..]] = CheckpointMetadata.Double(key, text, path);
        return state;
    }
}
