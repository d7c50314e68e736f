using TensorNetworks;

namespace TensorNetworks.Tests.Tensors;

public sealed class SizeClassTests
{
    [Fact]
    public void Of_GivesTheSmallestClassThatHoldsTheLength()
    {
        var random = new Random(17);
        for (int trial = 0; trial < 10_000; trial++)
        {
            int length = random.Next(4, int.MaxValue);
            int c = SizeClass.Of(length);
            Assert.True(SizeClass.LengthOf(c) >= length, $"class {c} of {length} holds {SizeClass.LengthOf(c)}");
            Assert.True(SizeClass.LengthOf(c - 1) < length, $"class {c - 1} already holds {length}");
        }
    }

    [Theory]
    [InlineData(1 << 16, 1 << 16)]
    [InlineData((1 << 16) + 1, 5 << 14)]
    [InlineData(1 << 20, 1 << 20)]
    [InlineData(1_000_000, 1 << 20)]
    [InlineData(300_000, 5 << 16)]
    public void LengthOf_RoundsUpByAtMostAQuarter(int length, long expected)
    {
        long rounded = SizeClass.LengthOf(SizeClass.Of(length));
        Assert.Equal(expected, rounded);
        Assert.True(rounded <= length * 1.25);
    }
}
