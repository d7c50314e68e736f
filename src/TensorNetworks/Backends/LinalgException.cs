namespace TensorNetworks;

/// <summary>A factorization or solve failed (singular matrix, no convergence, bad argument).</summary>
/// <example><code>
/// try { TN.Linalg.Solve(singular, b); }
/// catch (LinalgException e) { Console.WriteLine(e.Message); } // names the routine, info and shape
/// </code></example>
public sealed class LinalgException : Exception
{
    /// <summary>Creates the exception from the routine's name, its info code and a description.</summary>
    public LinalgException(string routine, int info, string message)
        : base($"{routine} failed with info = {info}: {message}")
    {
        Routine = routine;
        Info = info;
    }

    /// <summary>The routine that failed, e.g. "dgesdd".</summary>
    public string Routine { get; }

    /// <summary>The LAPACK info code (or an equivalent for the managed backend).</summary>
    public int Info { get; }
}
