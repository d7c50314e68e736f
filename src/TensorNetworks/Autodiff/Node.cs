namespace TensorNetworks;

/// <summary>
/// One recorded operation: the inputs it read and, per input, the vector-Jacobian product that maps
/// the gradient of the output to the gradient of that input (in the output's broadcast shape; the
/// tape un-broadcasts). A null product marks an input that needs no gradient.
/// </summary>
internal sealed class Node
{
    internal Node(string name, Tensor[] inputs, Func<Tensor, Tensor>?[] vectorJacobianProducts)
    {
        Name = name;
        Inputs = inputs;
        VectorJacobianProducts = vectorJacobianProducts;
    }

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
    }
}
