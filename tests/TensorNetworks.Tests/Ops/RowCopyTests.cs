using System.Runtime.InteropServices;

namespace TensorNetworks.Tests.Ops;

public sealed class RowCopyTests
{
    /// <summary>Every length in bytes from 0 to 1100 and a few around <see cref="RowCopy.LongRowBytes"/>, at every byte
    /// offset of source and destination within a vector: the copied bytes are the source's, and the bytes just before and
    /// after the destination row are untouched (the last vector ends exactly at the row's end).</summary>
    [Fact]
    public void Copy_CopiesExactlyTheRowAtEveryLengthAndOffset()
    {
        var random = new Random(11);
        byte[] source = new byte[RowCopy.LongRowBytes + 256];
        random.NextBytes(source);
        int[] lengths = [.. Enumerable.Range(0, 1101), RowCopy.LongRowBytes - 65, RowCopy.LongRowBytes - 1, RowCopy.LongRowBytes, RowCopy.LongRowBytes + 3];
        foreach (int length in lengths)
        {
            foreach ((int from, int to) in new[] { (0, 0), (1, 0), (0, 3), (17, 63), (64, 5) })
            {
                byte[] destination = new byte[length + 200];
                Array.Fill(destination, (byte)0xA5);
                RowCopy.Copy(ref source[from], ref destination[to + 1], length);
                Assert.True(source.AsSpan(from, length).SequenceEqual(destination.AsSpan(to + 1, length)), $"length {length}, offsets {from}, {to}");
                Assert.All(destination.AsSpan(0, to + 1).ToArray(), b => Assert.Equal(0xA5, b));
                Assert.All(destination.AsSpan(to + 1 + length).ToArray(), b => Assert.Equal(0xA5, b));
            }
        }
    }

    /// <summary>Elements wider than a byte (float64) are copied whole, and a copy within one array whose ranges overlap
    /// (either way) moves the values as a memmove does.</summary>
    [Theory]
    [InlineData(0, 8, 500)]
    [InlineData(8, 0, 500)]
    [InlineData(0, 100, 300)]
    [InlineData(100, 0, 300)]
    public void Copy_OfOverlappingFloat64RangesMovesLikeMemmove(int from, int to, int length)
    {
        double[] data = [.. Enumerable.Range(0, 1000).Select(i => i + 0.5)];
        double[] expected = (double[])data.Clone();
        Array.Copy(data, from, expected, to, length);
        RowCopy.Copy(ref data[from], ref data[to], length);
        Assert.Equal(expected, data);
    }

    /// <summary>Rows gathered by an index-select of 1024-float rows through the wide loop equal the source rows.</summary>
    [Fact]
    public void IndexSelect_OfLongRowsEqualsTheSourceRows()
    {
        Tensor rows = TN.Randn(new Generator(2), DType.Float32, 64, 1024);
        int[] indices = [.. Enumerable.Range(0, 300).Select(i => i * 37 % 64)];
        float[] all = rows.ToArray<float>(), selected = rows.IndexSelect(0, indices).ToArray<float>();
        for (int r = 0; r < indices.Length; r++)
            Assert.True(all.AsSpan(indices[r] * 1024, 1024).SequenceEqual(selected.AsSpan(r * 1024, 1024)), $"row {r}");
    }
}
