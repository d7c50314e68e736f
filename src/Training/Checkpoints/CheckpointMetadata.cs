using System.Globalization;
using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Checkpoints;

/// <summary>
/// The scalar part of a checkpoint as safetensors <c>__metadata__</c> strings. Numbers are written so they
/// read back exactly: integers in decimal, doubles in the shortest round-trip form ("R": every finite value,
/// −0 and ±Infinity come back bit for bit; a NaN comes back as the default NaN).
/// </summary>
internal static class CheckpointMetadata
{
    public const string FormatKey = "tn.format";
    public const string FormatName = "tn-checkpoint";
    public const string VersionKey = "tn.version";
    public const string StepKey = "tn.step";
    public const string EpochKey = "tn.epoch";
    public const string BatchKey = "tn.batch_in_epoch";
    public const string GeneratorKey = "tn.generator";
    public const string SchemeKindKey = "tn.scheme.kind";
    public const string SchemeScalarPrefix = "tn.scheme.scalar.";
    public const string UserPrefix = "user.";

    /// <summary>The metadata strings of <paramref name="state"/>.</summary>
    public static Dictionary<string, string> Write(TrainingState state, int version)
    {
        var metadata = new Dictionary<string, string>
        {
            [FormatKey] = FormatName,
            [VersionKey] = version.ToString(CultureInfo.InvariantCulture),
            [StepKey] = state.Step.ToString(CultureInfo.InvariantCulture),
            [EpochKey] = state.Epoch.ToString(CultureInfo.InvariantCulture),
            [BatchKey] = state.BatchInEpoch.ToString(CultureInfo.InvariantCulture),
        };
        if (state.GeneratorState is { } words)
            metadata[GeneratorKey] = string.Join(",", words.Select(w => w.ToString(CultureInfo.InvariantCulture)));
        if (state.SchemeState is { } scheme)
        {
            metadata[SchemeKindKey] = scheme.Kind;
            foreach (var (name, value) in scheme.Scalars)
                metadata[SchemeScalarPrefix + name] = value.ToString("R", CultureInfo.InvariantCulture);
        }
        foreach (var (key, value) in state.Metadata) metadata[UserPrefix + key] = value;
        return metadata;
    }

    /// <summary>Reads what <see cref="Write"/> wrote. The scheme state comes back without its tensors.</summary>
    /// <exception cref="InvalidDataException">When the metadata is not a tn checkpoint's, or a value does not parse.</exception>
    public static TrainingState Read(IReadOnlyDictionary<string, string> metadata, string path, int supportedVersion)
    {
        if (metadata.GetValueOrDefault(FormatKey) != FormatName)
            throw new InvalidDataException($"Checkpoint: \"{path}\" is a safetensors file but not a tn checkpoint: its __metadata__ has no \"{FormatKey}\": \"{FormatName}\" entry. Read it with SafeTensors.Load instead.");
        long version = Integer(metadata, VersionKey, path, int.MaxValue);
        if (version < 1 || version > supportedVersion)
            throw new InvalidDataException($"Checkpoint: \"{path}\" has format version {version}; this tn reads versions 1 to {supportedVersion}. Load it with a newer tn.");

        OptimizerState? scheme = null;
        if (metadata.TryGetValue(SchemeKindKey, out string? kind))
        {
            scheme = new OptimizerState(kind);
            foreach (var (key, value) in metadata)
                if (key.StartsWith(SchemeScalarPrefix, StringComparison.Ordinal))
                    scheme.Scalars[key[SchemeScalarPrefix.Length..]] = Double(key, value, path);
        }
        return new TrainingState
        {
            Step = Integer(metadata, StepKey, path, long.MaxValue),
            Epoch = (int)Integer(metadata, EpochKey, path, int.MaxValue),
            BatchInEpoch = (int)Integer(metadata, BatchKey, path, int.MaxValue),
            GeneratorState = metadata.TryGetValue(GeneratorKey, out string? words) ? Words(words, path) : null,
            SchemeState = scheme,
            Metadata = metadata
                .Where(m => m.Key.StartsWith(UserPrefix, StringComparison.Ordinal))
                .ToDictionary(m => m.Key[UserPrefix.Length..], m => m.Value),
        };
    }

    private static long Integer(IReadOnlyDictionary<string, string> metadata, string key, string path, long max)
    {
        if (!metadata.TryGetValue(key, out string? text))
            throw new InvalidDataException($"Checkpoint: \"{path}\" has no \"{key}\" in its __metadata__; the file is damaged or was not written by Checkpoint.Save.");
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value > max)
            throw new InvalidDataException($"Checkpoint: \"{path}\" has \"{key}\": \"{text}\" in its __metadata__; it must be a whole number from 0 to {max}.");
        return value;
    }

    private static double Double(string key, string text, string path)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new InvalidDataException($"Checkpoint: \"{path}\" has \"{key}\": \"{text}\" in its __metadata__, which is not a number.");
        return value;
    }

    private static ulong[] Words(string text, string path)
    {
        string[] parts = text.Split(',');
        var words = new ulong[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!ulong.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out words[i]))
                throw new InvalidDataException($"Checkpoint: \"{path}\" has \"{GeneratorKey}\": \"{text}\" in its __metadata__; word {i} (\"{parts[i]}\") is not an unsigned 64-bit decimal.");
        return words;
    }
}
