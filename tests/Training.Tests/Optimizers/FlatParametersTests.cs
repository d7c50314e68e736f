using TensorNetworks.Nn;
using TensorNetworks.Training.Optimizers;

namespace TensorNetworks.Training.Tests.Optimizers;

public class FlatParametersTests
{
    private sealed class Mixed : Module
    {
        public Mixed()
        {
            RegisterParameter("a", TN.Tensor(new double[,] { { 1, 2 }, { 3, 4 } }));
            RegisterParameter("b", TN.Tensor(new float[] { 5, 6, 7 }));
        }
    }

    [Fact]
    public void Values_ConcatenatesRowMajorAcrossDtypes()
    {
        var flat = new FlatParameters(new Mixed().Parameters());
        Assert.Equal(7, flat.Length);
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6, 7 }, flat.Values());
    }

    [Fact]
    public void SetValues_WritesInPlaceAndRoundsFloat32()
    {
        var model = new Mixed();
        Tensor before = model.Parameter("b").Value;
        var flat = new FlatParameters(model.Parameters());

        flat.SetValues([0.1, 0.2, 0.3, 0.4, 0.1, 0.2, 0.3]);

        Assert.Same(before, model.Parameter("b").Value);
        Assert.Equal(new[] { 0.1, 0.2, 0.3, 0.4 }, model.Parameter("a").Value.ToArray<double>());
        Assert.Equal(new[] { 0.1f, 0.2f, 0.3f }, model.Parameter("b").Value.ToArray<float>());
    }

    [Fact]
    public void Gradients_AreZeroForAParameterWithoutOne()
    {
        var model = new Mixed();
        var flat = new FlatParameters(model.Parameters());
        flat.SetGradients([1, 2, 3, 4, 5, 6, 7]);
        model.Parameter("a").ZeroGrad();

        Assert.Equal(new double[] { 0, 0, 0, 0, 5, 6, 7 }, flat.Gradients());
        Assert.Equal(DType.Float32, model.Parameter("b").Grad!.DType);
    }
}
