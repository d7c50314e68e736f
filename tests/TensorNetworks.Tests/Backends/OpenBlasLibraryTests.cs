using TensorNetworks.Backends;

namespace TensorNetworks.Tests.Backends;

public sealed class OpenBlasLibraryTests
{
    [Fact]
    public void Candidates_PutAnExplicitPathFirst()
    {
        IReadOnlyList<string> candidates = OpenBlasLibrary.Candidates(" /opt/custom/libopenblas.so ");
        Assert.Equal("/opt/custom/libopenblas.so", candidates[0]);
        Assert.True(candidates.Count > 1);
        Assert.DoesNotContain("", OpenBlasLibrary.Candidates(null));
    }

    [Fact]
    public void TryLoad_ReportsEveryFailedCandidateWithAReason()
    {
        OpenBlasLoad load = OpenBlasLibrary.TryLoad(["/nonexistent/libopenblas.so.0", "libdefinitely-not-openblas.so"]);
        Assert.False(load.Loaded);
        Assert.Equal(2, load.Failures.Count);
        Assert.Contains("/nonexistent/libopenblas.so.0 (no such file)", load.Tried);
        Assert.Contains("libdefinitely-not-openblas.so (not found", load.Tried);
        Assert.Contains("/nonexistent/libopenblas.so.0", load.ToException().Message);
    }

    [Fact]
    public void TryLoad_RejectsALibraryWithoutTheLapackSymbols()
    {
        string libm = "/usr/lib/x86_64-linux-gnu/libm.so.6";
        if (!File.Exists(libm)) return;
        OpenBlasLoad load = OpenBlasLibrary.TryLoad([libm]);
        Assert.False(load.Loaded);
        Assert.Contains("does not export cblas_sgemm", load.Tried);
    }

    [Fact]
    public void Load_WhenItSucceedsReportsAPath()
    {
        OpenBlasLoad load = OpenBlasLibrary.Load();
        if (!load.Loaded) return;
        Assert.Contains("openblas", load.Path!, StringComparison.OrdinalIgnoreCase);
    }
}
