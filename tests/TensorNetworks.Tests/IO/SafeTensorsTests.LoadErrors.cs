using System.Text.RegularExpressions;
using TensorNetworks.IO;

namespace TensorNetworks.Tests.IO;

/// <summary>Files that Load must refuse: bad header lengths, malformed or lenient JSON, bad UTF-8, dtypes, offsets and data.</summary>
public sealed partial class SafeTensorsTests
{
    [Fact]
    public void Load_ThrowsForTruncatedHeaderLength()
    {
        string path = _dir.File("short.safetensors");
        File.WriteAllBytes(path, [16, 0, 0, 0, 0]);
        AssertCorrupt(path, 0, "too short");
    }

    [Fact]
    public void Load_ThrowsForHeaderLengthBeyondTheFile()
    {
        string path = WriteRaw("{}      ", [], headerLength: 1000);
        AssertCorrupt(path, 0, "1000");
    }

    [Fact]
    public void Load_ThrowsForHeaderLengthAboveTheLimit()
    {
        string path = WriteRaw("{}      ", [], headerLength: ulong.MaxValue);
        AssertCorrupt(path, 0, "limit");
    }

    [Theory]
    [InlineData("{\"a\":{\"dtype\":\"F32\",", "not valid JSON")]
    [InlineData("[1, 2, 3]", "starting with '{'")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]},\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}}", "not valid JSON")]
    [InlineData("{} {}", "not valid JSON")]
    [InlineData("{\"__metadata__\":{\"epoch\":3}}", "\"epoch\" holds the integer 3")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,0]}}", "shape")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,0]}}", "shape")]
    [InlineData("{\"a\":{\"shape\":[0],\"data_offsets\":[0,0]}}", "no string \"dtype\"")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0]}}", "[begin, end]")]
    [InlineData("{\"a\":[1]}", "an array")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]},}", "not valid JSON")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[0,],\"data_offsets\":[0,0]}}", "not valid JSON")]
    [InlineData("{/* note */\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}}", "not valid JSON")]
    [InlineData("{\"a\":{dtype:\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}}", "not valid JSON")]
    [InlineData("{\"a\":{\"dtype\":'F32',\"shape\":[0],\"data_offsets\":[0,0]}}", "not valid JSON")]
    [InlineData("{\"__metadata__\":{\"n\":NaN}}", "not valid JSON")]
    public void Load_ThrowsForMalformedHeaders(string header, string expected)
    {
        string path = WriteRaw(header, []);
        var e = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path));
        Assert.True(e.Message.Contains(path), e.Message);
        Assert.True(Regex.IsMatch(e.Message, @"at byte ([89]|[1-9]\d+):"), e.Message);
        Assert.True(e.Message.Contains(expected), e.Message);
    }

    [Theory]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]},\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}}", 8 + 58, "the key \"a\" appears twice")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"dtype\":\"F64\",\"shape\":[0],\"data_offsets\":[0,0]}}", 8 + 5, "the key \"dtype\" appears twice")]
    [InlineData("{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}}", 8 + 16, "the key \"k\" appears twice")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0],\"x\":[{\"n\":1,\"n\":2}]}}", 8 + 5, "the key \"n\" appears twice")]
    public void Load_NamesAKeyRepeatedAtAnyDepth(string header, long offset, string expected)
    {
        string path = WriteRaw(header, []);
        AssertCorrupt(path, offset, expected);
    }

    [Fact]
    public void Load_RejectsTheLenientJsonThatPythonsSafetensorsRejects()
    {
        // Single quotes, an unquoted key and trailing commas: lenient JSON readers (Newtonsoft's default one) accept them all.
        string path = WriteRaw("{'x': {dtype: 'F64', 'shape': [2], 'data_offsets': [0, 16],},}", new byte[16]);
        AssertCorrupt(path, 9, "the header is not valid JSON");
    }

    [Fact]
    public void Load_NamesTheByteOfAJsonErrorOnALaterLine()
    {
        string path = WriteRaw("{\"a\":\n  {\"dtype\":\"F32\",\n   \"shape\":[0], // zero\n\"data_offsets\":[0,0]}}", []);
        AssertCorrupt(path, 8 + "{\"a\":\n  {\"dtype\":\"F32\",\n   \"shape\":[0], ".Length, "not valid JSON");
    }

    [Fact]
    public void Load_ThrowsForInvalidUtf8()
    {
        byte[] bytes = [8, 0, 0, 0, 0, 0, 0, 0, (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'];
        string path = _dir.File("utf8.safetensors");
        File.WriteAllBytes(path, bytes);
        AssertCorrupt(path, 10, "UTF-8");
    }

    [Theory]
    [InlineData("BF16")]
    [InlineData("I64")]
    [InlineData("Q7")]
    public void Load_ThrowsNamingAnUnsupportedDType(string dtype)
    {
        string header = "{\"a\":{\"dtype\":\"" + dtype + "\",\"shape\":[1],\"data_offsets\":[0,8]}}";
        string path = WriteRaw(header, new byte[8]);
        AssertCorrupt(path, 13, dtype);
    }

    [Fact]
    public void Load_ThrowsForOffsetsThatEndBeforeTheyBegin()
    {
        string path = WriteRaw("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,4]}}", new byte[8]);
        AssertCorrupt(path, 13, "end before they begin");
    }

    [Fact]
    public void Load_ThrowsForASizeMismatch()
    {
        string path = WriteRaw("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]);
        AssertCorrupt(path, 13, "needs 12 bytes");
    }

    [Fact]
    public void Load_ThrowsForOverlappingTensors()
    {
        const string header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        string path = WriteRaw(header, new byte[12]);
        AssertCorrupt(path, 8 + header.Length + 4, "overlaps");
    }

    [Fact]
    public void Load_ThrowsForAGapBetweenTensors()
    {
        const string header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[12,20]}}";
        string path = WriteRaw(header, new byte[20]);
        AssertCorrupt(path, 8 + header.Length + 12, "gap");
    }

    [Fact]
    public void Load_ThrowsForDataBeyondTheFile()
    {
        const string header = "{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}";
        string path = WriteRaw(header, new byte[10]);
        AssertCorrupt(path, 8 + header.Length + 10, "truncated");
    }

    [Fact]
    public void Load_ThrowsForBytesAfterTheLastTensor()
    {
        const string header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        string path = WriteRaw(header, new byte[12]);
        AssertCorrupt(path, 8 + header.Length + 8, "4 bytes follow");
    }

    [Fact]
    public void Load_ThrowsForAFileCutInsideTheData()
    {
        string path = _dir.File("t.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["a"] = TN.Ones(DType.Float64, 4) });
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^5]);
        AssertCorrupt(path, bytes.Length - 5, "truncated");
    }

    private static void AssertCorrupt(string path, long offset, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path));
        Assert.True(e.Message.Contains($"\"{path}\""), e.Message);
        Assert.True(e.Message.Contains($"at byte {offset}:"), e.Message);
        Assert.True(e.Message.Contains(expected), e.Message);
    }
}
