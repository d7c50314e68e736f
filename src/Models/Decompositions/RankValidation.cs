namespace TensorNetworks.Models.Decompositions;

/// <summary>Shared checks for decomposition ranks and shapes, with messages that name the values.</summary>
internal static class RankValidation
{
    /// <summary>Throws unless every rank is at least 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a rank is zero or negative.</exception>
    public static void Positive(string context, string name, IReadOnlyList<int> ranks)
    {
        for (int i = 0; i < ranks.Count; i++)
            if (ranks[i] < 1)
                throw new ArgumentOutOfRangeException(name, ranks[i], $"{context}: {name}[{i}] must be at least 1, got {ranks[i]} (all: [{string.Join(", ", ranks)}]).");
    }
}
