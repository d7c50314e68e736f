namespace TensorNetworks.Tests.Networks;

public class SetTensorsTests
{
    [Fact]
    public void SetTensors_ResizesABondWhenBothCarriersChange()
    {
        var net = NetworkBuilder.TensorTrain(new Generator(1), [2, 3, 2], bondDim: 2);
        string bond = NetworkBuilder.Bond(0);
        var gen = new Generator(2);
        Tensor a0 = TN.Randn(gen, 2, 5).To(DType.Float64), a1 = TN.Randn(gen, 5, 3, 2).To(DType.Float64);
        net.SetTensors(new Dictionary<string, Tensor> { ["A0"] = a0, ["A1"] = a1 });
        Assert.Equal(5, net.SizeOf(bond));
        Assert.Same(a0, net["A0"].Tensor);
        Tensor full = net.Contract("p0", "p1", "p2");
        Tensor expected = TN.Einsum("ab,bcd,de->ace", a0, a1, net["A2"].Tensor);
        Assert.Equal(expected.ToArray<double>(), full.ToArray<double>(), new Tolerance(1e-12));
    }

    [Fact]
    public void SetTensors_RefusesAHalfResizedBondAndLeavesTheNetworkUnchanged()
    {
        var net = NetworkBuilder.TensorTrain(new Generator(1), [2, 3, 2], bondDim: 2);
        Tensor before = net["A0"].Tensor;
        var e = Assert.Throws<ArgumentException>(() => net.SetTensors(new Dictionary<string, Tensor> { ["A0"] = TN.Zeros(2, 5).To(DType.Float64) }));
        Assert.Contains("\"b0-1\"", e.Message);
        Assert.Same(before, net["A0"].Tensor);
        Assert.Equal(2, net.SizeOf("b0-1"));
    }

    [Fact]
    public void SetTensors_RefusesWrongAxisCount()
    {
        var net = NetworkBuilder.TensorTrain(new Generator(1), [2, 3, 2], bondDim: 2);
        var e = Assert.Throws<ArgumentException>(() => net.SetTensors(new Dictionary<string, Tensor> { ["A1"] = TN.Zeros(2, 3).To(DType.Float64) }));
        Assert.Contains("3 legs", e.Message);
    }

    private sealed class Tolerance(double eps) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= eps;
        public int GetHashCode(double obj) => 0;
    }
}
