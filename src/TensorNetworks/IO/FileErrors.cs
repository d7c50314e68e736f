namespace TensorNetworks.IO;

/// <summary>The one shape of a file-format error: the format, the file, the byte offset and the problem.</summary>
internal static class FileErrors
{
    /// <summary>An <see cref="InvalidDataException"/> saying that <paramref name="path"/> is not a valid
    /// <paramref name="format"/> file at byte <paramref name="offset"/> and why.</summary>
    public static InvalidDataException Corrupt(string format, string path, long offset, string problem) =>
        new($"{format}: \"{path}\" is not a valid {format} file at byte {offset}: {problem}");
}
