using System.Buffers.Binary;
using System.Text;
using TensorNetworks.IO;

namespace TensorNetworks.Tests.IO;

public sealed class NpyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A .npy file made of the magic, an explicit version, the header text (unpadded) and data bytes.</summary>
    private string WriteRaw(byte major, string header, byte[] data, string name = "raw.npy")
    {
        byte[] text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetBytes(header);
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', major, 0 };
        if (major == 1) bytes.AddRange([(byte)text.Length, (byte)(text.Length >> 8)]);
        else bytes.AddRange(BitConverter.GetBytes((uint)text.Length));
        bytes.AddRange(text);
        bytes.AddRange(data);
        string path = _dir.File(name);
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }

    private static byte[] Bytes(params double[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();

    [Fact]
    public void Load_ReadsAHandWrittenVersion1File()
    {
        string path = WriteRaw(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }          \n", Bytes(1, 2, 3, 4, 5, 6));
        Tensor t = Npy.Load(path);
        Assert.Equal(DType.Float64, t.DType);
        Assert.Equal(new Shape(2, 3), t.Shape);
        Assert.Equal(6.0, t[1, 2]);
        Assert.Equal(2.0, t[0, 1]);
    }

    [Fact]
    public void Load_ReturnsFortranOrderDataInRowMajorOrder()
    {
        // Column-major storage of [[1, 2, 3], [4, 5, 6]] is 1, 4, 2, 5, 3, 6.
        string path = WriteRaw(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }\n", Bytes(1, 4, 2, 5, 3, 6));
        Tensor t = Npy.Load(path);
        Assert.Equal(new Shape(2, 3), t.Shape);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], t.ToArray<double>());
    }

    [Fact]
    public void Load_ReturnsThreeAxisFortranOrderDataInRowMajorOrder()
    {
        // Element (i, j, k) of shape (2, 3, 2) sits at i + 2j + 6k in column-major order; give it the value 100i + 10j + k.
        var column = new double[12];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 2; k++)
                    column[i + 2 * j + 6 * k] = 100 * i + 10 * j + k;
        Tensor t = Npy.Load(WriteRaw(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3, 2), }\n", Bytes(column)));
        Assert.Equal(new Shape(2, 3, 2), t.Shape);
        Assert.Equal(121.0, t[1, 2, 1]);
        Assert.Equal(110.0, t[1, 1, 0]);
        Assert.Equal(1.0, t[0, 0, 1]);
    }

    [Fact]
    public void Load_SwapsBigEndianData()
    {
        byte[] f4 = [0x3F, 0x80, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00]; // 1.0f, -2.0f big-endian
        Tensor a = Npy.Load(WriteRaw(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }\n", f4, "f4.npy"));
        Assert.Equal(DType.Float32, a.DType);
        Assert.Equal([1f, -2f], a.ToArray<float>());

        byte[] f8 = [0x40, 0x09, 0x21, 0xFB, 0x54, 0x44, 0x2D, 0x18]; // pi big-endian
        Tensor b = Npy.Load(WriteRaw(1, "{'descr': '>f8', 'fortran_order': False, 'shape': (), }\n", f8, "f8.npy"));
        Assert.Equal(0, b.Order);
        Assert.Equal(Math.PI, b.Item());
    }

    [Fact]
    public void Load_ConvertsIntegersToFloat64()
    {
        Tensor i4 = Npy.Load(WriteRaw(1, "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }\n", [0xFF, 0xFF, 0xFF, 0xFF, 7, 0, 0, 0], "i4.npy"));
        Assert.Equal([-1.0, 7.0], i4.ToArray<double>());
        Tensor i8 = Npy.Load(WriteRaw(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }\n", BitConverter.GetBytes(-123456789012L), "i8.npy"));
        Assert.Equal([-123456789012.0], i8.ToArray<double>());
        Tensor u1 = Npy.Load(WriteRaw(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (3,), }\n", [0, 128, 255], "u1.npy"));
        Assert.Equal(DType.Float64, u1.DType);
        Assert.Equal([0.0, 128, 255], u1.ToArray<double>());
        Tensor bigI4 = Npy.Load(WriteRaw(1, "{'descr': '>i4', 'fortran_order': False, 'shape': (1,), }\n", [0, 0, 1, 0], "bi4.npy"));
        Assert.Equal([256.0], bigI4.ToArray<double>());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Load_ReadsVersion2And3Headers(byte major)
    {
        string path = WriteRaw(major, "{\"descr\": \"<f4\", \"shape\": (3,), \"fortran_order\": False}\n", BitConverter.GetBytes(1f).Concat(BitConverter.GetBytes(2f)).Concat(BitConverter.GetBytes(3f)).ToArray());
        Assert.Equal([1f, 2f, 3f], Npy.Load(path).ToArray<float>());
    }

    [Fact]
    public void Load_AcceptsPython2LongSuffixes()
    {
        string path = WriteRaw(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1L, 2L), }\n", Bytes(5, 6));
        Assert.Equal(new Shape(1, 2), Npy.Load(path).Shape);
    }

    public static TheoryData<DType, int[]> Shapes => new()
    {
        { DType.Float32, [] }, { DType.Float32, [5] }, { DType.Float32, [2, 3, 4] },
        { DType.Float64, [] }, { DType.Float64, [5] }, { DType.Float64, [2, 3, 4] },
        { DType.Float64, [0] }, { DType.Float32, [3, 0] }, { DType.Float32, [1100, 1000] }, { DType.Float64, [3, 200_001] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Save_RoundTripsShapesAndDTypes(DType dtype, int[] dims)
    {
        Tensor t = TN.Randn(new Generator(3), dtype, dims);
        string path = _dir.File("t.npy");
        Npy.Save(path, t);
        Tensor back = Npy.Load(path);
        Assert.Equal(t.Shape, back.Shape);
        Assert.Equal(dtype, back.DType);
        Assert.Equal(t.ToArray<double>(), back.ToArray<double>());
        Assert.Equal(["t.npy"], _dir.Names());
    }

    [Fact]
    public void Save_WritesNumpysVersion1HeaderWithDataAtAMultipleOf64()
    {
        string path = _dir.File("t.npy");
        Npy.Save(path, TN.Ones(DType.Float64, 3, 4));
        byte[] bytes = File.ReadAllBytes(path);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        Assert.Equal([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0], bytes[..8]);
        Assert.Equal(0, (10 + headerLength) % 64);
        string header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.Equal("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }", header.TrimEnd());
        Assert.EndsWith(" \n", header);
        Assert.Equal(10 + headerLength + 96, bytes.Length);
    }

    [Theory]
    [InlineData(new[] { 5 }, "'shape': (5,), }")]
    [InlineData(new int[0], "'shape': (), }")]
    public void Save_WritesOneAndZeroAxisShapesAsPythonTuples(int[] dims, string expected)
    {
        string path = _dir.File("t.npy");
        Npy.Save(path, TN.Zeros(dims));
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Contains("'descr': '<f4'", Encoding.ASCII.GetString(bytes));
        Assert.Contains(expected, Encoding.ASCII.GetString(bytes));
    }

    [Fact]
    public void Load_ThrowsForAMissingMagicString()
    {
        string path = _dir.File("bad.npy");
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("NUMPY and more"));
        AssertCorrupt(path, 0, "magic");
    }

    [Fact]
    public void Load_ThrowsForAnUnsupportedVersion()
    {
        string path = WriteRaw(4, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n", Bytes(1));
        AssertCorrupt(path, 6, "version 4.0");
    }

    [Fact]
    public void Load_ThrowsForAFileCutInsideTheVersionOrHeaderLength()
    {
        string path = _dir.File("cut.npy");
        File.WriteAllBytes(path, [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1]);
        AssertCorrupt(path, 7, "version");
        File.WriteAllBytes(path, [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 10]);
        AssertCorrupt(path, 9, "header length");
    }

    [Fact]
    public void Load_ThrowsForAHeaderLengthBeyondTheFile()
    {
        string path = _dir.File("cut.npy");
        File.WriteAllBytes(path, [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 0xFF, 0x00, (byte)'{', (byte)'}']);
        AssertCorrupt(path, 8, "255");
    }

    [Fact]
    public void Load_ThrowsForTruncatedData()
    {
        string path = _dir.File("t.npy");
        Npy.Save(path, TN.Ones(DType.Float64, 3, 4));
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^3]);
        AssertCorrupt(path, bytes.Length - 3, "truncated");
    }

    [Fact]
    public void Load_ThrowsForBytesAfterTheData()
    {
        string path = WriteRaw(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n", Bytes(1, 2));
        long dataEnd = new FileInfo(path).Length - 8;
        AssertCorrupt(path, dataEnd, "8 bytes follow");
    }

    [Theory]
    [InlineData("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", "'<c16'")]
    [InlineData("{'descr': [('x', '<f8')], 'fortran_order': False, 'shape': (1,), }", "structured")]
    [InlineData("{'descr': '<f8', 'shape': (1,), }", "exactly")]
    [InlineData("{'descr': '<f8', 'fortran_order': 0, 'shape': (1,), }", "True or False")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }", "element 0")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': 1, }", "tuple")]
    [InlineData("{'descr': '<f8', 'fortran_order': False 'shape': (1,), }", "expected ','")]
    [InlineData("{'descr': '<f8', 'descr': '<f8', 'shape': (1,), }", "twice")]
    [InlineData("['descr']", "Python dict")]
    public void Load_ThrowsForBadHeaders(string header, string expected)
    {
        string path = WriteRaw(1, header + "\n", Bytes(1));
        var e = Assert.Throws<InvalidDataException>(() => Npy.Load(path));
        Assert.True(e.Message.Contains($"\"{path}\"") && e.Message.Contains(expected) && System.Text.RegularExpressions.Regex.IsMatch(e.Message, @"at byte \d\d+:"), e.Message);
    }

    [Fact]
    public void Load_PointsAtTheBadCharacterOfTheHeader()
    {
        const string header = "{'descr': '<f8', 'fortran_order': Maybe, 'shape': (1,), }\n";
        string path = WriteRaw(1, header, Bytes(1));
        AssertCorrupt(path, 10 + header.IndexOf("Maybe"), "expected a dict");
    }

    private static void AssertCorrupt(string path, long offset, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => Npy.Load(path));
        Assert.True(e.Message.Contains($"\"{path}\""), e.Message);
        Assert.True(e.Message.Contains($"at byte {offset}:"), e.Message);
        Assert.True(e.Message.Contains(expected), e.Message);
    }
}
