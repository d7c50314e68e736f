using TensorNetworks.Backends;

namespace TensorNetworks.Tests.Backends;

/// <summary>Backend selection: parsing TN_BACKEND and choosing with a loaded or failed OpenBLAS (no process env is touched).</summary>
public sealed class BackendTests
{
    private static readonly OpenBlasLoad Failed = new(0, null, ["libopenblas.so.0 (not found on the loader's search path)", "/opt/x/libopenblas.so.0 (no such file)"]);

    [Theory]
    [InlineData(null, "Default")]
    [InlineData("", "Default")]
    [InlineData("  ", "Default")]
    [InlineData("managed", "Managed")]
    [InlineData(" Managed ", "Managed")]
    [InlineData("OPENBLAS", "OpenBlas")]
    public void ParseChoice_AcceptsKnownValuesCaseInsensitively(string? value, string expected)
        => Assert.Equal(expected, Backend.ParseChoice(value).ToString());

    [Fact]
    public void ParseChoice_ThrowsForAnUnknownValueNamingTheValidOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => Backend.ParseChoice("mkl"));
        Assert.Contains("TN_BACKEND=\"mkl\"", e.Message);
        Assert.Contains("\"managed\"", e.Message);
        Assert.Contains("\"openblas\"", e.Message);
    }

    [Fact]
    public void Select_ForcedManagedNeverLoadsOpenBlas()
    {
        ActiveBackend active = Backend.Select(BackendChoice.Managed, () => throw new InvalidOperationException("must not load"));
        Assert.IsType<ManagedBlas>(active.Blas);
        Assert.IsType<ManagedLapack>(active.Lapack);
        Assert.Contains("forced by TN_BACKEND=managed", active.Description);
    }

    [Fact]
    public void Select_ForcedOpenBlasThatFailsThrowsWithThePathsTried()
    {
        var e = Assert.Throws<DllNotFoundException>(() => Backend.Select(BackendChoice.OpenBlas, () => Failed));
        Assert.Contains("/opt/x/libopenblas.so.0 (no such file)", e.Message);
        Assert.Contains("libopenblas.so.0 (not found", e.Message);
        Assert.Contains("TN_BACKEND=managed", e.Message);
    }

    [Fact]
    public void Select_DefaultFallsBackToManagedSayingWhy()
    {
        ActiveBackend active = Backend.Select(BackendChoice.Default, () => Failed);
        Assert.IsType<ManagedBlas>(active.Blas);
        Assert.Contains("fallback", active.Description);
        Assert.Contains("/opt/x/libopenblas.so.0", active.Description);
    }

    [Fact]
    public void Select_DefaultPicksOpenBlasWhenItLoads()
    {
        var loaded = new OpenBlasLoad(1, "/usr/lib/libopenblas.so.0", []);
        ActiveBackend active = Backend.Select(BackendChoice.Default, () => loaded);
        Assert.IsType<OpenBlasBlas>(active.Blas);
        Assert.IsType<OpenBlasLapack>(active.Lapack);
        Assert.Equal("openblas (/usr/lib/libopenblas.so.0); default: OpenBLAS loaded", active.Description);
    }

    [Fact]
    public void BackendInfo_NamesTheActiveBackendAndWhy()
    {
        string info = TN.BackendInfo;
        Assert.True(info.StartsWith("openblas (", StringComparison.Ordinal) || info.StartsWith("managed (", StringComparison.Ordinal), info);
        Assert.Matches("(default|forced|fallback)", info);
    }
}
