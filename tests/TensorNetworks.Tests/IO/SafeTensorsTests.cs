using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using TensorNetworks.IO;

namespace TensorNetworks.Tests.IO;

public sealed partial class SafeTensorsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A file made of an explicit header length, header text and data bytes.</summary>
    private string WriteRaw(string header, byte[] data, ulong? headerLength = null, string name = "raw.safetensors")
    {
        byte[] json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, headerLength ?? (ulong)json.Length);
        json.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + json.Length);
        string path = _dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Load_ReadsAHandWrittenFile()
    {
        const string header = "{\"__metadata__\":{\"format\":\"pt\",\"note\":\"é\"},"
            + "\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[16,32]},"
            + "\"b\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}   ";
        byte[] data =
        [
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF0, 0x3F, // b[0] = 1.0
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, // b[1] = -2.0
            0x00, 0x00, 0x80, 0x3F, // w[0,0] = 1
            0x00, 0x00, 0x00, 0x40, // w[0,1] = 2
            0x00, 0x00, 0xC0, 0xBF, // w[1,0] = -1.5
            0x00, 0x00, 0x00, 0x3F, // w[1,1] = 0.5
        ];
        SafeTensorsContents file = SafeTensors.Load(WriteRaw(header, data));

        Assert.Equal(["w", "b"], file.Tensors.Keys);
        Tensor w = file.Tensors["w"], b = file.Tensors["b"];
        Assert.Equal(DType.Float32, w.DType);
        Assert.Equal(new Shape(2, 2), w.Shape);
        Assert.Equal([1f, 2f, -1.5f, 0.5f], w.ToArray<float>());
        Assert.Equal(DType.Float64, b.DType);
        Assert.Equal([1.0, -2.0], b.ToArray<double>());
        Assert.Equal(new Dictionary<string, string> { ["format"] = "pt", ["note"] = "é" }, file.Metadata);
        Assert.Equal("SafeTensorsContents: 2 tensors, 2 metadata entries\n  w  Float32 [2, 2]\n  b  Float64 [2]\n  metadata format = pt\n  metadata note = é",
            file.ToString());
    }

    [Fact]
    public void Save_RoundTripsFloat32AndFloat64BitForBit()
    {
        var gen = new Generator(7);
        Tensor f32 = TN.Tensor(new[] { float.NaN, -0f, float.Epsilon, float.MaxValue, float.NegativeInfinity, 1.25f }, 2, 3);
        Tensor f64 = TN.Randn(gen, DType.Float64, 4, 3, 2);
        string path = _dir.File("t.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["layer.f32"] = f32, ["layer.f64"] = f64 });

        var loaded = SafeTensors.Load(path).Tensors;
        Assert.Equal(f32.Shape, loaded["layer.f32"].Shape);
        Assert.Equal(f64.Shape, loaded["layer.f64"].Shape);
        Assert.Equal(f32.ToArray<float>().Select(BitConverter.SingleToInt32Bits), loaded["layer.f32"].ToArray<float>().Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(f64.ToArray<double>().Select(BitConverter.DoubleToInt64Bits), loaded["layer.f64"].ToArray<double>().Select(BitConverter.DoubleToInt64Bits));
        Assert.Empty(SafeTensors.Load(path).Metadata);
    }

    [Fact]
    public void Save_RoundTripsScalarsAndEmptyTensors()
    {
        string path = _dir.File("t.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor>
        {
            ["scalar"] = TN.Scalar(3.5, DType.Float64),
            ["empty"] = TN.Zeros(0),
            ["empty3"] = TN.Zeros(DType.Float64, 2, 0, 3),
            ["one"] = TN.Scalar(-1),
        });

        var loaded = SafeTensors.Load(path).Tensors;
        Assert.Equal(0, loaded["scalar"].Order);
        Assert.Equal(3.5, loaded["scalar"].Item());
        Assert.Equal(new Shape(0), loaded["empty"].Shape);
        Assert.Equal(new Shape(2, 0, 3), loaded["empty3"].Shape);
        Assert.Equal(DType.Float64, loaded["empty3"].DType);
        Assert.Equal(-1.0, loaded["one"].Item());
    }

    [Fact]
    public void Save_RoundTripsManyTensorsAndMetadata()
    {
        var gen = new Generator(11);
        var tensors = new Dictionary<string, Tensor>();
        for (int i = 0; i < 40; i++)
        {
            int[] dims = Enumerable.Range(0, gen.NextInt(4)).Select(_ => 1 + gen.NextInt(5)).ToArray();
            tensors[$"block{i}.weight"] = TN.Randn(gen, i % 3 == 0 ? DType.Float64 : DType.Float32, dims);
        }
        var metadata = new Dictionary<string, string> { ["a"] = "1", ["quote\"key"] = "line\nbreak", ["ünï"] = "çødé" };
        string path = _dir.File("many.safetensors");
        SafeTensors.Save(path, tensors, metadata);

        SafeTensorsContents file = SafeTensors.Load(path);
        Assert.Equal(tensors.Keys.Order(StringComparer.Ordinal), file.Tensors.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, t) in tensors)
        {
            Assert.Equal(t.Shape, file.Tensors[name].Shape);
            Assert.Equal(t.DType, file.Tensors[name].DType);
            Assert.Equal(t.ToArray<double>(), file.Tensors[name].ToArray<double>());
        }
        Assert.Equal(metadata, file.Metadata);
    }

    [Fact]
    public void Save_PadsTheHeaderAndStoresFloat64First()
    {
        string path = _dir.File("t.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor>
        {
            ["a"] = TN.Ones(3),
            ["z"] = TN.Ones(DType.Float64, 2),
        }, new Dictionary<string, string> { ["format"] = "pt" });

        byte[] bytes = File.ReadAllBytes(path);
        long n = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, n % 8);
        Assert.Equal(8 + n + 16 + 12, bytes.Length);
        string header = Encoding.UTF8.GetString(bytes, 8, (int)n);
        Assert.StartsWith("{\"__metadata__\":{\"format\":\"pt\"},", header);
        JsonNode parsed = JsonNode.Parse(header)!;
        Assert.Equal("[0,16]", parsed["z"]!["data_offsets"]!.ToJsonString());
        Assert.Equal("[16,28]", parsed["a"]!["data_offsets"]!.ToJsonString());
        Assert.Equal("F32", (string)parsed["a"]!["dtype"]!);
        string json = header.TrimEnd(' ');
        Assert.EndsWith("}", json);
        Assert.InRange(header.Length - json.Length, 0, 7);
        Assert.Equal(1.0, BitConverter.ToDouble(bytes, 8 + (int)n));
    }

    [Fact]
    public void Save_WritesTheHeaderAsPythonsSafetensorsDoes()
    {
        // Compact UTF-8 JSON: letters outside ASCII and HTML's <, >, & and ' as they are; quotes, backslashes and
        // control characters escaped; integers plain.
        string path = _dir.File("golden.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor>
        {
            ["wé<ß>&'"] = TN.Ones(2, 3),
            ["a\"b\\c"] = TN.Zeros(DType.Float64, 0, 4),
        }, new Dictionary<string, string> { ["note"] = "line\nbreak\ttab", ["ünï"] = "çødé" });

        byte[] bytes = File.ReadAllBytes(path);
        string header = Encoding.UTF8.GetString(bytes, 8, (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        Assert.Equal(
            "{\"__metadata__\":{\"note\":\"line\\nbreak\\ttab\",\"ünï\":\"çødé\"},"
            + "\"a\\\"b\\\\c\":{\"dtype\":\"F64\",\"shape\":[0,4],\"data_offsets\":[0,0]},"
            + "\"wé<ß>&'\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}}",
            header.TrimEnd(' '));
    }

    [Fact]
    public void SafeTensors_WritesItsJsonWithTheRuntimesSystemTextJson()
        => Assert.DoesNotContain(typeof(SafeTensors).Assembly.GetReferencedAssemblies(), a => a.Name == "Newtonsoft.Json");

    [Fact]
    public void Save_RoundTripsNamesOutsideTheBasicMultilingualPlane()
    {
        string path = _dir.File("astral.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["w😀𝔁"] = TN.Ones(2) }, new Dictionary<string, string> { ["𝄞"] = "🎵" });
        SafeTensorsContents file = SafeTensors.Load(path);
        Assert.Equal(["w😀𝔁"], file.Tensors.Keys);
        Assert.Equal(new Dictionary<string, string> { ["𝄞"] = "🎵" }, file.Metadata);
    }

    [Fact]
    public void Save_RefusesANameWithALoneSurrogateNamingTheTensorAndWhy()
    {
        // UTF-8 cannot encode a lone surrogate: the header held U+FFFD in its place, and Load returned "w\uFFFDx".
        string path = _dir.File("t.safetensors");
        var tensors = new Dictionary<string, Tensor> { ["a"] = TN.Ones(1), ["w\uD800x"] = TN.Ones(2) };
        var e = Assert.Throws<ArgumentException>(() => SafeTensors.Save(path, tensors));
        Assert.StartsWith("SafeTensors.Save: the name of tensor 1 ", e.Message);
        Assert.Contains("\"w\\uD800x\"", e.Message);
        Assert.Contains("lone UTF-16 surrogate (U+D800 at index 1)", e.Message);
        Assert.Contains("UTF-8 cannot encode", e.Message);
        Assert.Empty(_dir.Names());
    }

    /// <summary>The names as UTF-16 code units: xUnit would carry a string with a lone surrogate to the test as U+FFFD.</summary>
    [Theory]
    [InlineData(new[] { 0xDC00 }, 0)]
    [InlineData(new[] { 'a', 'b', 0xD83D }, 2)]
    [InlineData(new[] { 0xD83D, 0xD83D, 0xDE00 }, 0)]
    [InlineData(new[] { 0xD83D, 0xDE00, 0xDE00 }, 2)]
    public void Save_FindsTheLoneSurrogateBesideProperPairs(int[] units, int index)
    {
        string name = new([.. units.Select(u => (char)u)]);
        var e = Assert.Throws<ArgumentException>(() => SafeTensors.Save(_dir.File("t.safetensors"), new Dictionary<string, Tensor> { [name] = TN.Ones(1) }));
        Assert.Contains($"at index {index})", e.Message);
    }

    [Fact]
    public void Save_RefusesMetadataWithALoneSurrogate()
    {
        string path = _dir.File("t.safetensors");
        var tensors = new Dictionary<string, Tensor> { ["a"] = TN.Ones(1) };
        var key = Assert.Throws<ArgumentException>(() => SafeTensors.Save(path, tensors, new Dictionary<string, string> { ["k\uDFFF"] = "v" }));
        Assert.Contains("a metadata key, \"k\\uDFFF\"", key.Message);
        var value = Assert.Throws<ArgumentException>(() => SafeTensors.Save(path, tensors, new Dictionary<string, string> { ["k"] = "\uD800" }));
        Assert.Contains("the metadata value of \"k\"", value.Message);
        Assert.Empty(_dir.Names());
    }

    [Fact]
    public void Save_LeavesOnlyTheTargetFile()
    {
        string path = _dir.File("t.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["a"] = TN.Ones(3) });
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["b"] = TN.Ones(2) });
        Assert.Equal(["t.safetensors"], _dir.Names());
        Assert.Equal(["b"], SafeTensors.Load(path).Tensors.Keys);
    }

    [Fact]
    public void Save_KeepsAnExistingTargetWhenItFails()
    {
        string path = _dir.File("t.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["a"] = TN.Ones(3) });
        byte[] before = File.ReadAllBytes(path);

        Assert.Throws<ArgumentException>(() => SafeTensors.Save(path, new Dictionary<string, Tensor> { ["__metadata__"] = TN.Ones(1) }));
        string directoryTarget = _dir.File("dir.safetensors");
        Directory.CreateDirectory(directoryTarget);
        Assert.ThrowsAny<Exception>(() => SafeTensors.Save(directoryTarget, new Dictionary<string, Tensor> { ["a"] = TN.Ones(3) }));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["dir.safetensors", "t.safetensors"], _dir.Names());
    }

    [Fact]
    public void Save_ThrowsForEmptyNamesAndNullValues()
    {
        string path = _dir.File("t.safetensors");
        Assert.Throws<ArgumentException>(() => SafeTensors.Save(path, new Dictionary<string, Tensor> { [""] = TN.Ones(1) }));
        Assert.Throws<ArgumentException>(() => SafeTensors.Save(path, new Dictionary<string, Tensor> { ["a"] = null! }));
        Assert.Throws<ArgumentException>(() => SafeTensors.Save(path, new Dictionary<string, Tensor>(), new Dictionary<string, string> { ["k"] = null! }));
        Assert.Empty(_dir.Names());
    }
}
