using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

public class IdxArrayTests
{
    public static TheoryData<IdxElementType, double[]> TypedValues => new()
    {
        { IdxElementType.UnsignedByte, [0, 128, 255] },
        { IdxElementType.SignedByte, [-128, -1, 127] },
        { IdxElementType.Int16, [-32768, 258, 32767] },
        { IdxElementType.Int32, [int.MinValue, 16909060, int.MaxValue] },
        { IdxElementType.Float32, [-1.5, 0.1f, float.MaxValue] },
        { IdxElementType.Float64, [-1.5, 0.1, double.Epsilon] },
    };

    [Theory]
    [MemberData(nameof(TypedValues))]
    public void Indexer_DecodesBigEndianValuesOfEachType(IdxElementType type, double[] values)
    {
        using var folder = new TempFolder();
        IdxArray array = Idx.Read(folder.Write("typed.idx", IdxFiles.Build(type, [values.Length], values)));

        Assert.Equal(type, array.ElementType);
        Assert.Equal(values.Length, array.Count);
        for (int i = 0; i < values.Length; i++) Assert.Equal(values[i], array[i]);
    }

    [Fact]
    public void Indexer_ThrowsOutsideTheValues()
    {
        using var folder = new TempFolder();
        IdxArray array = Idx.Read(folder.Write("small.idx", IdxFiles.Build(IdxElementType.Int16, [2], 1, 2)));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => array[2]);
        Assert.Contains("[0, 2)", e.Message);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void ToTensor_KeepsShapeAndValues(DType dtype)
    {
        using var folder = new TempFolder();
        IdxArray array = Idx.Read(folder.Write("t.idx", IdxFiles.Build(IdxElementType.SignedByte, [2, 1, 3], -3, -2, -1, 1, 2, 3)));

        Tensor t = array.ToTensor(dtype);

        Assert.Equal(dtype, t.DType);
        Assert.Equal([2, 1, 3], t.Shape.ToArray());
        Assert.Equal([-3.0, -2, -1, 1, 2, 3], t.ToArray<double>());
    }
}
