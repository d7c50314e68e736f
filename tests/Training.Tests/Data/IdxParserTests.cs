using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

public class IdxParserTests
{
    private static InvalidDataException ParseFails(byte[] bytes, bool gzip = false)
    {
        using var folder = new TempFolder();
        string path = folder.Write("broken-idx3-ubyte", gzip ? IdxFiles.Gzip(bytes) : bytes);
        var e = Assert.Throws<InvalidDataException>(() => IdxParser.Parse(DataFile.Read(path)));
        Assert.Contains("broken-idx3-ubyte", e.Message);
        return e;
    }

    [Fact]
    public void Parse_ThrowsForBadMagic()
    {
        var e = ParseFails([0x00, 0x01, 0x08, 0x01, 0, 0, 0, 1, 5]);
        Assert.Contains("at byte 1", e.Message);
        Assert.Contains("0x00010801", e.Message);
    }

    [Fact]
    public void Parse_ThrowsForBadTypeByte()
    {
        var e = ParseFails([.. IdxFiles.Header(0x0A, 1), 5]);
        Assert.Contains("at byte 2", e.Message);
        Assert.Contains("0x0A", e.Message);
    }

    [Fact]
    public void Parse_ThrowsForNoDimensions()
    {
        var e = ParseFails(IdxFiles.Header(0x08));
        Assert.Contains("at byte 3", e.Message);
    }

    [Fact]
    public void Parse_ThrowsForZeroExtent()
    {
        var e = ParseFails(IdxFiles.Header(0x08, 4, 0, 2));
        Assert.Contains("at byte 8", e.Message);
        Assert.Contains("dimension 1 has extent 0", e.Message);
    }

    [Fact]
    public void Parse_ThrowsForNegativeExtent()
    {
        var e = ParseFails(IdxFiles.Header(0x08, -3));
        Assert.Contains("at byte 4", e.Message);
        Assert.Contains("-3", e.Message);
    }

    [Fact]
    public void Parse_ThrowsForTooManyValues()
    {
        var e = ParseFails(IdxFiles.Header(0x08, 65536, 65536));
        Assert.Contains("[65536, 65536]", e.Message);
    }

    [Fact]
    public void Parse_ThrowsForTruncatedHeader()
    {
        var e = ParseFails([0, 0, 0x08]);
        Assert.Contains("at byte 3", e.Message);
    }

    [Fact]
    public void Parse_ThrowsForTruncatedDims()
    {
        var e = ParseFails([.. IdxFiles.Header(0x08, 2, 2)[..10]]);
        Assert.Contains("at byte 10", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Parse_ThrowsForTruncatedData(bool gzip)
    {
        byte[] whole = IdxFiles.Build(IdxElementType.Int16, [2, 3], 1, 2, 3, 4, 5, 6);
        var e = ParseFails(whole[..^3], gzip);
        Assert.Contains($"at byte {whole.Length - 3}", e.Message);
        Assert.Contains($"need {whole.Length} bytes", e.Message);
        Assert.Equal(gzip, e.Message.Contains("decompressed"));
    }

    [Fact]
    public void Parse_ThrowsForTrailingBytes()
    {
        byte[] whole = IdxFiles.Labels(1, 2, 3);
        var e = ParseFails([.. whole, 0, 0]);
        Assert.Contains($"at byte {whole.Length}", e.Message);
        Assert.Contains("2 trailing bytes", e.Message);
    }
}
