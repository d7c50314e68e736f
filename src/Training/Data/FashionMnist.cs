namespace TensorNetworks.Training.Data;

/// <summary>
/// Loads Fashion-MNIST (Zalando's 28 × 28 grey clothing images in ten classes; 60,000 for training,
/// 10,000 for testing) from its IDX files, gzip-compressed or not. The Debian package
/// <c>dataset-fashion-mnist</c> (installed by scripts/setup.sh) puts them in <see cref="SystemFolder"/>.
/// </summary>
/// <example><code>
/// InMemoryDataset train = FashionMnist.Load(StandardSplit.Train); // Inputs [60000, 28, 28] in [0, 1]
/// var loader = new DataLoader(train, batchSize: 128, seed: 1);
/// </code></example>
public static class FashionMnist
{
    /// <summary>Where the Debian package <c>dataset-fashion-mnist</c> installs the files.</summary>
    public const string SystemFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The folder name looked for under <c>$TN_DATA</c> and the repository's <c>data/</c>.</summary>
    public const string FolderName = "fashion-mnist";

    /// <summary>
    /// The images (Float32 [n, 28, 28], pixel / 255) and labels (0..9) of <paramref name="split"/>, read from
    /// <c>train-images-idx3-ubyte[.gz]</c> and <c>train-labels-idx1-ubyte[.gz]</c> (or the <c>t10k-</c> files).
    /// Without <paramref name="folder"/> the files are searched for in <c>$TN_DATA/fashion-mnist</c>, the
    /// repository's <c>data/fashion-mnist</c>, then <see cref="SystemFolder"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">When no folder holds the files; the message lists every
    /// folder tried and says to run scripts/setup.sh.</exception>
    /// <exception cref="InvalidDataException">When a file is corrupt or truncated (naming the file and offset),
    /// or the image and label counts differ.</exception>
    /// <example><code>InMemoryDataset test = FashionMnist.Load(StandardSplit.Test, "/data/fashion"); // 10000 samples</code></example>
    public static InMemoryDataset Load(StandardSplit split, string? folder = null)
    {
        string found = DataLocator.Find($"Fashion-MNIST ({split})", folder, FolderName, [SystemFolder], f => HoldsSplit(f, split));
        string imagesPath = FileIn(found, ImagesName(split))!;
        string labelsPath = FileIn(found, LabelsName(split))!;
        Tensor images = Idx.ReadImages(imagesPath);
        int[] labels = Idx.ReadLabels(labelsPath);
        if (labels.Length != images.Size(0))
            throw new InvalidDataException($"FashionMnist: \"{imagesPath}\" holds {images.Size(0)} images but \"{labelsPath}\" holds {labels.Length} labels; the two files must come from the same split.");
        return new InMemoryDataset(images, labels: labels);
    }

    internal static bool HoldsSplit(string folder, StandardSplit split)
        => FileIn(folder, ImagesName(split)) is not null && FileIn(folder, LabelsName(split)) is not null;

    private static string ImagesName(StandardSplit split) => $"{Prefix(split)}-images-idx3-ubyte";

    private static string LabelsName(StandardSplit split) => $"{Prefix(split)}-labels-idx1-ubyte";

    private static string Prefix(StandardSplit split) => split == StandardSplit.Train ? "train" : "t10k";

    /// <summary>The gzip file <c>name.gz</c> or the plain file <c>name</c> in <paramref name="folder"/>, or null.</summary>
    private static string? FileIn(string folder, string name)
    {
        string gz = Path.Combine(folder, name + ".gz");
        if (File.Exists(gz)) return gz;
        string plain = Path.Combine(folder, name);
        return File.Exists(plain) ? plain : null;
    }
}
