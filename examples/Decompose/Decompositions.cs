using System.Diagnostics;
using TensorNetworks;
using TensorNetworks.Models.Decompositions;

/// <summary>One row of the result table.</summary>
internal sealed record Outcome(string Method, string Ranks, double RelativeError, double CompressionRatio, long ParameterCount, TimeSpan FitTime);

/// <summary>Runs CP-ALS, HOSVD and TT-SVD on one tensor, timing each fit and measuring its error in chunks.</summary>
internal static class Decompositions
{
    /// <summary>CP-ALS at <see cref="Settings.CpRank"/>, with a progress line per sweep.</summary>
    public static Outcome Cp(Tensor x, Settings settings)
    {
        var options = new CpAlsOptions
        {
            MaxIterations = settings.CpIterations,
            Tolerance = 1e-5,
            Seed = settings.CpSeed,
            Callbacks = [new SweepLog(x.Norm().Item(), settings.CpIterations)],
        };
        Console.WriteLine($"CP-ALS: rank {settings.CpRank}, at most {settings.CpIterations} sweeps on {x.Shape}");
        var clock = Stopwatch.StartNew();
        CpTensor cp = CpAls.Fit(x, settings.CpRank, options).Decomposition;
        TimeSpan time = clock.Elapsed;
        Console.WriteLine($"CP-ALS done in {time.TotalSeconds:F1} s; measuring the error");
        double error = ChunkedError.Relative(x, (s, n) => new CpTensor(cp.Weights, [cp.Factors[0].Narrow(0, s, n), .. cp.Factors.Skip(1)]).ToDense());
        return new Outcome("CP (CP-ALS)", $"R = {cp.Rank}", error, cp.CompressionRatio, cp.ParameterCount, time);
    }

    /// <summary>HOSVD or ST-HOSVD at the Tucker ranks.</summary>
    public static Outcome Tucker(Tensor x, Settings settings)
    {
        int[] ranks = settings.TuckerRanksFor(x.Shape);
        string name = settings.TuckerAlgorithm == TuckerAlgorithm.Hosvd ? "HOSVD" : "ST-HOSVD";
        Console.WriteLine($"{name}: ranks ({string.Join(", ", ranks)}) on {x.Shape}");
        var clock = Stopwatch.StartNew();
        TuckerTensor t = settings.TuckerAlgorithm == TuckerAlgorithm.Hosvd ? Hosvd.Fit(x, ranks) : Hosvd.FitSequentiallyTruncated(x, ranks);
        TimeSpan time = clock.Elapsed;
        Console.WriteLine($"{name} done in {time.TotalSeconds:F1} s; measuring the error");
        double error = ChunkedError.Relative(x, (s, n) => new TuckerTensor(t.Core, [t.Factors[0].Narrow(0, s, n), .. t.Factors.Skip(1)]).ToDense());
        return new Outcome($"Tucker ({name})", $"({string.Join(", ", ranks)})", error, t.CompressionRatio, t.ParameterCount, time);
    }

    /// <summary>TT-SVD at accuracy ε with every inner rank capped.</summary>
    public static Outcome Tt(Tensor x, Settings settings)
    {
        int[] caps = [1, .. Enumerable.Repeat(settings.TtMaxRank, x.Order - 1), 1];
        Console.WriteLine($"TT-SVD: ε = {settings.TtEpsilon}, max rank {settings.TtMaxRank} on {x.Shape}");
        var clock = Stopwatch.StartNew();
        TensorTrain tt = TtSvd.Decompose(x, settings.TtEpsilon, caps);
        TimeSpan time = clock.Elapsed;
        Console.WriteLine($"TT-SVD done in {time.TotalSeconds:F1} s; measuring the error");
        double error = ChunkedError.Relative(x, (s, n) => new TensorTrain([tt.Cores[0].Narrow(1, s, n), .. tt.Cores.Skip(1)]).ToDense());
        return new Outcome("TT (TT-SVD)", $"({string.Join(", ", tt.Ranks)})", error, tt.CompressionRatio, tt.ParameterCount, time);
    }
}
