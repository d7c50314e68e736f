using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TensorNetworks.Backends;

/// <summary>
/// Every OpenBLAS P/Invoke of tn (the only other is libc's madvise, in <see cref="HugePages"/>): OpenBLAS's CBLAS GEMM and SYRK, the Fortran LAPACK routines it exports and its thread-count
/// control, plus generic by-value wrappers that pick the float or double symbol. The library name is resolved by
/// <see cref="OpenBlasLibrary"/>, which must have loaded successfully before any call.
/// </summary>
/// <remarks>
/// Fortran passes every argument by reference; character arguments are followed by hidden length
/// arguments (gfortran ABI), which are passed explicitly as 1. Integers are 32-bit (LP64 OpenBLAS).
/// </remarks>
internal static unsafe partial class OpenBlasNative
{
    /// <summary>The name the DllImport resolver maps to the loaded OpenBLAS handle.</summary>
    internal const string LibraryName = "tn-openblas";

    /// <summary>Symbols that a usable library must export.</summary>
    internal static readonly string[] RequiredExports =
    [
        "cblas_sgemm", "cblas_dgemm", "cblas_ssyrk", "cblas_dsyrk", "sgesdd_", "dgesdd_", "sgeqrf_", "dgeqrf_",
        "sorgqr_", "dorgqr_", "ssyevd_", "dsyevd_", "sgesv_", "dgesv_",
    ];

    /// <summary>The thread-count exports that <see cref="OpenBlasThreads"/> uses when present (every OpenBLAS build
    /// has them; a library substituted through <c>TN_OPENBLAS_PATH</c> might not, and then needs none).</summary>
    internal static readonly string[] ThreadControlExports = ["openblas_get_num_threads", "openblas_set_num_threads"];

    private const int CblasRowMajor = 101, CblasNoTrans = 111, CblasTrans = 112, CblasLower = 122;

    [LibraryImport(LibraryName, EntryPoint = "cblas_sgemm")]
    private static partial void Sgemm(int order, int transA, int transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    [LibraryImport(LibraryName, EntryPoint = "cblas_dgemm")]
    private static partial void Dgemm(int order, int transA, int transB, int m, int n, int k, double alpha,
        double* a, int lda, double* b, int ldb, double beta, double* c, int ldc);

    [LibraryImport(LibraryName, EntryPoint = "cblas_ssyrk")]
    private static partial void Ssyrk(int order, int uplo, int trans, int n, int k, float alpha, float* a, int lda, float beta, float* c, int ldc);

    [LibraryImport(LibraryName, EntryPoint = "cblas_dsyrk")]
    private static partial void Dsyrk(int order, int uplo, int trans, int n, int k, double alpha, double* a, int lda, double beta, double* c, int ldc);

    /// <summary>The number of threads OpenBLAS uses for a call (process-wide).</summary>
    [LibraryImport(LibraryName, EntryPoint = "openblas_get_num_threads")]
    internal static partial int GetNumThreads();

    /// <summary>Sets the number of threads OpenBLAS uses for every later call in the process.</summary>
    [LibraryImport(LibraryName, EntryPoint = "openblas_set_num_threads")]
    internal static partial void SetNumThreads(int count);

    [LibraryImport(LibraryName, EntryPoint = "sgesdd_")]
    private static partial void Sgesdd(byte* jobz, int* m, int* n, float* a, int* lda, float* s, float* u, int* ldu,
        float* vt, int* ldvt, float* work, int* lwork, int* iwork, int* info, nuint jobzLength);

    [LibraryImport(LibraryName, EntryPoint = "dgesdd_")]
    private static partial void Dgesdd(byte* jobz, int* m, int* n, double* a, int* lda, double* s, double* u, int* ldu,
        double* vt, int* ldvt, double* work, int* lwork, int* iwork, int* info, nuint jobzLength);

    [LibraryImport(LibraryName, EntryPoint = "sgeqrf_")]
    private static partial void Sgeqrf(int* m, int* n, float* a, int* lda, float* tau, float* work, int* lwork, int* info);

    [LibraryImport(LibraryName, EntryPoint = "dgeqrf_")]
    private static partial void Dgeqrf(int* m, int* n, double* a, int* lda, double* tau, double* work, int* lwork, int* info);

    [LibraryImport(LibraryName, EntryPoint = "sorgqr_")]
    private static partial void Sorgqr(int* m, int* n, int* k, float* a, int* lda, float* tau, float* work, int* lwork, int* info);

    [LibraryImport(LibraryName, EntryPoint = "dorgqr_")]
    private static partial void Dorgqr(int* m, int* n, int* k, double* a, int* lda, double* tau, double* work, int* lwork, int* info);

    [LibraryImport(LibraryName, EntryPoint = "ssyevd_")]
    private static partial void Ssyevd(byte* jobz, byte* uplo, int* n, float* a, int* lda, float* w, float* work, int* lwork,
        int* iwork, int* liwork, int* info, nuint jobzLength, nuint uploLength);

    [LibraryImport(LibraryName, EntryPoint = "dsyevd_")]
    private static partial void Dsyevd(byte* jobz, byte* uplo, int* n, double* a, int* lda, double* w, double* work, int* lwork,
        int* iwork, int* liwork, int* info, nuint jobzLength, nuint uploLength);

    [LibraryImport(LibraryName, EntryPoint = "sgesv_")]
    private static partial void Sgesv(int* n, int* nrhs, float* a, int* lda, int* ipiv, float* b, int* ldb, int* info);

    [LibraryImport(LibraryName, EntryPoint = "dgesv_")]
    private static partial void Dgesv(int* n, int* nrhs, double* a, int* lda, int* ipiv, double* b, int* ldb, int* info);

    /// <summary>Row-major C = alpha·op(A)·op(B) + beta·C through cblas_?gemm.</summary>
    internal static void Gemm<T>(bool transA, bool transB, int m, int n, int k, T alpha, T* a, int lda, T* b, int ldb, T beta, T* c, int ldc)
        where T : unmanaged
    {
        int ta = transA ? CblasTrans : CblasNoTrans, tb = transB ? CblasTrans : CblasNoTrans;
        if (typeof(T) == typeof(float))
            Sgemm(CblasRowMajor, ta, tb, m, n, k, Unsafe.BitCast<T, float>(alpha), (float*)a, lda, (float*)b, ldb, Unsafe.BitCast<T, float>(beta), (float*)c, ldc);
        else
            Dgemm(CblasRowMajor, ta, tb, m, n, k, Unsafe.BitCast<T, double>(alpha), (double*)a, lda, (double*)b, ldb, Unsafe.BitCast<T, double>(beta), (double*)c, ldc);
    }

    /// <summary>Row-major lower triangle of C = op(A)·op(A)ᵀ (n×n, ldc = n) through cblas_?syrk: op(A) = A (n×k, leading
    /// dimension <paramref name="lda"/> ≥ k), or Aᵀ for A k×n (lda ≥ n) when <paramref name="transposed"/>. The strict upper
    /// triangle is not written.</summary>
    internal static void SyrkLower<T>(bool transposed, int n, int k, T* a, int lda, T* c) where T : unmanaged
    {
        int trans = transposed ? CblasTrans : CblasNoTrans;
        if (typeof(T) == typeof(float)) Ssyrk(CblasRowMajor, CblasLower, trans, n, k, 1f, (float*)a, lda, 0f, (float*)c, n);
        else Dsyrk(CblasRowMajor, CblasLower, trans, n, k, 1.0, (double*)a, lda, 0.0, (double*)c, n);
    }

    /// <summary>?gesdd with jobz; returns info. Pass lwork = -1 to query the optimal workspace into work[0].</summary>
    internal static int Gesdd<T>(char jobz, int m, int n, T* a, int lda, T* s, T* u, int ldu, T* vt, int ldvt, T* work, int lwork, int* iwork)
        where T : unmanaged
    {
        byte job = (byte)jobz;
        int info;
        if (typeof(T) == typeof(float))
            Sgesdd(&job, &m, &n, (float*)a, &lda, (float*)s, (float*)u, &ldu, (float*)vt, &ldvt, (float*)work, &lwork, iwork, &info, 1);
        else
            Dgesdd(&job, &m, &n, (double*)a, &lda, (double*)s, (double*)u, &ldu, (double*)vt, &ldvt, (double*)work, &lwork, iwork, &info, 1);
        return info;
    }

    /// <summary>?geqrf; returns info. Pass lwork = -1 to query the workspace.</summary>
    internal static int Geqrf<T>(int m, int n, T* a, int lda, T* tau, T* work, int lwork) where T : unmanaged
    {
        int info;
        if (typeof(T) == typeof(float)) Sgeqrf(&m, &n, (float*)a, &lda, (float*)tau, (float*)work, &lwork, &info);
        else Dgeqrf(&m, &n, (double*)a, &lda, (double*)tau, (double*)work, &lwork, &info);
        return info;
    }

    /// <summary>?orgqr; returns info. Pass lwork = -1 to query the workspace.</summary>
    internal static int Orgqr<T>(int m, int n, int k, T* a, int lda, T* tau, T* work, int lwork) where T : unmanaged
    {
        int info;
        if (typeof(T) == typeof(float)) Sorgqr(&m, &n, &k, (float*)a, &lda, (float*)tau, (float*)work, &lwork, &info);
        else Dorgqr(&m, &n, &k, (double*)a, &lda, (double*)tau, (double*)work, &lwork, &info);
        return info;
    }

    /// <summary>?syevd; returns info. Pass lwork = liwork = -1 to query both workspaces.</summary>
    internal static int Syevd<T>(char jobz, char uplo, int n, T* a, int lda, T* w, T* work, int lwork, int* iwork, int liwork)
        where T : unmanaged
    {
        byte job = (byte)jobz, up = (byte)uplo;
        int info;
        if (typeof(T) == typeof(float))
            Ssyevd(&job, &up, &n, (float*)a, &lda, (float*)w, (float*)work, &lwork, iwork, &liwork, &info, 1, 1);
        else
            Dsyevd(&job, &up, &n, (double*)a, &lda, (double*)w, (double*)work, &lwork, iwork, &liwork, &info, 1, 1);
        return info;
    }

    /// <summary>?gesv; returns info.</summary>
    internal static int Gesv<T>(int n, int nrhs, T* a, int lda, int* ipiv, T* b, int ldb) where T : unmanaged
    {
        int info;
        if (typeof(T) == typeof(float)) Sgesv(&n, &nrhs, (float*)a, &lda, ipiv, (float*)b, &ldb, &info);
        else Dgesv(&n, &nrhs, (double*)a, &lda, ipiv, (double*)b, &ldb, &info);
        return info;
    }
}
