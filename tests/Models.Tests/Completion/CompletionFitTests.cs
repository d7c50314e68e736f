using TensorNetworks.Models.Completion;

namespace TensorNetworks.Models.Tests.Completion;

public sealed class CompletionFitTests
{
    public static TheoryData<CompletionOptions, string> BadOptions => new()
    {
        { new CompletionOptions { MaxSteps = 0 }, "MaxSteps must be at least 1, got 0" },
        { new CompletionOptions { LbfgsIterationsPerStep = 0 }, "LbfgsIterationsPerStep must be at least 1, got 0" },
        { new CompletionOptions { LearningRate = -1 }, "LearningRate must be positive and finite, got -1" },
        { new CompletionOptions { L2Penalty = double.NaN }, "L2Penalty must be finite and >= 0, got NaN" },
        { new CompletionOptions { Tolerance = -1e-3 }, "Tolerance must be finite and >= 0, got -0.001" },
        { new CompletionOptions { InitialScale = 0 }, "InitialScale must be positive and finite, got 0" },
        { new CompletionOptions { Optimizer = (CompletionOptimizer)7 }, "Optimizer must be Lbfgs or Adam, got 7" },
        { new CompletionOptions { Starts = 0 }, "Starts must be at least 1, got 0" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void CheckOptions_ThrowsNamingPropertyAndValue(CompletionOptions options, string expected)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CompletionFit.CheckOptions("CpCompletion", options));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void InitialScale_MatchesTheObservedRootMeanSquare()
    {
        var observed = new ObservedEntries(new Shape(4, 4), [[0, 0], [1, 2]], TN.Tensor(new[] { 3.0, 4.0 }, 2));
        double rms = Math.Sqrt(12.5);
        Assert.Equal(rms, CompletionFit.RootMeanSquare(observed), 1e-12);
        Assert.Equal(2.5, CompletionFit.InitialScale(observed, new CompletionOptions { InitialScale = 2.5 }, _ => 9));
        Assert.Equal(rms / 2, CompletionFit.InitialScale(observed, new CompletionOptions(), r => r / 2), 1e-12);
    }
}
