using TensorNetworks;

namespace TensorNetworks.Tests.Autodiff;

public sealed class GradientTableTests
{
    [Fact]
    public void Sum_WritesIntoTheOwnedOperand()
    {
        Tensor owned = TN.Tensor(new[] { 1.0, 2.0 }, 2), other = TN.Tensor(new[] { 10.0, 20.0 }, 2);
        var (sum, isOwned) = GradientTable.Sum((other, false), (owned, true));
        Assert.Same(owned, sum);
        Assert.True(isOwned);
        Assert.Equal([11.0, 22.0], sum.ToArray<double>());
        Assert.Equal([10.0, 20.0], other.ToArray<double>());
    }

    [Fact]
    public void Sum_AllocatesWhenNeitherOperandIsOwned()
    {
        Tensor a = TN.Tensor(new[] { 1.0, 2.0 }, 2), b = TN.Tensor(new[] { 10.0, 20.0 }, 2);
        var (sum, isOwned) = GradientTable.Sum((a, false), (b, false));
        Assert.True(isOwned);
        Assert.False(sum.SharesStorageWith(a) || sum.SharesStorageWith(b));
        Assert.Equal([1.0, 2.0], a.ToArray<double>());
        Assert.Equal([11.0, 22.0], sum.ToArray<double>());
    }

    [Fact]
    public void Sum_NeverWritesIntoStorageBothOperandsShare()
    {
        Tensor a = TN.Tensor(new[] { 1.0, 2.0 }, 2);
        var (sum, _) = GradientTable.Sum((a, true), (a.Reshape(2), false));
        Assert.Equal([2.0, 4.0], sum.ToArray<double>());
        Assert.Equal([1.0, 2.0], a.ToArray<double>());
    }

    [Fact]
    public void Accumulate_SumsRepeatedTerms()
    {
        var table = new GradientTable(1);
        Tensor key = TN.Zeros(2);
        table.Accumulate(key, TN.Tensor(new[] { 1f, 2f }, 2), owned: false);
        table.Accumulate(key, TN.Tensor(new[] { 3f, 4f }, 2), owned: true);
        table.Accumulate(key, TN.Tensor(new[] { 5f, 6f }, 2), owned: false);
        Assert.True(table.Remove(key, out Tensor g, out bool owned));
        Assert.True(owned);
        Assert.Equal([9f, 12f], g.ToArray<float>());
        Assert.False(table.Remove(key, out _, out _));
    }
}
