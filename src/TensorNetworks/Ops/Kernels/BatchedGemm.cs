using System.Numerics;
using System.Runtime.CompilerServices;
using TensorNetworks.Backends;

namespace TensorNetworks;

/// <summary>
/// C[b] = op(A[b]) · op(B[b]) over equal batches of row-major matrices, where op transposes when
/// asked: the single entry point from ops to the BLAS backend. Tiny products (tensor-network site
/// steps, batches of 10×10 matrices) never reach the backend: a native call or a packed GEMM costs
/// more than their arithmetic, so they run the unpacked <see cref="SmallGemm"/> kernel. A large batch
/// of medium products, each too small for a backend to thread, runs the managed packed GEMM split
/// across cores by batch (measured: 64 products of 64³ in 0.23 ms against 0.35 ms for one OpenBLAS
/// call after another; 16 of 90³ in 0.16 ms against 0.39 ms). Everything else goes to
/// <see cref="Backend.Blas"/> one product at a time.
/// </summary>
internal static class BatchedGemm
{
    /// <summary>
    /// A batch with at least this many multiply-adds in total (about 1 ms on one core) is split across
    /// cores. Measured for 4096 products of 10×10 (4.1M multiply-adds) in float32: 0.44 ms on one core,
    /// 0.22 ms split in two on an idle machine, but 12 ms split in two while other processes loaded the
    /// two cores (load average 12), because the woken worker waits for a time slice. So only batches
    /// whose serial time is already long take that risk.
    /// </summary>
    internal const long ParallelBatchWork = 1L << 23;

    /// <summary>
    /// A single product with an inner dimension at most this long is memory-bound (it writes M·N results
    /// from M·K + K·N inputs), and OpenBLAS threads it badly: C[10000×100] = A[10000×10]·B[10×100] took
    /// 0.76 ms on two threads against 0.35 ms on one. Such products, when large enough to split, run the
    /// managed packed GEMM on row blocks of C, one block per core.
    /// </summary>
    internal const int ThinInner = 32;

    /// <summary>Multiplies 2-D or equal-batch 3-D tensors; transposition is a flag, never a copy.</summary>
    internal static Tensor Run(Tensor a, bool transA, Tensor b, bool transB) => Run(a, transA, b, transB, ParallelBatchWork);

    /// <summary><see cref="Run(Tensor, bool, Tensor, bool)"/> with the batch-splitting threshold given (tests force each path).</summary>
    internal static Tensor Run(Tensor a, bool transA, Tensor b, bool transB, long parallelBatchWork)
    {
        bool batched = a.Order == 3;
        int batch = batched ? a.Dims[0] : 1;
        int ar = a.Dims[^2], ac = a.Dims[^1], br = b.Dims[^2], bc = b.Dims[^1];
        int m = transA ? ac : ar, k = transA ? ar : ac, n = transB ? br : bc;
        int[] dims = batched ? [batch, m, n] : [m, n];
        var c = Tensor.Uninitialized(a.DType, dims);
        if (c.ElementCount == 0) return c;
        var job = new GemmJob(transA, transB, m, n, k, ac, bc);
        if (a.DType == DType.Float32) Multiply<float>(a, b, c, batch, job, parallelBatchWork);
        else Multiply<double>(a, b, c, batch, job, parallelBatchWork);
        GC.KeepAlive(a);
        GC.KeepAlive(b);
        return c;
    }

    private static unsafe void Multiply<T>(Tensor a, Tensor b, Tensor c, int batch, GemmJob job, long parallelBatchWork)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (job.K == 0)
        {
            c.Span<T>().Clear();
            return;
        }
        fixed (T* x = a.Array<T>(), y = b.Array<T>(), z = c.Array<T>())
        {
            var items = new BatchJob<T>(job, x, y, z);
            bool small = SmallGemm.Suits(job.M, job.N, job.K);
            long itemWork = (long)job.M * job.N * job.K;
            int workers = Math.Min(Environment.ProcessorCount, batch);
            bool split = workers >= 2 && batch * itemWork >= parallelBatchWork;
            if (batch == 1 && job.K <= ThinInner && itemWork >= parallelBatchWork && Environment.ProcessorCount >= 2 && job.M >= 64)
            {
                RowBlocksOnCores(items, job.M);
                return;
            }
            if (!small && (!split || itemWork >= PackedGemm<T>.ParallelWork))
            {
                items.RunBackend(batch);
                return;
            }
            if (!split)
            {
                items.Run(0, batch, small);
                return;
            }
            ItemsOnCores(items, batch, workers, small);
        }
    }

    // The two parallel paths are separate methods so that their closures are made only when they run: a
    // lambda in Multiply made its closure on every call, 104 B for each 10×10 product.
    private static unsafe void RowBlocksOnCores<T>(BatchJob<T> items, int m) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int blocks = Environment.ProcessorCount, rows = (m + blocks - 1) / blocks;
        Parallelism.Run(blocks, w => items.Rows(w * rows, Math.Min(m, (w + 1) * rows)));
    }

    private static unsafe void ItemsOnCores<T>(BatchJob<T> items, int batch, int workers, bool small) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int chunks = Math.Min(batch, 4 * workers), chunk = (batch + chunks - 1) / chunks;
        Parallelism.Run(chunks, w => items.Run(w * chunk, Math.Min(batch, (w + 1) * chunk), small));
    }

    /// <summary>Extents and layout of one product: op(A) is M×K, op(B) is K×N; Lda and Ldb are stored row lengths.</summary>
    private readonly record struct GemmJob(bool TransA, bool TransB, int M, int N, int K, int Lda, int Ldb);

    private readonly unsafe struct BatchJob<T>(GemmJob job, T* a, T* b, T* c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly GemmJob _job = job;
        private readonly T* _a = a, _b = b, _c = c;

        private nint StrideA => (nint)_job.M * _job.K;

        private nint StrideB => (nint)_job.K * _job.N;

        private nint StrideC => (nint)_job.M * _job.N;

        /// <summary>Items [start, end) on this thread: through the small kernel sharing one stack scratch,
        /// or else through the managed packed GEMM (single-threaded at these sizes).</summary>
        [SkipLocalsInit]
        public void Run(int start, int end, bool small)
        {
            GemmJob j = _job;
            if (!small)
            {
                for (int i = start; i < end; i++)
                    PackedItem(i);
                return;
            }
            T* scratch = stackalloc T[SmallGemm.ScratchLength<T>(j.N, j.K)];
            for (int i = start; i < end; i++)
            {
                SmallGemm.MultiplyWith(scratch, j.TransA, j.TransB, j.M, j.N, j.K, T.One, _a + i * StrideA, j.Lda,
                    _b + i * StrideB, j.Ldb, T.Zero, _c + i * StrideC, j.N);
            }
        }

        /// <summary>Rows [start, end) of the single product's C through the managed packed GEMM.</summary>
        public void Rows(int start, int end)
        {
            if (start >= end) return;
            GemmJob j = _job;
            T* a = j.TransA ? _a + start : _a + (nint)start * j.Lda;
            T* c = _c + (nint)start * j.N;
            new Span<T>(c, (end - start) * j.N).Clear();
            PackedGemm<T>.Accumulate(j.TransA, j.TransB, end - start, j.N, j.K, T.One, a, j.Lda, _b, j.Ldb, c, j.N, SimdMath.HasFma256);
        }

        private void PackedItem(int i)
        {
            GemmJob j = _job;
            new Span<T>(_c + i * StrideC, (int)StrideC).Clear();
            PackedGemm<T>.Accumulate(j.TransA, j.TransB, j.M, j.N, j.K, T.One, _a + i * StrideA, j.Lda,
                _b + i * StrideB, j.Ldb, _c + i * StrideC, j.N, SimdMath.HasFma256);
        }

        /// <summary>Every item through the active backend, one call each.</summary>
        public void RunBackend(int batch)
        {
            GemmJob j = _job;
            IBlas blas = Backend.Blas;
            for (int i = 0; i < batch; i++)
            {
                if (typeof(T) == typeof(float))
                {
                    blas.Gemm(j.TransA, j.TransB, j.M, j.N, j.K, 1f, new ReadOnlySpan<float>(_a + i * StrideA, (int)StrideA), j.Lda,
                        new ReadOnlySpan<float>(_b + i * StrideB, (int)StrideB), j.Ldb, 0f, new Span<float>(_c + i * StrideC, (int)StrideC), j.N);
                }
                else
                {
                    blas.Gemm(j.TransA, j.TransB, j.M, j.N, j.K, 1.0, new ReadOnlySpan<double>(_a + i * StrideA, (int)StrideA), j.Lda,
                        new ReadOnlySpan<double>(_b + i * StrideB, (int)StrideB), j.Ldb, 0.0, new Span<double>(_c + i * StrideC, (int)StrideC), j.N);
                }
            }
        }
    }
}
