namespace TensorNetworks.Training.Data;

/// <summary>Splits a dataset into disjoint parts that together cover it.</summary>
/// <example><code>
/// var (train, test) = DatasetSplit.TrainTest(dataset, testFraction: 0.2, seed: 3);
/// var loader = new DataLoader(train, batchSize: 32, seed: 3);
/// </code></example>
public static class DatasetSplit
{
    /// <summary>
    /// A seeded random split: round(n · testFraction) samples, chosen by a permutation drawn from
    /// <c>new Generator(seed)</c>, form the test part and the rest the training part; each part lists its
    /// source indices in ascending order. The same (dataset size, fraction, seed) always gives the same split.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="testFraction"/> is not strictly between
    /// 0 and 1, or when it leaves either part empty.</exception>
    /// <example><code>var (train, test) = DatasetSplit.TrainTest(dataset, 0.1, seed: 0); // 90 % / 10 %</code></example>
    public static (Subset Train, Subset Test) TrainTest(IDataset dataset, double testFraction, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!(testFraction > 0 && testFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, $"DatasetSplit.TrainTest: testFraction {testFraction} must be strictly between 0 and 1.");
        int n = dataset.Count;
        int testCount = (int)Math.Round(n * testFraction, MidpointRounding.AwayFromZero);
        if (testCount == 0 || testCount == n)
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction,
                $"DatasetSplit.TrainTest: testFraction {testFraction} of {n} samples gives {testCount} test and {n - testCount} training samples; both parts need at least one. Choose a fraction between {1.0 / n:G3} and {1 - 1.0 / n:G3}.");
        int[] order = EpochOrder.Shuffled(n, new Generator(seed));
        int[] test = order[..testCount];
        int[] train = order[testCount..];
        Array.Sort(test);
        Array.Sort(train);
        return (new Subset(dataset, train), new Subset(dataset, test));
    }
}
