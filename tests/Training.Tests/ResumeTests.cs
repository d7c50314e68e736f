using TensorNetworks.Nn;
using TensorNetworks.Training.Callbacks;
using TensorNetworks.Training.Data;
using TensorNetworks.Training.Optimizers;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Training.Tests;

/// <summary>Ten steps, a checkpoint, a fresh process-like restart and ten more steps give exactly the run
/// that never stopped: parameters, Adam's moments, the shuffled batch order and the dropout masks.</summary>
public sealed class ResumeTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tn-resume-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private sealed record Run(Sequential Model, Generator Generator, GradientScheme Scheme);

    /// <summary>A network with dropout drawing from the run's generator, so checkpoints carry its state.</summary>
    private static Run NewRun(ulong initSeed)
    {
        var generator = new Generator(initSeed);
        var model = new Sequential(
            new Linear(4, 8, generator, dtype: DType.Float64), new Tanh(), new Dropout(0.25, generator), new Linear(8, 1, generator, dtype: DType.Float64));
        var scheme = new GradientScheme(new Adam(model.Parameters(), learningRate: 0.02), new CosineSchedule(totalSteps: 20));
        return new Run(model, generator, scheme);
    }

    private static DataLoader Data()
    {
        var gen = new Generator(99);
        Tensor x = TN.Randn(gen, DType.Float64, 47, 4);
        Tensor y = TN.MatMul(x, TN.Randn(gen, DType.Float64, 4, 1)).Tanh();
        return new DataLoader(new InMemoryDataset(x, y), batchSize: 10, shuffle: true, seed: 5);
    }

    private static Func<Batch, Tensor> Objective(Module model) => b => TN.MseLoss(model.Forward(b.Inputs), b.Targets!);

    [Fact]
    public void TenStepsSaveResumeTen_EqualsTwentyStraightStepsBitForBit()
    {
        Run straight = NewRun(1);
        Trainer.Fit(straight.Model, Data(), Objective(straight.Model), straight.Scheme,
            new TrainOptions { Epochs = 4, Generator = straight.Generator });

        Run first = NewRun(1);
        Trainer.Fit(first.Model, Data(), Objective(first.Model), first.Scheme,
            new TrainOptions { Epochs = 4, MaxSteps = 10, Generator = first.Generator, Callbacks = { new CheckpointCallback(_directory, everySteps: 10, atEpochEnd: false) } });

        Run resumed = NewRun(12345);
        FitResult result = Trainer.Fit(resumed.Model, Data(), Objective(resumed.Model), resumed.Scheme,
            new TrainOptions { Epochs = 4, Generator = resumed.Generator, ResumeFrom = Path.Combine(_directory, "step-000010.safetensors") });

        Assert.Equal(20, result.Steps);
        foreach (var ((name, expected), (_, actual)) in straight.Model.NamedParameters().Zip(resumed.Model.NamedParameters()))
            Assert.True(expected.Value.ToArray<double>().SequenceEqual(actual.Value.ToArray<double>()), $"{name} differs after resuming");
    }
}
