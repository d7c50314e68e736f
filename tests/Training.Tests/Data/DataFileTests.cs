using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

public class DataFileTests
{
    [Fact]
    public void Read_GunzipsOnlyFilesWithTheGzipMagic()
    {
        using var folder = new TempFolder();
        byte[] content = [0x1F, 0x00, 1, 2, 3];
        DataFile plain = DataFile.Read(folder.Write("plain.bin", content));
        DataFile packed = DataFile.Read(folder.Write("packed.bin", IdxFiles.Gzip(content)));

        Assert.False(plain.IsCompressed);
        Assert.True(packed.IsCompressed);
        Assert.Equal(content, plain.Bytes.ToArray());
        Assert.Equal(content, packed.Bytes.ToArray());
    }

    [Fact]
    public void Read_ThrowsForCorruptGzipNamingFileAndOffset()
    {
        using var folder = new TempFolder();
        byte[] packed = IdxFiles.Gzip(IdxFiles.Images(2, 8, 8, i => (byte)i));
        for (int i = 10; i < packed.Length - 8; i++) packed[i] ^= 0xA5;
        string path = folder.Write("corrupt.gz", packed);

        var e = Assert.Throws<InvalidDataException>(() => DataFile.Read(path));
        Assert.Contains("corrupt.gz", e.Message);
        Assert.Contains("compressed byte", e.Message);
    }

    [Fact]
    public void At_SaysWhenTheOffsetIsIntoDecompressedData()
    {
        using var folder = new TempFolder();
        DataFile plain = DataFile.Read(folder.Write("a.bin", [1, 2]));
        DataFile packed = DataFile.Read(folder.Write("b.bin", IdxFiles.Gzip([1, 2])));

        Assert.Equal($"\"{plain.Path}\" at byte 1", plain.At(1));
        Assert.Equal($"\"{packed.Path}\" at byte 1 of the decompressed data", packed.At(1));
    }

    [Fact]
    public void Read_OfTruncatedGzipLetsTheParserReportTheMissingBytes()
    {
        using var folder = new TempFolder();
        byte[] whole = IdxFiles.Images(4, 16, 16, i => (byte)(i * 7));
        byte[] packed = IdxFiles.Gzip(whole);
        string path = folder.Write("cut-idx3-ubyte.gz", packed[..(packed.Length / 2)]);

        var e = Assert.Throws<InvalidDataException>(() => IdxParser.Parse(DataFile.Read(path)));
        Assert.Contains("cut-idx3-ubyte.gz", e.Message);
        Assert.Contains("of the decompressed data: the data is truncated", e.Message);
    }
}
