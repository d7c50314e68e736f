namespace TensorNetworks.Backends;

/// <summary>Turns a non-zero LAPACK <c>info</c> into a <see cref="LinalgException"/> naming the routine, info and shape.</summary>
internal static class LapackErrors
{
    /// <summary>The LAPACK name of a routine for <typeparamref name="T"/>: "s" or "d" + <paramref name="stem"/>.</summary>
    internal static string Routine<T>(string stem) => (typeof(T) == typeof(float) ? "s" : "d") + stem;

    /// <summary>Throws when <paramref name="info"/> ≠ 0; <paramref name="failure"/> explains a positive info.</summary>
    /// <exception cref="LinalgException">When <paramref name="info"/> is not zero.</exception>
    internal static void Check(int info, string routine, string shape, Func<int, string> failure)
    {
        if (info == 0) return;
        string what = info < 0
            ? $"argument {-info} had an illegal value (a bug in tn: please report it with the shape)"
            : failure(info);
        throw new LinalgException(routine, info, $"{what} (input {shape}).");
    }

    /// <summary>Throws when <paramref name="info"/> ≠ 0 for a routine whose info is never positive (?geqrf, ?orgqr).</summary>
    /// <exception cref="LinalgException">When <paramref name="info"/> is not zero.</exception>
    internal static void Check(int info, string routine, string shape)
        => Check(info, routine, shape, i => $"unexpected positive info {i}");

    /// <summary>Explains a positive info of ?gesv / an LU solve: a zero pivot.</summary>
    internal static string SingularPivot(int info)
        => $"U({info},{info}) is exactly zero, so the matrix is singular and no solution was computed; "
           + "check its rank, or use TN.Linalg.LeastSquares for a minimum-norm solution";

    /// <summary>Explains a positive info of an SVD: no convergence.</summary>
    internal static string SvdNoConvergence(int info)
        => $"the SVD did not converge ({info} superdiagonals of the bidiagonal form did not reach zero); "
           + "check the input for extreme scaling";

    /// <summary>Explains a positive info of a symmetric eigensolver: no convergence.</summary>
    internal static string EigNoConvergence(int info)
        => $"the eigensolver did not converge (info {info}); check the input for extreme scaling";

    /// <summary>Formats a shape for messages, e.g. "3×4".</summary>
    internal static string Shape(int rows, int cols) => $"{rows}×{cols}";
}
