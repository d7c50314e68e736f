namespace TensorNetworks.Training.Data;

/// <summary>
/// Finds a dataset's folder. Without an explicit path it tries, in order: <c>$TN_DATA/{name}</c>, the
/// repository's <c>data/{name}</c> (the repository is the first folder holding <c>tn.sln</c> above the
/// current directory or above the application's base directory), then the system folders where a
/// package installs the data. An explicit path is the only place tried, so a typo is never silently
/// replaced by other data.
/// </summary>
internal static class DataLocator
{
    /// <summary>The environment variable naming a data root laid out like the repository's <c>data/</c> folder.</summary>
    public const string EnvironmentVariable = "TN_DATA";

    private const string SolutionFile = "tn.sln";

    /// <summary>The first candidate folder for which <paramref name="holdsData"/> is true.</summary>
    /// <exception cref="DirectoryNotFoundException">Listing every folder tried and how to install the data.</exception>
    public static string Find(string dataset, string? explicitPath, string folderName, IReadOnlyList<string> systemFolders, Func<string, bool> holdsData)
        => Find(dataset, Candidates(explicitPath, folderName, systemFolders,
            Environment.GetEnvironmentVariable(EnvironmentVariable), [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]), holdsData);

    /// <summary>The first of <paramref name="candidates"/> for which <paramref name="holdsData"/> is true.</summary>
    /// <exception cref="DirectoryNotFoundException">Listing every candidate and how to install the data.</exception>
    public static string Find(string dataset, IReadOnlyList<string> candidates, Func<string, bool> holdsData)
    {
        foreach (string folder in candidates)
            if (holdsData(folder)) return folder;
        throw new DirectoryNotFoundException(
            $"{dataset}: data not found. Tried, in order: {string.Join("; ", candidates.Select(c => $"\"{c}\""))}. " +
            $"Run scripts/setup.sh to install it, set {EnvironmentVariable} to a folder holding it, or pass its path.");
    }

    /// <summary>The folders to try, in order, without duplicates.</summary>
    public static IReadOnlyList<string> Candidates(string? explicitPath, string folderName, IReadOnlyList<string> systemFolders, string? dataRoot, IReadOnlyList<string> searchStarts)
    {
        if (!string.IsNullOrEmpty(explicitPath)) return [Path.GetFullPath(explicitPath)];
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(dataRoot)) candidates.Add(Path.Combine(dataRoot, folderName));
        foreach (string start in searchStarts)
            if (RepositoryRoot(start) is { } root) candidates.Add(Path.Combine(root, "data", folderName));
        candidates.AddRange(systemFolders);
        return [.. candidates.Select(Path.GetFullPath).Distinct()];
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding tn.sln, or null.</summary>
    public static string? RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        return null;
    }
}
