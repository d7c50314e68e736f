using TensorNetworks.Nn;

namespace TensorNetworks.Training.Tests.Nn;

public class SequentialTests
{
    [Fact]
    public void NamedParameters_ArePrefixedByLayerPosition()
    {
        var gen = new Generator(1);
        var model = new Sequential(new Linear(4, 8, gen), new ReLU(), new Linear(8, 2, gen, bias: false));

        Assert.Equal(["0.weight", "0.bias", "2.weight"], model.NamedParameters().Select(p => p.Key));
        Assert.Same(((Linear)model[2]).Weight, model.Parameter("2.weight"));
        Assert.Equal(3, model.Count);
    }

    [Fact]
    public void Forward_AppliesTheLayersInOrder()
    {
        var gen = new Generator(2);
        var first = new Linear(3, 4, gen, dtype: DType.Float64);
        var second = new Linear(4, 2, gen, dtype: DType.Float64);
        var model = new Sequential(first, new Tanh(), second);
        Tensor x = TN.Randn(gen, DType.Float64, 5, 3);

        Tensor expected = second.Forward(first.Forward(x).Tanh());

        Assert.Equal(expected.ToArray<double>(), model.Forward(x).ToArray<double>());
    }

    [Fact]
    public void Eval_ReachesTheLayers()
    {
        var model = new Sequential(new Dropout(0.5, new Generator(3)), new ReLU());
        model.Eval();
        Assert.False(model[0].IsTraining);
    }

    [Fact]
    public void Constructor_ThrowsForNoLayers()
    {
        Assert.Throws<ArgumentException>(() => new Sequential());
    }
}
