using TensorNetworks;
using TensorNetworks.Tests.Einsum;

namespace TensorNetworks.Tests.Networks;

public sealed class EnvironmentGradientTests
{
    public static TheoryData<string> Topologies() => ["TensorTrain", "TtMatrix", "Cp", "Tucker", "TensorRing", "BinaryTree", "PepsGrid"];

    private static TensorNetwork Build(string topology, Generator g) => topology switch
    {
        "TensorTrain" => NetworkBuilder.TensorTrain(g, [2, 3, 2, 3], bondDim: 3),
        "TtMatrix" => NetworkBuilder.TtMatrix(g, [2, 3, 2], [3, 2, 2], bondDim: 2),
        "Cp" => NetworkBuilder.Cp(g, [3, 4, 5], rank: 3),
        "Tucker" => NetworkBuilder.Tucker(g, [4, 3, 5], [2, 3, 2]),
        "TensorRing" => NetworkBuilder.TensorRing(g, [2, 3, 2], bondDim: 2),
        "BinaryTree" => NetworkBuilder.BinaryTree(g, [2, 3, 2, 2, 3], bondDim: 2),
        "PepsGrid" => NetworkBuilder.PepsGrid(g, 2, 3, physicalDim: 2, bondDim: 2),
        _ => throw new ArgumentException(topology),
    };

    [Theory]
    [MemberData(nameof(Topologies))]
    public void EnvironmentGradient_EqualsAutodiffForEveryCore(string topology)
    {
        var g = new Generator(21);
        TensorNetwork net = Build(topology, g);
        foreach (Core c in net.Cores) net.SetTensor(c.Name, c.Tensor.RequiringGrad());
        string[] open = [.. net.OpenLegs];
        Tensor w = net.Contract(open);
        Tensor y = TN.Randn(g, DType.Float64, w.Shape.ToArray());
        Tensor[] autodiff = Gradients.Of((w * y).Sum(), [.. net.Cores.Select(c => c.Tensor)]);

        for (int i = 0; i < net.Cores.Count; i++)
        {
            Tensor env = net.EnvironmentGradient(net.Cores[i].Name, y, open);
            EinsumTests.AssertClose(autodiff[i].ToArray<double>(), env.ToArray<double>(), 1e-10, $"{topology} core {net.Cores[i].Name}");
        }
    }

    [Fact]
    public void EnvironmentGradient_SumsOverCoresSharingOneTensor()
    {
        var g = new Generator(22);
        Tensor shared = TN.Randn(g, DType.Float64, 2, 3, 2).RequiringGrad();
        Tensor left = TN.Randn(g, DType.Float64, 3, 2), right = TN.Randn(g, DType.Float64, 2, 3);
        var net = new TensorNetwork();
        net.Add("L", left, "p0", "b0-1");
        net.Add("S1", shared, "b0-1", "p1", "b1-2");
        net.Add("S2", shared, "b1-2", "p2", "b2-3");
        net.Add("R", right, "b2-3", "p3");
        string[] open = [.. net.OpenLegs];
        Tensor w = net.Contract(open);
        Tensor y = TN.Randn(g, DType.Float64, w.Shape.ToArray());
        Tensor autodiff = Gradients.Of((w * y).Sum(), [shared])[0];
        Tensor env = net.EnvironmentGradient(shared, y, open);
        EinsumTests.AssertClose(autodiff.ToArray<double>(), env.ToArray<double>(), 1e-10, "shared");
    }

    [Fact]
    public void EnvironmentGradient_BroadcastsOverASummedOpenLeg()
    {
        var g = new Generator(23);
        var mps = NetworkBuilder.TensorTrain(g, [2, 3, 2], bondDim: 2);
        foreach (Core c in mps.Cores) mps.SetTensor(c.Name, c.Tensor.RequiringGrad());
        Tensor w = mps.Contract("p0", "p2");
        Tensor y = TN.Randn(g, DType.Float64, w.Shape.ToArray());
        Tensor autodiff = Gradients.Of((w * y).Sum(), [mps["A1"].Tensor])[0];
        Tensor env = mps.EnvironmentGradient("A1", y, "p0", "p2");
        EinsumTests.AssertClose(autodiff.ToArray<double>(), env.ToArray<double>(), 1e-10, "summed leg");
    }
}
