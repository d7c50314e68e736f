using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

public class MnistTests
{
    [Fact]
    public void Load_ReadsTheGivenPrefixFolder()
    {
        using var folder = new TempFolder();
        MnistPackage.WritePackage(folder, _ => 2);

        InMemoryDataset digits = Mnist.Load(folder.Path);

        Assert.Equal(20, digits.Count);
        Assert.Equal(9, digits.Labels![19]);
    }

    [Fact]
    public void Load_ThrowsNamingTheGivenFolderAndSetup()
    {
        using var folder = new TempFolder();

        var e = Assert.Throws<DirectoryNotFoundException>(() => Mnist.Load(folder.Path));
        Assert.Contains(folder.Path, e.Message);
        Assert.Contains("scripts/setup.sh", e.Message);
        Assert.Contains("TN_DATA", e.Message);
    }

    [MnistPackageFact]
    public void Load_FindsTheInstalledPackageWithoutAPath()
    {
        InMemoryDataset digits = Mnist.Load();

        Assert.Equal(10000, digits.Count);
        Assert.All(digits.Labels!, l => Assert.InRange(l, 0, 9));
    }
}
