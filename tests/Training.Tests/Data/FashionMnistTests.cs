using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

/// <summary>A fact that runs only when the Debian package dataset-fashion-mnist is installed.</summary>
internal sealed class FashionMnistFactAttribute : FactAttribute
{
    public FashionMnistFactAttribute()
    {
        if (!FashionMnist.HoldsSplit(FashionMnist.SystemFolder, StandardSplit.Train) || !FashionMnist.HoldsSplit(FashionMnist.SystemFolder, StandardSplit.Test))
            Skip = $"dataset-fashion-mnist is not installed in {FashionMnist.SystemFolder}; run scripts/setup.sh as root.";
    }
}

public class FashionMnistTests
{
    private static void WriteSplit(TempFolder folder, string prefix, int count, bool gzip)
    {
        byte[] images = IdxFiles.Images(count, 28, 28, i => (byte)(i % 251));
        byte[] labels = IdxFiles.Labels([.. Enumerable.Range(0, count).Select(i => (byte)(i % 10))]);
        string suffix = gzip ? ".gz" : "";
        folder.Write($"{prefix}-images-idx3-ubyte{suffix}", gzip ? IdxFiles.Gzip(images) : images);
        folder.Write($"{prefix}-labels-idx1-ubyte{suffix}", gzip ? IdxFiles.Gzip(labels) : labels);
    }

    [Theory]
    [InlineData(StandardSplit.Train, "train", false)]
    [InlineData(StandardSplit.Test, "t10k", true)]
    public void Load_ReadsTheSplitFromAGivenFolder(StandardSplit split, string prefix, bool gzip)
    {
        using var folder = new TempFolder();
        WriteSplit(folder, prefix, 12, gzip);

        InMemoryDataset data = FashionMnist.Load(split, folder.Path);

        Assert.Equal([12, 28, 28], data.Inputs.Shape.ToArray());
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i % 10), data.Labels);
        Assert.Equal(30 / 255f, (float)data.Inputs[0, 1, 2]);
    }

    [Fact]
    public void Load_ThrowsWhenImageAndLabelCountsDiffer()
    {
        using var folder = new TempFolder();
        WriteSplit(folder, "t10k", 5, gzip: false);
        folder.Write("t10k-labels-idx1-ubyte", IdxFiles.Labels(1, 2, 3));

        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(StandardSplit.Test, folder.Path));
        Assert.Contains("5 images", e.Message);
        Assert.Contains("3 labels", e.Message);
    }

    [Fact]
    public void Load_ThrowsNamingTheGivenFolderWhenItLacksTheFiles()
    {
        using var folder = new TempFolder();
        WriteSplit(folder, "t10k", 2, gzip: false);

        var e = Assert.Throws<DirectoryNotFoundException>(() => FashionMnist.Load(StandardSplit.Train, folder.Path));
        Assert.Contains(folder.Path, e.Message);
        Assert.Contains("scripts/setup.sh", e.Message);
    }

    [FashionMnistFact]
    public void Load_ReadsTheInstalledTrainingSplit()
    {
        InMemoryDataset train = FashionMnist.Load(StandardSplit.Train, FashionMnist.SystemFolder);

        Assert.Equal([60000, 28, 28], train.Inputs.Shape.ToArray());
        Assert.Equal(Enumerable.Repeat(6000, 10), train.Labels!.CountBy(l => l).OrderBy(p => p.Key).Select(p => p.Value));
        float[] pixels = train.Inputs.ToArray<float>();
        Assert.Equal(0f, pixels.Min());
        Assert.Equal(1f, pixels.Max());
    }

    [FashionMnistFact]
    public void Load_FindsTheTestSplitWithoutAPath()
    {
        InMemoryDataset test = FashionMnist.Load(StandardSplit.Test);

        Assert.Equal([10000, 28, 28], test.Inputs.Shape.ToArray());
        Assert.All(test.Labels!, l => Assert.InRange(l, 0, 9));
    }
}
