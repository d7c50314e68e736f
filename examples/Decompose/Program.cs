using System.CommandLine;
using System.Diagnostics;
using TensorNetworks;
using TensorNetworks.Training.Data;

// Decomposes a real tensor three ways — CP (CP-ALS), Tucker (HOSVD) and TT (TT-SVD) — and compares their
// relative error ‖X − X̂‖/‖X‖, compression ratio, parameter count and fit time.
var ranks = new Option<int>("--ranks") { Description = "One rank for all three: CP rank, Tucker rank per mode (clamped to the extent), TT max rank", DefaultValueFactory = _ => 16 };
var cpRank = new Option<int?>("--cp-rank") { Description = "CP-ALS rank (default: --ranks)" };
var cpIterations = new Option<int>("--cp-iterations") { Description = "Most CP-ALS sweeps", DefaultValueFactory = _ => 15 };
var seed = new Option<ulong>("--seed") { Description = "Seed of CP-ALS's random starting factors", DefaultValueFactory = _ => 1 };
var tuckerRanks = new Option<int[]?>("--tucker-ranks") { Description = "Tucker ranks, one per mode (default: --ranks on every mode)", AllowMultipleArgumentsPerToken = true };
var tuckerAlgorithm = new Option<TuckerAlgorithm>("--tucker-algorithm") { Description = "StHosvd or Hosvd", DefaultValueFactory = _ => TuckerAlgorithm.StHosvd };
var ttEps = new Option<double>("--tt-eps") { Description = "TT-SVD relative accuracy ε", DefaultValueFactory = _ => 0.1 };
var ttMaxRank = new Option<int?>("--tt-max-rank") { Description = "TT-SVD cap on every inner rank (default: --ranks)" };
var samples = new Option<int?>("--samples") { Description = "Use only the first N slices along mode 0 (images); default all" };
var npy = new Option<string?>("--npy") { Description = "Decompose this .npy file instead of the Fashion-MNIST training images" };
var dtype = new Option<DType>("--dtype") { Description = "Float32 or Float64", DefaultValueFactory = _ => DType.Float32 };

var root = new RootCommand("Decomposes Fashion-MNIST (60000 × 28 × 28) or a .npy tensor with CP-ALS, HOSVD and TT-SVD.")
{
    ranks, cpRank, cpIterations, seed, tuckerRanks, tuckerAlgorithm, ttEps, ttMaxRank, samples, npy, dtype,
};
root.SetAction(parsed =>
{
    int shared = parsed.GetValue(ranks);
    var settings = new Settings(
        parsed.GetValue(npy), parsed.GetValue(samples), parsed.GetValue(dtype),
        parsed.GetValue(cpRank) ?? shared, parsed.GetValue(cpIterations), parsed.GetValue(seed),
        parsed.GetValue(tuckerRanks) is { Length: > 0 } t ? t : null, parsed.GetValue(tuckerAlgorithm),
        parsed.GetValue(ttEps), parsed.GetValue(ttMaxRank) ?? shared, shared);
    return Run(settings);
});
return root.Parse(args).Invoke();

static int Run(Settings settings)
{
    Console.WriteLine($"backend: {TN.BackendInfo}");
    var clock = Stopwatch.StartNew();
    Tensor x = Load(settings);
    Console.WriteLine($"loaded {x.Shape} {x.DType} in {clock.Elapsed.TotalSeconds:F1} s");
    Outcome[] outcomes = [Decompositions.Cp(x, settings), Decompositions.Tucker(x, settings), Decompositions.Tt(x, settings)];

    Console.WriteLine();
    Console.WriteLine($"{"method",-18} {"ranks",-16} {"rel. error",10} {"compression",12} {"parameters",12} {"fit time",9}");
    foreach (Outcome o in outcomes)
        Console.WriteLine($"{o.Method,-18} {o.Ranks,-16} {o.RelativeError,10:F4} {o.CompressionRatio,11:F1}x {o.ParameterCount,12:N0} {o.FitTime.TotalSeconds,8:F1}s");
    Console.WriteLine($"total {clock.Elapsed.TotalSeconds:F1} s");
    return 0;
}

static Tensor Load(Settings settings)
{
    Tensor x = settings.NpyPath is { } path ? TensorNetworks.IO.Npy.Load(path) : FashionMnist.Load(StandardSplit.Train).Inputs;
    if (x.Order < 2)
        throw new ArgumentException($"Decompose: the tensor needs at least 2 modes, got shape {x.Shape}.");
    if (settings.Samples is { } n)
    {
        if (n < 1 || n > x.Size(0))
            throw new ArgumentOutOfRangeException(nameof(settings), n, $"Decompose: --samples must be in 1..{x.Size(0)} for shape {x.Shape}, got {n}.");
        if (n < x.Size(0)) x = x.Narrow(0, 0, n);
    }
    return x.To(settings.DType);
}
