namespace TensorNetworks.Training.Data;

/// <summary>The published parts of a benchmark dataset such as Fashion-MNIST.</summary>
/// <example><code>InMemoryDataset test = FashionMnist.Load(StandardSplit.Test);</code></example>
public enum StandardSplit
{
    /// <summary>The training part (60,000 images for Fashion-MNIST).</summary>
    Train,

    /// <summary>The test part (10,000 images for Fashion-MNIST).</summary>
    Test,
}
