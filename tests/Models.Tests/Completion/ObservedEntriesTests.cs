using TensorNetworks.Models.Completion;

namespace TensorNetworks.Models.Tests.Completion;

public sealed class ObservedEntriesTests
{
    [Fact]
    public void FromMask_TakesMaskedEntriesInRowMajorOrderAndIgnoresTheRest()
    {
        Tensor x = TN.Tensor(new[] { 1.0, double.NaN, 3.0, 4.0, double.PositiveInfinity, 6.0 }, 2, 3);
        Tensor mask = TN.Tensor(new[] { 1.0, 0, 1, 1, 0, 1 }, 2, 3);
        var observed = ObservedEntries.FromMask(x, mask);
        Assert.Equal(4, observed.Count);
        Assert.Equal([0, 0, 1, 1], observed.ModeIndices(0));
        Assert.Equal([0, 2, 0, 2], observed.ModeIndices(1));
        Assert.Equal([1.0, 3, 4, 6], observed.Values.ToArray<double>());
        Assert.Equal(mask.ToArray<double>(), observed.ToMask().ToArray<double>());
        Assert.Equal(4 / 6.0, observed.Fraction, 1e-15);
    }

    [Fact]
    public void FromMask_KeepsTheTensorsDType()
    {
        var observed = ObservedEntries.FromMask(TN.Ones(DType.Float32, 2, 2), TN.Ones(DType.Float64, 2, 2));
        Assert.Equal(DType.Float32, observed.DType);
    }

    [Fact]
    public void FromMask_ThrowsForMaskOfWrongShapeNamingBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => ObservedEntries.FromMask(TN.Zeros(DType.Float64, 4, 5, 6), TN.Ones(DType.Float64, 4, 6, 5)));
        Assert.Contains("[4, 6, 5]", e.Message);
        Assert.Contains("[4, 5, 6]", e.Message);
    }

    [Fact]
    public void FromMask_ThrowsForEmptyObservedSet()
    {
        var e = Assert.Throws<ArgumentException>(() => ObservedEntries.FromMask(TN.Ones(DType.Float64, 3, 3), TN.Zeros(DType.Float64, 3, 3)));
        Assert.Contains("nothing is observed", e.Message);
    }

    [Fact]
    public void FromMask_ThrowsForNonBinaryMaskNamingValueAndPosition()
    {
        Tensor mask = TN.Tensor(new[] { 1.0, 0, 0.5, 1 }, 2, 2);
        var e = Assert.Throws<ArgumentException>(() => ObservedEntries.FromMask(TN.Ones(DType.Float64, 2, 2), mask));
        Assert.Contains("0.5", e.Message);
        Assert.Contains("(1, 0)", e.Message);
    }

    [Fact]
    public void FromMask_ThrowsForNonFiniteObservedEntry()
    {
        Tensor x = TN.Tensor(new[] { 1.0, double.NaN }, 2);
        var e = Assert.Throws<ArgumentException>(() => ObservedEntries.FromMask(x, TN.Ones(DType.Float64, 2)));
        Assert.Contains("(1)", e.Message);
    }

    [Fact]
    public void Constructor_StoresIndicesAndValues()
    {
        var observed = new ObservedEntries(new Shape(3, 4), [[2, 3], [0, 1]], TN.Tensor(new[] { 5.0, -1.0 }, 2));
        Assert.Equal([2, 0], observed.ModeIndices(0));
        Assert.Equal([3, 1], observed.ModeIndices(1));
        Assert.Equal(12, observed.ToMask().ElementCount);
        Assert.Equal(2, observed.ToMask().Sum().Item());
    }

    [Fact]
    public void Constructor_ThrowsForEmptyIndexList()
    {
        var e = Assert.Throws<ArgumentException>(() => new ObservedEntries(new Shape(3, 4), [], TN.Zeros(DType.Float64, 0)));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void Constructor_ThrowsForOutOfRangeIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => new ObservedEntries(new Shape(3, 4), [[1, 4]], TN.Ones(DType.Float64, 1)));
        Assert.Contains("(1, 4)", e.Message);
        Assert.Contains("mode 1", e.Message);
    }

    [Fact]
    public void Constructor_ThrowsForRepeatedIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => new ObservedEntries(new Shape(3, 4), [[1, 2], [0, 0], [1, 2]], TN.Ones(DType.Float64, 3)));
        Assert.Contains("index 2 (1, 2) repeats index 0", e.Message);
    }

    [Fact]
    public void Constructor_ThrowsForIndexOfWrongLength()
    {
        var e = Assert.Throws<ArgumentException>(() => new ObservedEntries(new Shape(3, 4), [[1, 2, 0]], TN.Ones(DType.Float64, 1)));
        Assert.Contains("3 entries", e.Message);
    }

    [Fact]
    public void Constructor_ThrowsForValueCountMismatch()
    {
        var e = Assert.Throws<ArgumentException>(() => new ObservedEntries(new Shape(3, 4), [[1, 2], [0, 0]], TN.Ones(DType.Float64, 3)));
        Assert.Contains("[3]", e.Message);
    }
}
