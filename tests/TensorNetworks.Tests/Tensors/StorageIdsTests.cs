using TensorNetworks;

namespace TensorNetworks.Tests.Tensors;

public sealed class StorageIdsTests
{
    [Fact]
    public void TakenAfter_HoldsForLaterIdsOfTheSameThread()
    {
        long mark = StorageIds.Next();
        long later = StorageIds.Next();
        Assert.True(StorageIds.TakenAfter(later, mark));
        Assert.False(StorageIds.TakenAfter(mark, later));
        Assert.False(StorageIds.TakenAfter(mark, mark));
    }

    [Fact]
    public void TakenAfter_IsFalseForIdsOfAnotherThread()
    {
        long mark = StorageIds.Next();
        long other = 0;
        var thread = new Thread(() => other = StorageIds.Next());
        thread.Start();
        thread.Join();
        Assert.NotEqual(mark >> 40, other >> 40);
        Assert.False(StorageIds.TakenAfter(other, mark));
    }

    [Fact]
    public void Views_KeepTheirSourcesId()
    {
        Tensor t = TN.Zeros(2, 3);
        Assert.Equal(t.StorageId, t.Reshape(6).StorageId);
        Assert.NotEqual(t.StorageId, t.Clone().StorageId);
    }
}
