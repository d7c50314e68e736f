using TensorNetworks.IO;

namespace TensorNetworks.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Write_ReplacesTheTargetAndLeavesNoTempFile()
    {
        string path = _dir.File("a.bin");
        File.WriteAllBytes(path, [9, 9, 9, 9]);
        AtomicFile.Write(path, s => s.Write([1, 2]));
        Assert.Equal([1, 2], File.ReadAllBytes(path));
        Assert.Equal(["a.bin"], _dir.Names());
    }

    [Fact]
    public void Write_KeepsTheTargetAndDeletesTheTempFileWhenTheWriterThrows()
    {
        string path = _dir.File("a.bin");
        File.WriteAllBytes(path, [9, 9, 9, 9]);
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.Write([1, 2, 3]);
            throw new InvalidOperationException("disk full");
        }));
        Assert.Equal([9, 9, 9, 9], File.ReadAllBytes(path));
        Assert.Equal(["a.bin"], _dir.Names());
    }

    [Fact]
    public void Write_DeletesTheTempFileWhenTheRenameFails()
    {
        string path = _dir.File("taken");
        Directory.CreateDirectory(path);
        Assert.ThrowsAny<IOException>(() => AtomicFile.Write(path, s => s.Write([1, 2, 3])));
        Assert.True(Directory.Exists(path));
        Assert.Equal(["taken"], _dir.Names());
    }

    [Fact]
    public void Write_ThrowsNamingAMissingDirectory()
    {
        string missing = _dir.File("no-such-dir");
        var e = Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.Write(Path.Combine(missing, "a.bin"), s => s.Write([1])));
        Assert.Contains(missing, e.Message);
    }
}
