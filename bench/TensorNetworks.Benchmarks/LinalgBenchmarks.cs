using BenchmarkDotNet.Attributes;
using TensorNetworks.Backends;

namespace TensorNetworks.Benchmarks;

/// <summary>
/// Factorizations on each backend directly (OpenBLAS LAPACK vs MathNet.Numerics), float64: thin SVD of
/// a square and a tall matrix, QR of the tall one, symmetric eig and an LU solve of the square one.
/// Run: <c>dotnet run -c Release --project bench/TensorNetworks.Benchmarks -- --filter '*LinalgBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class LinalgBenchmarks
{
    private const int Square = 256, TallRows = 2000, TallCols = 64;
    private double[] _square = null!, _symmetric = null!, _tall = null!, _rhs = null!;
    private ILapack _lapack = null!;

    /// <summary>"openblas" or "managed".</summary>
    [Params("openblas", "managed")]
    public string Backend { get; set; } = "";

    /// <summary>Seeded inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var g = new Generator(10);
        _square = TN.Randn(g, DType.Float64, Square, Square).ToArray<double>();
        _tall = TN.Randn(g, DType.Float64, TallRows, TallCols).ToArray<double>();
        _rhs = TN.Randn(g, DType.Float64, Square).ToArray<double>();
        _symmetric = new double[Square * Square];
        for (int i = 0; i < Square; i++)
        for (int j = 0; j < Square; j++) _symmetric[i * Square + j] = _square[i * Square + j] + _square[j * Square + i];
        if (Backend == "openblas" && !OpenBlasLibrary.Load().Loaded) throw OpenBlasLibrary.Load().ToException();
        _lapack = Backend == "openblas" ? new OpenBlasLapack() : new ManagedLapack();
    }

    /// <summary>Thin SVD of 256×256.</summary>
    [Benchmark]
    public void SvdSquare() => _lapack.Svd(Square, Square, (double[])_square.Clone(), new double[Square * Square], new double[Square], new double[Square * Square]);

    /// <summary>Thin SVD of 2000×64.</summary>
    [Benchmark]
    public void SvdTall() => _lapack.Svd(TallRows, TallCols, (double[])_tall.Clone(), new double[TallRows * TallCols], new double[TallCols], new double[TallCols * TallCols]);

    /// <summary>Thin QR of 2000×64.</summary>
    [Benchmark]
    public void QrTall() => _lapack.Qr(TallRows, TallCols, (double[])_tall.Clone(), new double[TallRows * TallCols], new double[TallCols * TallCols]);

    /// <summary>Symmetric eigendecomposition of 256×256.</summary>
    [Benchmark]
    public void SymmetricEig() => _lapack.SymmetricEig(Square, (double[])_symmetric.Clone(), new double[Square], new double[Square * Square]);

    /// <summary>LU solve of 256×256 with one right-hand side.</summary>
    [Benchmark]
    public void Solve() => _lapack.Solve(Square, 1, (double[])_square.Clone(), (double[])_rhs.Clone());
}
