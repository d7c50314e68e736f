using System.Globalization;
using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Checkpoints;

/// <summary>
/// The scalar part of a checkpoint as safetensors <c>__metadata__</c> strings. Numbers are written so they
/// read back exactly: integers in decimal, doubles in the shortest round-trip form ("R": every finite value,
/// −0 and ±Infinity come back bit for bit; a NaN comes back as the default NaN). Version 2 added the running
/// epoch sums, the previous epoch's loss, the last step's metrics and the callbacks' states; a version-1
/// file reads with the sums at 0, no previous loss, no metrics and no callback state.
/// </summary>
internal static class CheckpointMetadata
{
    public const string FormatKey = "tn.format";
    public const string FormatName = "tn-checkpoint";
    public const string VersionKey = "tn.version";
    public const string StepKey = "tn.step";
    public const string EpochKey = "tn.epoch";
    public const string BatchKey = "tn.batch_in_epoch";
    public const string EpochLossSumKey = "tn.epoch_loss_sum";
    public const string EpochSamplesKey = "tn.epoch_samples";
    public const string PreviousEpochLossKey = "tn.previous_epoch_loss";
    public const string StepMetricPrefix = "tn.step_metric.";
    public const string GeneratorKey = "tn.generator";
    public const string SchemePrefix = "tn.scheme.";
    public const string SchemeKindKey = SchemePrefix + StateMetadata.KindKey;
    public const string CallbackPrefix = "tn.callback.";
    public const string UserPrefix = "user.";

    /// <summary>The metadata prefix of the callback state stored under <paramref name="key"/>.</summary>
    public static string CallbackStatePrefix(string key) => CallbackPrefix + key + ".";

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
            [EpochLossSumKey] = Text(state.EpochLossSum),
            [EpochSamplesKey] = state.EpochSamples.ToString(CultureInfo.InvariantCulture),
        };
        if (state.PreviousEpochLoss is { } previous) metadata[PreviousEpochLossKey] = Text(previous);
        foreach (var (name, value) in state.StepMetrics) metadata[StepMetricPrefix + name] = Text(value);
        if (state.GeneratorState is { } words)
            metadata[GeneratorKey] = string.Join(",", words.Select(w => w.ToString(CultureInfo.InvariantCulture)));
        if (state.SchemeState is { } scheme) StateMetadata.Write(metadata, SchemePrefix, scheme);
        foreach (var (key, callback) in state.CallbackStates) StateMetadata.Write(metadata, CallbackStatePrefix(key), callback);
        foreach (var (key, value) in state.Metadata) metadata[UserPrefix + key] = value;
        return metadata;
    }

    /// <summary>Reads what <see cref="Write"/> wrote. The scheme's and callbacks' states come back without their tensors.</summary>
    /// <exception cref="InvalidDataException">When the metadata is not a tn checkpoint's, or a value does not parse.</exception>
    public static TrainingState Read(IReadOnlyDictionary<string, string> metadata, string path, int supportedVersion)
    {
        if (metadata.GetValueOrDefault(FormatKey) != FormatName)
            throw new InvalidDataException($"Checkpoint: \"{path}\" is a safetensors file but not a tn checkpoint: its __metadata__ has no \"{FormatKey}\": \"{FormatName}\" entry. Read it with SafeTensors.Load instead.");
        long version = Integer(metadata, VersionKey, path, int.MaxValue);
        if (version < 1 || version > supportedVersion)
            throw new InvalidDataException($"Checkpoint: \"{path}\" has format version {version}; this tn reads versions 1 to {supportedVersion}. Load it with a newer tn.");
        bool hasLoopState = version >= 2;
        return new TrainingState
        {
            Step = Integer(metadata, StepKey, path, long.MaxValue),
            Epoch = (int)Integer(metadata, EpochKey, path, int.MaxValue),
            BatchInEpoch = (int)Integer(metadata, BatchKey, path, int.MaxValue),
            EpochLossSum = hasLoopState ? Double(EpochLossSumKey, Required(metadata, EpochLossSumKey, path), path) : 0,
            EpochSamples = hasLoopState ? Integer(metadata, EpochSamplesKey, path, long.MaxValue) : 0,
            PreviousEpochLoss = metadata.TryGetValue(PreviousEpochLossKey, out string? previous) ? Double(PreviousEpochLossKey, previous, path) : null,
            StepMetrics = metadata
                .Where(m => m.Key.StartsWith(StepMetricPrefix, StringComparison.Ordinal))
                .ToDictionary(m => m.Key[StepMetricPrefix.Length..], m => Double(m.Key, m.Value, path)),
            GeneratorState = metadata.TryGetValue(GeneratorKey, out string? words) ? Words(words, path) : null,
            SchemeState = StateMetadata.Read(metadata, SchemePrefix, path),
            CallbackStates = CallbackKeys(metadata).ToDictionary(key => key, key => StateMetadata.Read(metadata, CallbackStatePrefix(key), path)!),
            Metadata = metadata
                .Where(m => m.Key.StartsWith(UserPrefix, StringComparison.Ordinal))
                .ToDictionary(m => m.Key[UserPrefix.Length..], m => m.Value),
        };
    }

    /// <summary>The keys of the callback states: <c>k</c> of every <c>tn.callback.&lt;k&gt;.kind</c>.</summary>
    private static IEnumerable<string> CallbackKeys(IReadOnlyDictionary<string, string> metadata)
    {
        const string kindSuffix = "." + StateMetadata.KindKey;
        return metadata.Keys
            .Where(k => k.StartsWith(CallbackPrefix, StringComparison.Ordinal) && k.EndsWith(kindSuffix, StringComparison.Ordinal))
            .Select(k => k[CallbackPrefix.Length..^kindSuffix.Length])
            .Where(key => !key.Contains('.', StringComparison.Ordinal));
    }

    /// <summary>A double in the shortest round-trip form, as every double of a checkpoint is written.</summary>
    internal static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Required(IReadOnlyDictionary<string, string> metadata, string key, string path) =>
        metadata.TryGetValue(key, out string? text) ? text
            : throw new InvalidDataException($"Checkpoint: \"{path}\" has no \"{key}\" in its __metadata__; the file is damaged or was not written by Checkpoint.Save.");

    private static long Integer(IReadOnlyDictionary<string, string> metadata, string key, string path, long max)
    {
        string text = Required(metadata, key, path);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value > max)
            throw new InvalidDataException($"Checkpoint: \"{path}\" has \"{key}\": \"{text}\" in its __metadata__; it must be a whole number from 0 to {max}.");
        return value;
    }

    /// <summary>A double written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">When <paramref name="text"/> is not a number.</exception>
    public static double Double(string key, string text, string path)
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
