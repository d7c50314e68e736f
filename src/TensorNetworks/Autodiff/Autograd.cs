using System.Runtime.CompilerServices;

namespace TensorNetworks;

/// <summary>
/// The recording side of the tape: ops ask <see cref="ShouldRecord(Tensor)"/> and, when it is true,
/// attach a <see cref="Node"/> with one vector-Jacobian product per input.
/// </summary>
/// <remarks>
/// Write the recording in a separate method from the forward computation: C# allocates a closure's
/// captured state at the start of the scope that declares the captured variables, so lambdas that
/// capture an op's parameters would cost an allocation even when nothing is recorded.
/// </remarks>
internal static class Autograd
{
    [ThreadStatic]
    private static int s_noGradDepth;

    internal static bool IsEnabled => s_noGradDepth == 0;

    internal static void EnterNoGrad() => s_noGradDepth++;

    internal static void ExitNoGrad() => s_noGradDepth--;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool ShouldRecord(Tensor a) => s_noGradDepth == 0 && a.RequiresGrad;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool ShouldRecord(Tensor a, Tensor b) => s_noGradDepth == 0 && (a.RequiresGrad || b.RequiresGrad);

    internal static bool ShouldRecord(ReadOnlySpan<Tensor> inputs)
    {
        if (s_noGradDepth != 0) return false;
        foreach (var t in inputs)
            if (t.RequiresGrad) return true;
        return false;
    }

    /// <summary>Records a one-input op: d(input) = vjp(d(result)). <paramref name="savesValues"/> false says the
    /// product reads neither the input's nor the result's values (only shapes), so updating them in place
    /// before the backward pass is harmless (<see cref="Node.ThrowIfModified"/>).</summary>
    internal static void Record(Tensor result, Tensor input, Func<Tensor, Tensor> vjp, [CallerMemberName] string name = "", bool savesValues = true)
        => result.SetGradFn(new Node(name, [input], [vjp], savesValues));

    /// <summary>Records a two-input op; a product for an input that needs no gradient is dropped.</summary>
    internal static void Record(Tensor result, Tensor a, Func<Tensor, Tensor> vjpA, Tensor b, Func<Tensor, Tensor> vjpB, [CallerMemberName] string name = "", bool savesValues = true)
        => result.SetGradFn(new Node(name, [a, b], [a.RequiresGrad ? vjpA : null, b.RequiresGrad ? vjpB : null], savesValues));

    /// <summary>Records an n-input op; <paramref name="vjps"/>[i] belongs to <paramref name="inputs"/>[i].</summary>
    internal static void Record(Tensor result, Tensor[] inputs, Func<Tensor, Tensor>?[] vjps, [CallerMemberName] string name = "", bool savesValues = true)
    {
        if (inputs.Length != vjps.Length)
            throw new ArgumentException($"{name}: {inputs.Length} inputs but {vjps.Length} vector-Jacobian products.");
        for (int i = 0; i < inputs.Length; i++)
            if (!inputs[i].RequiresGrad) vjps[i] = null;
        result.SetGradFn(new Node(name, inputs, vjps, savesValues));
    }
}
