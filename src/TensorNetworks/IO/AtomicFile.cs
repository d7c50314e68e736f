namespace TensorNetworks.IO;

/// <summary>
/// Writes a file so that it is never seen half-written: the bytes go to a temporary file in the target's
/// directory, which is flushed to disk and then renamed over the target. When anything fails the temporary
/// file is deleted and an existing target is left as it was.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
    /// <exception cref="DirectoryNotFoundException">When the target's directory does not exist.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        string target = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Cannot write \"{path}\": the directory \"{directory}\" does not exist. Create it first.");
        string temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
