using System.Reflection;
using System.Runtime.InteropServices;

namespace TensorNetworks.Backends;

/// <summary>
/// Finds and loads OpenBLAS at first use: the path in <c>TN_OPENBLAS_PATH</c> if set, then the usual
/// names and install locations for this OS. A candidate counts only if it exports every symbol in
/// <see cref="OpenBlasNative.RequiredExports"/>. The DllImport resolver maps
/// <see cref="OpenBlasNative.LibraryName"/> to the loaded handle.
/// </summary>
internal static class OpenBlasLibrary
{
    /// <summary>Environment variable naming an OpenBLAS library file to try before the defaults.</summary>
    internal const string PathVariable = "TN_OPENBLAS_PATH";

    private static readonly Lazy<OpenBlasLoad> s_default = new(LoadDefault);

    /// <summary>The result of loading from the default candidates (attempted once per process).</summary>
    internal static OpenBlasLoad Load() => s_default.Value;

    /// <summary>The candidates in the order tried: <paramref name="explicitPath"/> first when given.</summary>
    internal static IReadOnlyList<string> Candidates(string? explicitPath)
    {
        var list = new List<string>();
        if (!string.IsNullOrWhiteSpace(explicitPath)) list.Add(explicitPath.Trim());
        if (OperatingSystem.IsWindows())
            list.AddRange(["libopenblas.dll", "openblas.dll"]);
        else if (OperatingSystem.IsMacOS())
            list.AddRange(["libopenblas.dylib", "/opt/homebrew/opt/openblas/lib/libopenblas.dylib", "/usr/local/opt/openblas/lib/libopenblas.dylib"]);
        else
        {
            list.AddRange([
                "libopenblas.so.0",
                "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
                "/usr/lib/x86_64-linux-gnu/libopenblas.so.0",
                "/usr/lib/x86_64-linux-gnu/openblas-openmp/libopenblas.so.0",
                "/usr/lib/x86_64-linux-gnu/openblas-serial/libopenblas.so.0",
                "/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblas.so.0",
                "/usr/lib64/libopenblas.so.0",
                "/usr/local/lib/libopenblas.so.0",
                "libopenblas.so",
            ]);
        }
        return list;
    }

    /// <summary>Tries each candidate in order and returns the first usable library, or every failure.</summary>
    internal static OpenBlasLoad TryLoad(IEnumerable<string> candidates)
    {
        var failures = new List<string>();
        foreach (string candidate in candidates)
        {
            string? failure = TryOne(candidate, out nint handle);
            if (failure is null) return new OpenBlasLoad(handle, ResolvedPath(candidate), failures);
            failures.Add($"{candidate} ({failure})");
        }
        return new OpenBlasLoad(0, null, failures);
    }

    private static OpenBlasLoad LoadDefault()
    {
        NativeLibrary.SetDllImportResolver(typeof(OpenBlasLibrary).Assembly, Resolve);
        return TryLoad(Candidates(Environment.GetEnvironmentVariable(PathVariable)));
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
        => name == OpenBlasNative.LibraryName ? Load().Handle : 0;

    private static string? TryOne(string candidate, out nint handle)
    {
        handle = 0;
        if (Path.IsPathRooted(candidate) && !File.Exists(candidate)) return "no such file";
        try
        {
            handle = NativeLibrary.Load(candidate);
        }
        catch (DllNotFoundException e)
        {
            return Path.IsPathRooted(candidate) ? $"not loadable: {e.Message}" : "not found on the loader's search path";
        }
        catch (BadImageFormatException e)
        {
            return $"not a native library for this process: {e.Message}";
        }
        foreach (string symbol in OpenBlasNative.RequiredExports)
        {
            if (NativeLibrary.TryGetExport(handle, symbol, out _)) continue;
            NativeLibrary.Free(handle);
            handle = 0;
            return $"loaded but does not export {symbol}";
        }
        return null;
    }

    /// <summary>The file behind a loaded candidate: itself when rooted, else the mapping found in /proc/self/maps.</summary>
    private static string ResolvedPath(string candidate)
    {
        if (Path.IsPathRooted(candidate) || !OperatingSystem.IsLinux()) return candidate;
        if (!File.Exists("/proc/self/maps")) return candidate;
        foreach (string line in File.ReadLines("/proc/self/maps"))
        {
            int slash = line.IndexOf('/');
            if (slash >= 0 && line.Contains("openblas", StringComparison.OrdinalIgnoreCase)) return line[slash..];
        }
        return candidate;
    }
}

/// <summary>The outcome of loading OpenBLAS: a handle and path, or the candidates that failed and why.</summary>
internal sealed record OpenBlasLoad(nint Handle, string? Path, IReadOnlyList<string> Failures)
{
    /// <summary>True when a usable library was loaded.</summary>
    internal bool Loaded => Handle != 0;

    /// <summary>The failed candidates with reasons, for messages.</summary>
    internal string Tried => Failures.Count == 0 ? "(none)" : string.Join("; ", Failures);

    /// <summary>The exception to throw when OpenBLAS was required but did not load.</summary>
    internal DllNotFoundException ToException() => new(
        $"OpenBLAS could not be loaded. Tried: {Tried}. Install it (Debian/Ubuntu: apt-get install libopenblas0-pthread), "
        + $"set {OpenBlasLibrary.PathVariable} to the library file, or use TN_BACKEND=managed.");
}
