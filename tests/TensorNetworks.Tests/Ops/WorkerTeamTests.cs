using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class WorkerTeamTests
{
    [Fact]
    public void Run_RunsEveryPieceExactlyOnce_OverManyConsecutiveOperations()
    {
        var counts = new int[7];
        for (int op = 0; op < 20_000; op++)
        {
            int pieces = 2 + op % 6;
            WorkerTeam.Shared.Run(pieces, i => Interlocked.Increment(ref counts[i]));
        }

        for (int i = 0; i < counts.Length; i++)
        {
            int expected = Enumerable.Range(0, 20_000).Count(op => 2 + op % 6 > i);
            Assert.Equal(expected, counts[i]);
        }
    }

    [Fact]
    public void Run_FromInsideAPiece_RunsTheInnerPiecesToo()
    {
        var hits = new int[4, 5];
        WorkerTeam.Shared.Run(4, outer => WorkerTeam.Shared.Run(5, inner => Interlocked.Increment(ref hits[outer, inner])));

        Assert.All(hits.Cast<int>(), h => Assert.Equal(1, h));
    }

    [Fact]
    public void Run_FromSeveralThreadsAtOnce_CompletesEveryOperation()
    {
        const int threads = 4, operations = 2_000, pieces = 3;
        long total = 0;
        int wrong = 0;
        var callers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            for (int op = 0; op < operations; op++)
            {
                var seen = new int[pieces];
                WorkerTeam.Shared.Run(pieces, i => Interlocked.Increment(ref seen[i]));
                Interlocked.Add(ref total, seen.Sum());
                if (seen.Any(s => s != 1)) Interlocked.Increment(ref wrong);
            }
        })).ToList();
        callers.ForEach(t => t.Start());
        callers.ForEach(t => t.Join());

        Assert.Equal(0, wrong);
        Assert.Equal((long)threads * operations * pieces, total);
    }

    [Fact]
    public void Run_RethrowsAPieceFailureAfterAllPiecesAndStaysUsable()
    {
        int finished = 0;
        var error = Assert.Throws<AggregateException>(() => WorkerTeam.Shared.Run(6, i =>
        {
            if (i == 2) throw new InvalidOperationException("piece 2 failed");
            Interlocked.Increment(ref finished);
        }));

        Assert.Equal("piece 2 failed", error.InnerException!.Message);
        Assert.Equal(5, finished);
        int after = 0;
        WorkerTeam.Shared.Run(3, _ => Interlocked.Increment(ref after));
        Assert.Equal(3, after);
    }

    [Fact]
    public void Run_WhileTheTeamIsBusy_StillRunsEveryPieceBeforeRethrowing()
    {
        // A run from inside a piece finds the team busy and goes to the thread pool, where a throwing iteration would
        // stop Parallel.For from starting the rest; the contract is the team's: every piece runs, the first error follows.
        int finished = 0;
        AggregateException? inner = null;
        WorkerTeam.Shared.Run(2, piece =>
        {
            if (piece != 0) return;
            inner = Assert.Throws<AggregateException>(() => WorkerTeam.Shared.Run(40, i =>
            {
                if (i == 1) throw new InvalidOperationException("piece 1 failed");
                Interlocked.Increment(ref finished);
            }));
        });
        Assert.Equal("piece 1 failed", inner!.InnerException!.Message);
        Assert.Equal(39, finished);
    }

    [Fact]
    public void Run_OfOnePiece_WrapsItsErrorAsTheTeamDoes()
    {
        var error = Assert.Throws<AggregateException>(() => WorkerTeam.Shared.Run(1, _ => throw new InvalidOperationException("alone")));
        Assert.Equal("alone", error.InnerException!.Message);
    }

    [Fact]
    public void Run_EveryOperationRunsItsOwnBody_ThoughTheJobIsReused()
    {
        var perOperation = new int[20_000][];
        for (int op = 0; op < perOperation.Length; op++)
        {
            int[] mine = perOperation[op] = new int[op % 2 == 0 ? 2 : 7];
            WorkerTeam.Shared.Run(mine.Length, i => Interlocked.Increment(ref mine[i]));
        }

        Assert.All(perOperation, counts => Assert.All(counts, c => Assert.Equal(1, c)));
    }

    [Fact]
    public void Run_AfterRestWakesTheWorkersAndRunsEveryPiece()
    {
        var counts = new int[4];
        for (int op = 0; op < 2_000; op++)
        {
            if (op % 3 == 0) WorkerTeam.Shared.Rest();
            WorkerTeam.Shared.Run(counts.Length, i => Interlocked.Increment(ref counts[i]));
        }

        Assert.All(counts, c => Assert.Equal(2_000, c));
    }
}
