using TensorNetworks.IO;
using TensorNetworks.Training.Checkpoints;
using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Tests.Checkpoints;

public sealed class CheckpointTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tn-ckpt-" + Guid.NewGuid().ToString("N"));

    public CheckpointTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name) => Path.Combine(_dir, name);

    private static TrainingState FullState()
    {
        var gen = new Generator(2024);
        gen.NextNormal();
        var scheme = new OptimizerState("MomentumSgd");
        scheme.Tensors["velocity.0"] = TN.Randn(gen, DType.Float64, 2, 3);
        scheme.Tensors["velocity.1"] = TN.Randn(gen, 4);
        scheme.Scalars["step_count"] = 123456789;
        scheme.Scalars["learning_rate"] = 0.1;
        scheme.Scalars["third"] = 1.0 / 3;
        scheme.Scalars["tiny"] = double.Epsilon;
        scheme.Scalars["huge"] = double.MaxValue;
        scheme.Scalars["negative_zero"] = -0.0;
        scheme.Scalars["infinity"] = double.NegativeInfinity;
        var stopper = new OptimizerState("EarlyStopping");
        stopper.Scalars["best_value"] = 0.1 + 0.2;
        stopper.Scalars["scalar.kind"] = 7;
        stopper.Tensors["best/encoder.weight"] = TN.Randn(gen, DType.Float64, 2, 3);
        return new TrainingState
        {
            Parameters =
            {
                ["encoder.weight"] = TN.Randn(gen, DType.Float64, 2, 3),
                ["encoder.bias"] = TN.Tensor(new[] { float.NaN, -0f, float.Epsilon, 1e30f }, 4),
                ["scale"] = TN.Scalar(0.5, DType.Float64),
            },
            SchemeState = scheme,
            Step = (1L << 40) + 3,
            Epoch = 17,
            BatchInEpoch = 5,
            EpochLossSum = 1.0 / 3 + 1e-17,
            EpochSamples = 40,
            PreviousEpochLoss = -0.0,
            StepMetrics = { ["learning_rate"] = 0.1 * 3, ["grad_norm"] = double.PositiveInfinity },
            CallbackStates = { ["EarlyStopping-0"] = stopper, ["Stateless-1"] = new OptimizerState("Stateless") },
            GeneratorState = gen.GetState(),
            Metadata = { ["note"] = "first run", ["tn.step"] = "a user key that looks like ours" },
        };
    }

    private static void AssertSameBits(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.DType, actual.DType);
        Assert.Equal(expected.Shape, actual.Shape);
        Assert.Equal(expected.ToArray<double>().Select(BitConverter.DoubleToInt64Bits), actual.ToArray<double>().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Load_ReturnsTheSavedStateBitForBit()
    {
        TrainingState saved = FullState();
        string path = File("c.safetensors");
        Checkpoint.Save(path, saved);
        TrainingState loaded = Checkpoint.Load(path);

        Assert.Equal(saved.Parameters.Keys.Order(), loaded.Parameters.Keys.Order());
        foreach (var (name, value) in saved.Parameters) AssertSameBits(value, loaded.Parameters[name]);
        Assert.Equal("MomentumSgd", loaded.SchemeState!.Kind);
        Assert.Equal(saved.SchemeState!.Tensors.Keys.Order(), loaded.SchemeState.Tensors.Keys.Order());
        foreach (var (key, value) in saved.SchemeState.Tensors) AssertSameBits(value, loaded.SchemeState.Tensors[key]);
        Assert.Equal(saved.SchemeState.Scalars.Count, loaded.SchemeState.Scalars.Count);
        foreach (var (key, value) in saved.SchemeState.Scalars)
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(loaded.SchemeState.Scalars[key]));
        Assert.Equal(saved.Step, loaded.Step);
        Assert.Equal(saved.Epoch, loaded.Epoch);
        Assert.Equal(saved.BatchInEpoch, loaded.BatchInEpoch);
        Assert.Equal(saved.GeneratorState, loaded.GeneratorState);
        Assert.Equal(saved.Metadata, loaded.Metadata);
        Assert.Equal(BitConverter.DoubleToInt64Bits(saved.EpochLossSum), BitConverter.DoubleToInt64Bits(loaded.EpochLossSum));
        Assert.Equal(saved.EpochSamples, loaded.EpochSamples);
        Assert.Equal(BitConverter.DoubleToInt64Bits(saved.PreviousEpochLoss!.Value), BitConverter.DoubleToInt64Bits(loaded.PreviousEpochLoss!.Value));
        Assert.Equal(saved.StepMetrics, loaded.StepMetrics);
        Assert.Equal(saved.CallbackStates.Keys.Order(), loaded.CallbackStates.Keys.Order());
        foreach (var (key, state) in saved.CallbackStates)
        {
            OptimizerState back = loaded.CallbackStates[key];
            Assert.Equal(state.Kind, back.Kind);
            Assert.Equal(state.Scalars, back.Scalars);
            Assert.Equal(state.Tensors.Keys.Order(), back.Tensors.Keys.Order());
            foreach (var (name, value) in state.Tensors) AssertSameBits(value, back.Tensors[name]);
        }
    }

    [Fact]
    public void Load_ReadsAVersion1CheckpointWithoutTheLoopState()
    {
        string path = File("v1.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["param/w"] = TN.Ones(2), ["scheme/m.0"] = TN.Zeros(2) }, new Dictionary<string, string>
        {
            ["tn.format"] = "tn-checkpoint", ["tn.version"] = "1", ["tn.step"] = "12", ["tn.epoch"] = "2", ["tn.batch_in_epoch"] = "2",
            ["tn.scheme.kind"] = "Adam", ["tn.scheme.scalar.learning_rate"] = "0.01",
        });

        TrainingState loaded = Checkpoint.Load(path);

        Assert.Equal((12L, 2, 2), (loaded.Step, loaded.Epoch, loaded.BatchInEpoch));
        Assert.Equal((0.0, 0L, (double?)null), (loaded.EpochLossSum, loaded.EpochSamples, loaded.PreviousEpochLoss));
        Assert.Empty(loaded.StepMetrics);
        Assert.Empty(loaded.CallbackStates);
        Assert.Equal(0.01, loaded.SchemeState!.Scalars["learning_rate"]);
        Assert.Equal(["m.0"], loaded.SchemeState.Tensors.Keys);
    }

    [Fact]
    public void Load_ThrowsForAVersion2CheckpointWithoutTheEpochSums()
    {
        string path = File("v2.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor>(), new Dictionary<string, string>
        {
            ["tn.format"] = "tn-checkpoint", ["tn.version"] = "2", ["tn.step"] = "0", ["tn.epoch"] = "0", ["tn.batch_in_epoch"] = "0",
        });
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains("no \"tn.epoch_loss_sum\"", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Early.Stopping-0")]
    [InlineData("a/b")]
    public void Save_ThrowsForACallbackKeyItCannotReadBack(string key)
    {
        var e = Assert.Throws<ArgumentException>(() => Checkpoint.Save(File("c.safetensors"), new TrainingState { CallbackStates = { [key] = new OptimizerState("X") } }));
        Assert.Contains($"\"{key}\"", e.Message);
    }

    [Fact]
    public void Load_ThrowsForACallbackTensorWithoutItsState()
    {
        string path = File("c.safetensors");
        Checkpoint.Save(path, new TrainingState());
        var file = SafeTensors.Load(path);
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["callback/EarlyStopping-0/best/w"] = TN.Ones(1) }, file.Metadata);
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains("tn.callback.EarlyStopping-0.kind", e.Message);
    }

    [Fact]
    public void Load_RestoresAGeneratorThatContinuesTheSameSequence()
    {
        var gen = new Generator(5);
        gen.NextNormal();
        string path = File("c.safetensors");
        Checkpoint.Save(path, new TrainingState { GeneratorState = gen.GetState() });
        var restored = new Generator(99);
        restored.SetState(Checkpoint.Load(path).GeneratorState!);
        Assert.Equal(gen.NextNormal(), restored.NextNormal());
        Assert.Equal(gen.NextUInt64(), restored.NextUInt64());
    }

    [Fact]
    public void Load_KeepsAbsentSchemeAndGeneratorAbsent()
    {
        string path = File("c.safetensors");
        Checkpoint.Save(path, new TrainingState { Parameters = { ["w"] = TN.Ones(2) }, Step = 3 });
        TrainingState loaded = Checkpoint.Load(path);
        Assert.Null(loaded.SchemeState);
        Assert.Null(loaded.GeneratorState);
        Assert.Null(loaded.PreviousEpochLoss);
        Assert.Empty(loaded.CallbackStates);
        Assert.Empty(loaded.Metadata);
        Assert.Equal(3, loaded.Step);
    }

    [Fact]
    public void Save_WritesAPlainSafetensorsFileWithPrefixedNames()
    {
        string path = File("c.safetensors");
        Checkpoint.Save(path, FullState());
        SafeTensorsContents file = SafeTensors.Load(path);
        Assert.Contains("param/encoder.weight", file.Tensors.Keys);
        Assert.Contains("scheme/velocity.0", file.Tensors.Keys);
        Assert.Equal("tn-checkpoint", file.Metadata["tn.format"]);
        Assert.Equal(((1L << 40) + 3).ToString(), file.Metadata["tn.step"]);
        Assert.Equal("0.1", file.Metadata["tn.scheme.scalar.learning_rate"]);
        Assert.Equal("first run", file.Metadata["user.note"]);
        Assert.Contains("callback/EarlyStopping-0/best/encoder.weight", file.Tensors.Keys);
        Assert.Equal("0.30000000000000004", file.Metadata["tn.callback.EarlyStopping-0.scalar.best_value"]);
        Assert.Equal("EarlyStopping", file.Metadata["tn.callback.EarlyStopping-0.kind"]);
        Assert.Equal("40", file.Metadata["tn.epoch_samples"]);
        Assert.Equal("2", file.Metadata["tn.version"]);
    }

    [Fact]
    public void Load_ThrowsForASafetensorsFileThatIsNotACheckpoint()
    {
        string path = File("weights.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["w"] = TN.Ones(2) });
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains("not a tn checkpoint", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Load_ThrowsForAFileThatIsNotSafetensors()
    {
        string path = File("notes.txt");
        System.IO.File.WriteAllText(path, "hello, this is not a checkpoint");
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains("not a tn checkpoint", e.Message);
        Assert.Contains("at byte 0", e.Message);
    }

    [Fact]
    public void Load_ThrowsForANewerFormatVersion()
    {
        string path = File("future.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor>(), new Dictionary<string, string>
        {
            ["tn.format"] = "tn-checkpoint", ["tn.version"] = "3", ["tn.step"] = "0", ["tn.epoch"] = "0", ["tn.batch_in_epoch"] = "0",
        });
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains("version 3; this tn reads versions 1 to 2", e.Message);
    }

    [Theory]
    [InlineData("tn.step", "-1")]
    [InlineData("tn.epoch", "3000000000")]
    [InlineData("tn.generator", "1,2,x")]
    [InlineData("tn.scheme.scalar.lr", "fast")]
    [InlineData("tn.epoch_loss_sum", "1,5")]
    [InlineData("tn.epoch_samples", "-8")]
    [InlineData("tn.previous_epoch_loss", "low")]
    [InlineData("tn.step_metric.learning_rate", "")]
    [InlineData("tn.callback.EarlyStopping-0.scalar.best_value", "1e")]
    public void Load_ThrowsNamingAMalformedValue(string key, string value)
    {
        string path = File("bad.safetensors");
        var metadata = new Dictionary<string, string>
        {
            ["tn.format"] = "tn-checkpoint", ["tn.version"] = "2", ["tn.step"] = "0", ["tn.epoch"] = "0", ["tn.batch_in_epoch"] = "0",
            ["tn.epoch_loss_sum"] = "0", ["tn.epoch_samples"] = "0",
            ["tn.scheme.kind"] = "Sgd", ["tn.callback.EarlyStopping-0.kind"] = "EarlyStopping",
            [key] = value,
        };
        SafeTensors.Save(path, new Dictionary<string, Tensor>(), metadata);
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains($"\"{key}\": \"{value}\"", e.Message);
    }

    [Fact]
    public void Load_ThrowsForATensorOutsideTheCheckpointNames()
    {
        string path = File("c.safetensors");
        Checkpoint.Save(path, new TrainingState { Parameters = { ["w"] = TN.Ones(2) } });
        var file = SafeTensors.Load(path);
        var tensors = new Dictionary<string, Tensor>(file.Tensors) { ["stray"] = TN.Ones(1) };
        SafeTensors.Save(path, tensors, file.Metadata);
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains("\"stray\"", e.Message);
    }

    [Fact]
    public void Save_ThrowsForAnEmptyParameterName()
    {
        Assert.Throws<ArgumentException>(() => Checkpoint.Save(File("c.safetensors"), new TrainingState { Parameters = { [""] = TN.Ones(1) } }));
        Assert.Empty(Directory.GetFiles(_dir));
    }
}
