using System.Globalization;
using TensorNetworks.Training.Checkpoints;

namespace TensorNetworks.Training.Callbacks;

/// <summary>
/// Writes checkpoints of the run into a directory: every <see cref="EverySteps"/> steps and/or at the end
/// of every epoch, as <c>step-000120.safetensors</c> (the number of steps done), plus a copy named
/// <c>last.safetensors</c>, and a final one when the run ends, holding the run's last state (the trainer ends
/// this callback before the others, so an <see cref="EarlyStopping"/> that restores its best epoch does not
/// change what it writes, wherever either stands in the list). Only the newest <see cref="KeepLast"/> step
/// files are kept. Every file is written atomically, and nothing is written after a failed step or at the
/// end of a failed run, so after a NaN the newest checkpoint is the last good one. A state is written once:
/// the final checkpoint is skipped when the last one holds the same position, but when a step that ends an
/// epoch is also a multiple of <see cref="EverySteps"/>, the epoch-end checkpoint replaces the step's (same
/// file name), since it also holds the epoch's end (its record, the callbacks' epoch-end state).
/// </summary>
/// <remarks>
/// Pruning looks at every <c>step-N.safetensors</c> file in the directory with N up to the current step
/// and deletes all but the newest <see cref="KeepLast"/>; files with a larger N (left by an earlier, longer
/// run) are not touched.
/// </remarks>
/// <example><code>
/// var options = new TrainOptions
/// {
///     Epochs = 10,
///     Callbacks = { new CheckpointCallback("runs/ckpt", everySteps: 100, keepLast: 3) },
/// };
/// Trainer.Fit(model, loader, objective, scheme, options);
/// // later: new TrainOptions { ResumeFrom = "runs/ckpt/last.safetensors", ... }
/// </code></example>
public sealed class CheckpointCallback : Callback
{
    /// <summary>The file name of the copy of the newest checkpoint.</summary>
    public const string LastFileName = "last.safetensors";

    private (long Step, int Epoch, int BatchInEpoch)? _lastWritten;

    /// <summary>Creates the callback.</summary>
    /// <param name="directory">Where the checkpoints go; created at the start of training if missing.</param>
    /// <param name="everySteps">Write after every this many steps (counted from step 0 of the whole run), or null.</param>
    /// <param name="atEpochEnd">Also write at the end of every epoch. Default true.</param>
    /// <param name="keepLast">How many step files to keep, at least 1. Default 3.</param>
    /// <exception cref="ArgumentException">When <paramref name="directory"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="everySteps"/> or <paramref name="keepLast"/> is below 1.</exception>
    /// <example><code>var every500 = new CheckpointCallback("ckpt", everySteps: 500, atEpochEnd: false, keepLast: 5);</code></example>
    public CheckpointCallback(string directory, int? everySteps = null, bool atEpochEnd = true, int keepLast = 3)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (everySteps is < 1)
            throw new ArgumentOutOfRangeException(nameof(everySteps), everySteps, $"CheckpointCallback: everySteps must be at least 1 (or null for none), got {everySteps}.");
        if (keepLast < 1)
            throw new ArgumentOutOfRangeException(nameof(keepLast), keepLast, $"CheckpointCallback: keepLast must be at least 1, got {keepLast}.");
        Directory = directory;
        EverySteps = everySteps;
        AtEpochEnd = atEpochEnd;
        KeepLast = keepLast;
    }

    /// <summary>The checkpoint directory.</summary>
    public string Directory { get; }

    /// <summary>The step interval, or null for none.</summary>
    public int? EverySteps { get; }

    /// <summary>Whether a checkpoint is written at every epoch end.</summary>
    public bool AtEpochEnd { get; }

    /// <summary>How many step files are kept.</summary>
    public int KeepLast { get; }

    /// <summary>The file name of the checkpoint taken after <paramref name="step"/> steps: <c>step-{step:D6}.safetensors</c>.</summary>
    public static string FileName(long step) => $"step-{step.ToString("D6", CultureInfo.InvariantCulture)}.safetensors";

    /// <inheritdoc/>
    public override void OnTrainBegin(TrainingRun run)
    {
        System.IO.Directory.CreateDirectory(Directory);
        _lastWritten = null;
    }

    /// <inheritdoc/>
    public override void OnStepEnd(TrainingRun run, StepRecord step)
    {
        if (EverySteps is { } every && run.Step % every == 0) Write(run);
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(TrainingRun run, EpochRecord epoch)
    {
        if (AtEpochEnd) Write(run);
    }

    /// <inheritdoc/>
    public override bool RecordsTheRun => true;

    /// <inheritdoc/>
    public override void OnTrainEnd(TrainingRun run, FitResult result)
    {
        if (result.StopReason != StopReason.Failed) Write(run);
    }

    private void Write(TrainingRun run)
    {
        TrainingState state = run.Snapshot();
        var position = (state.Step, state.Epoch, state.BatchInEpoch);
        if (position == _lastWritten) return;
        string path = Path.Combine(Directory, FileName(state.Step));
        Checkpoint.Save(path, state);
        CopyAsLast(path);
        _lastWritten = position;
        Prune(state.Step);
    }

    private void CopyAsLast(string path)
    {
        string temp = Path.Combine(Directory, $".{LastFileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.Copy(path, temp);
            File.Move(temp, Path.Combine(Directory, LastFileName), overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private void Prune(long currentStep)
    {
        var older = System.IO.Directory.EnumerateFiles(Directory, "step-*.safetensors")
            .Select(path => (Path: path, Step: StepOf(Path.GetFileName(path))))
            .Where(f => f.Step is { } s && s <= currentStep)
            .OrderByDescending(f => f.Step)
            .Skip(KeepLast);
        foreach (var (path, _) in older) File.Delete(path);
    }

    private static long? StepOf(string fileName)
    {
        string digits = fileName["step-".Length..^".safetensors".Length];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long step) ? step : null;
    }
}
