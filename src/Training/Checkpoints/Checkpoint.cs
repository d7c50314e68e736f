using TensorNetworks.IO;
using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Checkpoints;

/// <summary>
/// Saves and loads a <see cref="TrainingState"/> as one safetensors file that Python's safetensors can
/// read: parameters as tensors <c>param/&lt;dotted path&gt;</c>, the scheme's state tensors as
/// <c>scheme/&lt;key&gt;</c>, each callback's as <c>callback/&lt;callback key&gt;/&lt;key&gt;</c>, and in
/// <c>__metadata__</c> the format (<c>tn.format</c>, <c>tn.version</c>), the position (<c>tn.step</c>,
/// <c>tn.epoch</c>, <c>tn.batch_in_epoch</c>), the running sums of the epoch in progress
/// (<c>tn.epoch_loss_sum</c>, <c>tn.epoch_samples</c>), the previous epoch's mean loss
/// (<c>tn.previous_epoch_loss</c>), the last step's scheme metrics (<c>tn.step_metric.&lt;name&gt;</c>), the
/// generator state (<c>tn.generator</c>, decimal words), the scheme's kind and scalars (<c>tn.scheme.kind</c>,
/// <c>tn.scheme.scalar.&lt;name&gt;</c>), each callback's (<c>tn.callback.&lt;callback key&gt;.kind</c>,
/// <c>tn.callback.&lt;callback key&gt;.scalar.&lt;name&gt;</c>) and the user metadata (<c>user.&lt;key&gt;</c>).
/// Doubles are written in round-trip decimal, so a loaded state equals the saved one bit for bit (a NaN
/// scalar comes back as the default NaN).
/// </summary>
/// <example><code>
/// Checkpoint.Save("runs/step-000100.safetensors", run.Snapshot());
/// TrainingState state = Checkpoint.Load("runs/step-000100.safetensors");
/// Trainer.Fit(model, loader, objective, scheme, new TrainOptions { ResumeFrom = "runs/step-000100.safetensors" });
/// </code></example>
public static class Checkpoint
{
    /// <summary>The format version this tn writes (<c>tn.version</c>); it reads versions 1 to this one.
    /// Version 2 added the running epoch sums, the previous epoch's loss, the last step's metrics and the
    /// callbacks' states; a version-1 checkpoint loads without them (sums 0, no previous loss), so a run
    /// resumed from one mid-epoch reports that epoch's mean over the batches after the resume only.</summary>
    public const int FormatVersion = 2;

    /// <summary>The tensor-name prefix of parameters.</summary>
    public const string ParameterPrefix = "param/";

    /// <summary>The tensor-name prefix of the scheme's state tensors.</summary>
    public const string SchemePrefix = "scheme/";

    /// <summary>The tensor-name prefix of the callbacks' state tensors, followed by the callback key and a '/'.</summary>
    public const string CallbackPrefix = "callback/";

    /// <summary>Writes <paramref name="state"/> to <paramref name="path"/>, atomically (a temporary file renamed
    /// over the target), so an existing checkpoint is replaced only by a complete one.</summary>
    /// <exception cref="ArgumentException">When the path is empty, a parameter name is empty, a tensor is null,
    /// a state has no kind, or a callback key is empty or holds '.' or '/'.</exception>
    /// <exception cref="DirectoryNotFoundException">When the directory of <paramref name="path"/> does not exist.</exception>
    /// <exception cref="IOException">When the file cannot be written.</exception>
    /// <example><code>Checkpoint.Save("ckpt/manual.safetensors", run.Snapshot());</code></example>
    public static void Save(string path, TrainingState state)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(state);
        var tensors = new Dictionary<string, Tensor>();
        foreach (var (name, value) in state.Parameters)
        {
            if (string.IsNullOrEmpty(name))
                throw new ArgumentException("Checkpoint.Save: a parameter has an empty name; parameters are stored by their dotted path.", nameof(state));
            tensors[ParameterPrefix + name] = value;
        }
        if (state.SchemeState is { } scheme)
        {
            if (scheme.Kind is null)
                throw new ArgumentException("Checkpoint.Save: the scheme state has no Kind; give the OptimizerState its optimizer's type name.", nameof(state));
            foreach (var (key, value) in scheme.Tensors) tensors[SchemePrefix + key] = value;
        }
        foreach (var (callbackKey, callback) in state.CallbackStates)
        {
            if (string.IsNullOrEmpty(callbackKey) || callbackKey.Contains('.', StringComparison.Ordinal) || callbackKey.Contains('/', StringComparison.Ordinal))
                throw new ArgumentException($"Checkpoint.Save: the callback key \"{callbackKey}\" must be non-empty and hold no '.' or '/' (the trainer writes <type name>-<n>).", nameof(state));
            if (callback.Kind is null)
                throw new ArgumentException($"Checkpoint.Save: the state of callback \"{callbackKey}\" has no Kind; give the OptimizerState the callback's type name.", nameof(state));
            foreach (var (key, value) in callback.Tensors) tensors[CallbackPrefix + callbackKey + "/" + key] = value;
        }
        SafeTensors.Save(path, tensors, CheckpointMetadata.Write(state, FormatVersion));
    }

    /// <summary>Reads a checkpoint written by <see cref="Save"/>.</summary>
    /// <exception cref="ArgumentException">When <paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="InvalidDataException">When the file is not a valid safetensors file (the message names
    /// the byte offset), is a safetensors file but not a tn checkpoint, comes from a newer format version, or
    /// holds a value that does not parse.</exception>
    /// <example><code>long steps = Checkpoint.Load("ckpt/last.safetensors").Step;</code></example>
    public static TrainingState Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        SafeTensorsContents file;
        try
        {
            file = SafeTensors.Load(path);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Checkpoint: \"{path}\" is not a tn checkpoint: {e.Message}", e);
        }
        TrainingState state = CheckpointMetadata.Read(file.Metadata, path, FormatVersion);
        foreach (var (name, tensor) in file.Tensors)
        {
            if (name.StartsWith(ParameterPrefix, StringComparison.Ordinal))
                state.Parameters[name[ParameterPrefix.Length..]] = tensor;
            else if (name.StartsWith(SchemePrefix, StringComparison.Ordinal))
                SchemeTensors(state.SchemeState, name, path)[name[SchemePrefix.Length..]] = tensor;
            else if (name.StartsWith(CallbackPrefix, StringComparison.Ordinal))
                AddCallbackTensor(state, name, tensor, path);
            else
                throw new InvalidDataException($"Checkpoint: \"{path}\" holds the tensor \"{name}\"; a tn checkpoint's tensors are named \"{ParameterPrefix}...\", \"{SchemePrefix}...\" or \"{CallbackPrefix}...\".");
        }
        return state;
    }

    private static void AddCallbackTensor(TrainingState state, string name, Tensor tensor, string path)
    {
        string rest = name[CallbackPrefix.Length..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        string callbackKey = slash < 0 ? rest : rest[..slash];
        if (slash < 0 || !state.CallbackStates.TryGetValue(callbackKey, out OptimizerState? callback))
            throw new InvalidDataException(
                $"Checkpoint: \"{path}\" holds the callback tensor \"{name}\" but no \"{CheckpointMetadata.CallbackStatePrefix(callbackKey)}{StateMetadata.KindKey}\" in its __metadata__; the file is damaged.");
        callback.Tensors[rest[(slash + 1)..]] = tensor;
    }

    private static Dictionary<string, Tensor> SchemeTensors(OptimizerState? scheme, string name, string path) =>
        scheme?.Tensors ?? throw new InvalidDataException(
            $"Checkpoint: \"{path}\" holds the scheme tensor \"{name}\" but no \"{CheckpointMetadata.SchemeKindKey}\" in its __metadata__; the file is damaged.");
}
