namespace TensorNetworks;

/// <summary>
/// One recorded operation: the inputs it read and, per input, the vector-Jacobian product that maps
/// the gradient of the output to the gradient of that input (in the output's broadcast shape; the
/// tape un-broadcasts). A null product marks an input that needs no gradient.
/// </summary>
internal sealed class Node
{
    internal Node(string name, Tensor[] inputs, Func<Tensor, Tensor>?[] vectorJacobianProducts, bool savesValues = true)
    {
        Name = name;
        Inputs = inputs;
        VectorJacobianProducts = vectorJacobianProducts;
        if (!savesValues) return;
        _inputVersions = new int[inputs.Length];
        for (int i = 0; i < inputs.Length; i++) _inputVersions[i] = inputs[i].Version;
    }

    /// <summary>The inputs' <see cref="Tensor.Version"/>s when recorded; null for an op whose products read no
    /// values (sums, reshapes, additions), which in-place updates cannot mislead.</summary>
    private int[]? _inputVersions;

    /// <summary>The result's <see cref="Tensor.Version"/> when the op recorded it.</summary>
    internal int ResultVersion { get; set; }

    /// <summary>The operation's name, used in error messages.</summary>
    internal string Name { get; }

    internal Tensor[] Inputs { get; private set; }

    internal Func<Tensor, Tensor>?[] VectorJacobianProducts { get; private set; }

    /// <summary>True once a backward pass has freed the saved tensors (retainGraph: false).</summary>
    internal bool Released { get; private set; }

    internal void Release()
    {
        Released = true;
        VectorJacobianProducts = [];
        Inputs = [];
        _inputVersions = null;
    }

    /// <summary>
    /// Throws when an input or the <paramref name="result"/> of this op was updated in place after the op read
    /// or wrote it: its vector-Jacobian products may read those values, and would give a wrong gradient.
    /// </summary>
    /// <exception cref="InvalidOperationException">Naming the op, the tensor's shape and the update counts.</exception>
    internal void ThrowIfModified(Tensor result)
    {
        if (_inputVersions is null) return;
        if (result.Version != ResultVersion)
            throw Modified($"its result (shape {result.Shape})", ResultVersion, result.Version);
        for (int i = 0; i < Inputs.Length; i++)
            if (Inputs[i].Version != _inputVersions![i])
                throw Modified($"input {i} (shape {Inputs[i].Shape})", _inputVersions[i], Inputs[i].Version);
    }

    private InvalidOperationException Modified(string what, int recorded, int now)
        => new($"Backward: {what} of {Name} was updated in place after {Name} was recorded ({now - recorded} update(s) since), "
               + "so its gradient would be computed from changed values. Update tensors after Backward, or update a copy (Clone()) instead.");
}
