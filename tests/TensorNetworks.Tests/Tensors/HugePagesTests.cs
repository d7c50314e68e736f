using System.Globalization;
using System.Runtime.InteropServices;
using TensorNetworks;

namespace TensorNetworks.Tests.Tensors;

/// <summary>
/// <see cref="HugePages"/>: the advice reaches the kernel for a large array (the mapping that holds it carries the
/// huge-page flag <c>hg</c> in /proc/self/smaps), is not given for a small one, and changes no values.
/// </summary>
public sealed class HugePagesTests
{
    private static bool TransparentHugePagesAvailable
        => OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("TN_HUGEPAGES") != "0"
           && File.Exists("/sys/kernel/mm/transparent_hugepage/enabled")
           && !File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled").Contains("[never]", StringComparison.Ordinal);

    [Fact]
    public void Advise_MarksTheMappingOfALargeFreshArray()
    {
        if (!TransparentHugePagesAvailable) return;
        var array = (float[])StoragePool.Allocate(DType.Float32, 3 << 20);
        long interior = AlignedInterior(array);
        Assert.Contains("hg", FlagsOfMappingAt(interior));
    }

    [Fact]
    public void Advise_LeavesArraysBelowTwoHugePagesAlone()
    {
        Assert.False(HugePages.Advise(new float[(int)(HugePages.MinBytes / sizeof(float)) - 1]));
        Assert.Equal(TransparentHugePagesAvailable, HugePages.Advise(GC.AllocateUninitializedArray<double>(1 << 20)));
    }

    [Fact]
    public void AdvisedArray_KeepsWhatIsWrittenToIt()
    {
        double[] array = GC.AllocateUninitializedArray<double>(1 << 20);
        HugePages.Advise(array);
        for (int i = 0; i < array.Length; i++) array[i] = i * 0.5;
        Assert.All(Enumerable.Range(0, array.Length).Where(i => i % 4099 == 0), i => Assert.Equal(i * 0.5, array[i]));
    }

    private static unsafe long AlignedInterior(float[] array)
    {
        fixed (float* data = array) return ((long)data + HugePages.PageBytes - 1) & ~(HugePages.PageBytes - 1);
    }

    /// <summary>The VmFlags of the mapping in /proc/self/smaps whose range holds <paramref name="address"/>.</summary>
    private static string FlagsOfMappingAt(long address)
    {
        bool inside = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            int dash = line.IndexOf('-');
            int space = line.IndexOf(' ');
            if (dash > 0 && space > dash && long.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, null, out long start)
                && long.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, null, out long end))
                inside = start <= address && address < end;
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
                return line;
        }
        throw new InvalidOperationException($"No mapping in /proc/self/smaps holds address 0x{address:x}.");
    }
}
