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

    [Fact]
    public void Networks_HoldOneDType_AddSetTensorAndSetTensorsNameTheCoreTheyWouldMeet()
    {
        var net = NetworkBuilder.TensorTrain(new Generator(1), [2, 3, 2], bondDim: 2);
        DType other = net["A0"].Tensor.DType == DType.Float64 ? DType.Float32 : DType.Float64;

        var add = Assert.Throws<ArgumentException>(() => net.Add("X", TN.Zeros(other, 2), "p0"));
        Assert.Contains($"Add X: the tensor is {other} but core A0 is", add.Message);
        var set = Assert.Throws<ArgumentException>(() => net.SetTensor("A1", net["A1"].Tensor.To(other)));
        Assert.Contains($"SetTensor A1: the tensor is {other} but core A0 is", set.Message);
        var some = Assert.Throws<ArgumentException>(() => net.SetTensors(new Dictionary<string, Tensor> { ["A2"] = net["A2"].Tensor.To(other) }));
        Assert.Contains($"core A2 would be {other} but core A0", some.Message);

        net.SetTensors(net.Cores.ToDictionary(c => c.Name, c => c.Tensor.To(other)));
        Assert.All(net.Cores, c => Assert.Equal(other, c.Tensor.DType));
        Assert.Equal([2, 3, 2], net.Contract("p0", "p1", "p2").Shape.ToArray());
    }

    private sealed class Tolerance(double eps) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= eps;
        public int GetHashCode(double obj) => 0;
    }
}
