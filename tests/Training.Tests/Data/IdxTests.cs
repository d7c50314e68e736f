using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

public class IdxTests
{
    private static byte PixelOf(int i) => (byte)(i * 37 % 256);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_ScalesBytesToUnitIntervalInRowMajorOrder(bool gzip)
    {
        using var folder = new TempFolder();
        byte[] bytes = IdxFiles.Images(3, 4, 5, PixelOf);
        string path = folder.Write("images.idx", gzip ? IdxFiles.Gzip(bytes) : bytes);

        Tensor images = Idx.ReadImages(path);

        Assert.Equal(DType.Float32, images.DType);
        Assert.Equal([3, 4, 5], images.Shape.ToArray());
        float[] values = images.ToArray<float>();
        for (int i = 0; i < values.Length; i++) Assert.Equal(PixelOf(i) / 255f, values[i]);
        Assert.Equal(PixelOf(2 * 20 + 3 * 5 + 1) / 255.0, images[2, 3, 1], 6);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadLabels_ReturnsTheBytes(bool gzip)
    {
        using var folder = new TempFolder();
        byte[] bytes = IdxFiles.Labels(7, 0, 9, 3, 255);
        string path = folder.Write("labels.idx", gzip ? IdxFiles.Gzip(bytes) : bytes);

        Assert.Equal([7, 0, 9, 3, 255], Idx.ReadLabels(path));
    }

    [Fact]
    public void ReadLabels_ReadsSignedInt32Labels()
    {
        using var folder = new TempFolder();
        string path = folder.Write("labels.idx", IdxFiles.Build(IdxElementType.Int32, [3], -5, 70000, 2));

        Assert.Equal([-5, 70000, 2], Idx.ReadLabels(path));
    }

    [Fact]
    public void ReadLabels_ThrowsForFloatValues()
    {
        using var folder = new TempFolder();
        string path = folder.Write("floats.idx", IdxFiles.Build(IdxElementType.Float32, [2], 1.5, 2));

        var e = Assert.Throws<InvalidDataException>(() => Idx.ReadLabels(path));
        Assert.Contains("floats.idx", e.Message);
        Assert.Contains("Float32", e.Message);
    }

    [Fact]
    public void ReadImages_ThrowsForTwoDimensions()
    {
        using var folder = new TempFolder();
        string path = folder.Write("flat.idx", [.. IdxFiles.Header(0x08, 2, 3), 1, 2, 3, 4, 5, 6]);

        var e = Assert.Throws<InvalidDataException>(() => Idx.ReadImages(path));
        Assert.Contains("flat.idx", e.Message);
        Assert.Contains("[2, 3]", e.Message);
    }

    [Fact]
    public void Read_GivesDimsTypeAndValues()
    {
        using var folder = new TempFolder();
        string path = folder.Write("m.idx", IdxFiles.Build(IdxElementType.Float64, [2, 2], 0.25, -1, 1e300, 3));

        IdxArray array = Idx.Read(path);

        Assert.Equal(IdxElementType.Float64, array.ElementType);
        Assert.Equal([2, 2], array.Dims);
        Assert.Equal([0.25, -1, 1e300, 3], array.ToDoubleArray());
        Assert.Equal(path, array.Source);
    }

    [Fact]
    public void Read_ThrowsFileNotFoundForMissingFile()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "absent.idx");

        var e = Assert.Throws<FileNotFoundException>(() => Idx.Read(path));
        Assert.Contains("absent.idx", e.Message);
    }
}
