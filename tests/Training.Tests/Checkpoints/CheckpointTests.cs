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
            ["tn.format"] = "tn-checkpoint", ["tn.version"] = "2", ["tn.step"] = "0", ["tn.epoch"] = "0", ["tn.batch_in_epoch"] = "0",
        });
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains("version 2", e.Message);
    }

    [Theory]
    [InlineData("tn.step", "-1")]
    [InlineData("tn.epoch", "3000000000")]
    [InlineData("tn.generator", "1,2,x")]
    [InlineData("tn.scheme.scalar.lr", "fast")]
    public void Load_ThrowsNamingAMalformedValue(string key, string value)
    {
        string path = File("bad.safetensors");
        var metadata = new Dictionary<string, string>
        {
            ["tn.format"] = "tn-checkpoint", ["tn.version"] = "1", ["tn.step"] = "0", ["tn.epoch"] = "0", ["tn.batch_in_epoch"] = "0",
            ["tn.scheme.kind"] = "Sgd",
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
