using TensorNetworks.Nn;

namespace TensorNetworks.Training.Tests.Nn;

public class ModuleTests
{
    private sealed class Leaf : Module
    {
        public Leaf() => RegisterParameter("weight", TN.Ones(2, 3));
    }

    private sealed class Tree : Module
    {
        public Tree()
        {
            RegisterParameter("scale", TN.Ones(1));
            RegisterModule("first", new Leaf());
            RegisterModule("second", new Leaf());
        }

        public void RegisterAgain(string name) => RegisterParameter(name, TN.Ones(1));
    }

    [Fact]
    public void NamedParameters_AreDottedPathsInRegistrationOrder()
    {
        var tree = new Tree();
        Assert.Equal(["scale", "first.weight", "second.weight"], tree.NamedParameters().Select(p => p.Key));
        Assert.Equal(13, tree.ParameterCount);
        Assert.True(tree.Parameter("second.weight").Value.RequiresGrad);
    }

    [Fact]
    public void Register_ThrowsForDuplicateOrDottedNames()
    {
        var tree = new Tree();
        Assert.Contains("already registered", Assert.Throws<ArgumentException>(() => tree.RegisterAgain("first")).Message);
        Assert.Throws<ArgumentException>(() => tree.RegisterAgain("a.b"));
    }

    [Fact]
    public void Parameter_ThrowsListingKnownPaths()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => new Tree().Parameter("third.weight"));
        Assert.Contains("first.weight", e.Message);
    }

    [Fact]
    public void Eval_PropagatesToChildren()
    {
        var tree = new Tree();
        tree.Eval();
        Assert.All(tree.Children, c => Assert.False(c.Value.IsTraining));
        tree.Train();
        Assert.All(tree.Children, c => Assert.True(c.Value.IsTraining));
    }

    [Fact]
    public void SettingValue_DetachesAndRequiresGrad()
    {
        var tree = new Tree();
        Parameter p = tree.Parameter("scale");
        var computed = p.Value * 2.0;
        p.Value = computed;
        Assert.True(p.Value.IsLeaf);
        Assert.True(p.Value.RequiresGrad);
        Assert.Equal(2.0, p.Value[0]);
    }
}
