using TensorNetworks;

namespace TensorNetworks.Tests.Einsum;

public sealed class PairwiseLayoutTests
{
    [Theory]
    [InlineData("ij", "jk", "ik", "Gemm")]
    [InlineData("bij", "bjk", "bik", "BatchedGemm")]
    [InlineData("i", "j", "ij", "Outer")]
    [InlineData("ij", "ij", "ij", "Elementwise")]
    [InlineData("bi", "bj", "bij", "BatchedOuter")]
    [InlineData("ij", "ij", "", "Gemm")]
    [InlineData("ij", "ij", "i", "BatchedGemm")]
    public void Classify_PicksTheExecutionKind(string a, string b, string keep, string expected)
    {
        int[] la = [.. a.Select(c => (int)c)], lb = [.. b.Select(c => (int)c)];
        var layout = PairwiseLayout.Classify(la, lb, l => keep.Contains((char)l), la);
        Assert.Equal(Enum.Parse<PairwiseKind>(expected), layout.Kind);
    }

    [Fact]
    public void Classify_RejectsAPrivateLabelThatShouldHaveBeenSummed()
    {
        int[] la = ['i', 'j'], lb = ['j'];
        Assert.Throws<InvalidOperationException>(() => PairwiseLayout.Classify(la, lb, _ => false, la));
    }
}
