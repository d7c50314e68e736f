using TensorNetworks.Nn;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Training.Tests.Schemes;

public class TwoSiteSweepPrepareTests
{
    private static TwoSiteSweep Sweep() => new(maxBondDim: 4, innerOptimizer: _ => throw new InvalidOperationException("no step may run"));

    [Fact]
    public void Prepare_RejectsATensorRingBeforeTraining()
    {
        var ring = new NetworkModule(NetworkBuilder.TensorRing(new Generator(1), [2, 2, 2], bondDim: 2));
        var e = Assert.Throws<ArgumentException>(() => Sweep().Prepare(ring));
        Assert.Contains("not an open chain", e.Message);
    }

    [Fact]
    public void Prepare_RejectsATree()
    {
        var tree = new NetworkModule(NetworkBuilder.BinaryTree(new Generator(1), [2, 2, 2, 2], bondDim: 2));
        var e = Assert.Throws<ArgumentException>(() => Sweep().Prepare(tree));
        Assert.Contains("chain", e.Message);
    }

    [Fact]
    public void Prepare_RejectsAHyperedge()
    {
        var cp = new NetworkModule(NetworkBuilder.Cp(new Generator(1), [2, 3, 4], rank: 2));
        var e = Assert.Throws<ArgumentException>(() => Sweep().Prepare(cp));
        Assert.Contains("hyperedge", e.Message);
    }

    [Fact]
    public void Prepare_RejectsAModuleThatIsNotANetwork()
    {
        var e = Assert.Throws<ArgumentException>(() => Sweep().Prepare(new MatrixFactorization(new Generator(1), 3, 3, 1)));
        Assert.Contains("NetworkModule", e.Message);
    }

    [Fact]
    public void Prepare_AcceptsATensorTrainAndReportsItsBonds()
    {
        var tt = new NetworkModule(NetworkBuilder.TensorTrain(new Generator(1), [2, 3, 3, 2], bondDims: [2, 3, 2]));
        var sweep = Sweep();
        sweep.Prepare(tt);
        Assert.Equal([2, 3, 2], sweep.BondDims(tt));
    }

    [Theory]
    [InlineData(0, 1, 0.0)]
    [InlineData(2, 0, 0.0)]
    [InlineData(2, 1, 1.0)]
    public void Constructor_ValidatesArguments(int maxBondDim, int innerSteps, double cutoff)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TwoSiteSweep(maxBondDim, _ => null!, innerSteps, cutoff));
        Assert.Contains("got", e.Message);
    }
}
