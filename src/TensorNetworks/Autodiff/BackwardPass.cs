namespace TensorNetworks;

/// <summary>
/// Reverse-mode differentiation over the recorded graph: an iterative depth-first walk gives a
/// topological order (so graphs of any depth never overflow the stack), then each node's
/// vector-Jacobian products run from the output back to the leaves, with accumulation and
/// un-broadcasting done here and nowhere else.
/// </summary>
internal static class BackwardPass
{
    /// <summary>
    /// Propagates <paramref name="seed"/> from <paramref name="root"/>. With <paramref name="targets"/>
    /// null, gradients accumulate into the leaves' <see cref="Tensor.Grad"/>; otherwise the gradients of
    /// the targets are returned (zeros where a target does not influence the root) and no
    /// <see cref="Tensor.Grad"/> is touched.
    /// </summary>
    internal static Tensor[]? Run(Tensor root, Tensor? seed, bool retainGraph, Tensor[]? targets)
    {
        if (!root.RequiresGrad)
            throw new InvalidOperationException($"Backward: the tensor of shape {root.Shape} does not require a gradient. Set RequiresGrad = true on an input (e.g. x.RequiringGrad()) and compute it outside TN.NoGrad().");
        seed = CheckedSeed(root, seed);

        Dictionary<Tensor, int>? targetIndex = null;
        if (targets is not null)
        {
            targetIndex = new Dictionary<Tensor, int>(ReferenceEqualityComparer.Instance);
            for (int i = 0; i < targets.Length; i++) targetIndex.TryAdd(targets[i], i);
        }

        List<Tensor> order = TopologicalOrder(root);
        var grads = new Dictionary<Tensor, Tensor>(order.Count, ReferenceEqualityComparer.Instance) { [root] = seed };
        var captured = targets is null ? null : new Tensor?[targets.Length];

        using (new NoGradScope())
        {
            for (int k = order.Count - 1; k >= 0; k--)
            {
                Tensor t = order[k];
                if (!grads.Remove(t, out Tensor? g)) continue;

                if (targetIndex is not null && targetIndex.TryGetValue(t, out int ti)) captured![ti] = g;

                Node? node = t.GradFn;
                if (node is null)
                {
                    if (targets is null) AccumulateIntoLeaf(t, g);
                    continue;
                }

                for (int i = 0; i < node.Inputs.Length; i++)
                {
                    var vjp = node.VectorJacobianProducts[i];
                    if (vjp is null) continue;
                    Tensor input = node.Inputs[i];
                    Tensor gi = Unbroadcast(vjp(g), input, node.Name);
                    grads[input] = grads.TryGetValue(input, out Tensor? existing) ? existing + gi : gi;
                }
                if (!retainGraph) node.Release();
            }
        }

        if (captured is null) return null;
        var result = new Tensor[captured.Length];
        for (int i = 0; i < result.Length; i++)
            result[i] = captured[i] ?? Tensor.ZerosOf(targets![i].DType, targets[i].Dims);
        return result;
    }

    private static Tensor CheckedSeed(Tensor root, Tensor? seed)
    {
        if (seed is null)
        {
            if (root.ElementCount != 1)
                throw new InvalidOperationException($"Backward: the output has shape {root.Shape}, not a scalar, so it needs a seed gradient of that shape (Backward(gradient)); or reduce it first with Sum() or Mean().");
            return Tensor.Full(root.DType, root.Dims, 1.0);
        }
        if (seed.DType != root.DType)
            throw new ArgumentException($"Backward: the seed gradient is {seed.DType} but the output is {root.DType}; convert it with To({root.DType}).");
        if (!seed.Shape.Equals(root.Shape))
            throw new ArgumentException($"Backward: the seed gradient has shape {seed.Shape} but the output has shape {root.Shape}; they must match.");
        return seed;
    }

    /// <summary>Post-order of the graph below <paramref name="root"/>, computed without recursion.</summary>
    private static List<Tensor> TopologicalOrder(Tensor root)
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance) { root };
        var stack = new Stack<(Tensor Tensor, int Next)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (t, next) = stack.Pop();
            Node? node = t.GradFn;
            if (node is not null && node.Released)
                throw new InvalidOperationException($"Backward through '{node.Name}' a second time: its saved tensors were freed by the first backward pass. Pass retainGraph: true to the first Backward call.");
            if (node is null || next >= node.Inputs.Length)
            {
                order.Add(t);
                continue;
            }
            stack.Push((t, next + 1));
            Tensor child = node.Inputs[next];
            if (node.VectorJacobianProducts[next] is not null && visited.Add(child)) stack.Push((child, 0));
        }
        return order;
    }

    private static void AccumulateIntoLeaf(Tensor leaf, Tensor g)
    {
        if (!leaf.RequiresGrad) return;
        leaf.Grad = leaf.Grad is null ? g.Clone() : leaf.Grad + g;
    }

    /// <summary>Sums <paramref name="grad"/> over the axes that broadcasting expanded for <paramref name="input"/>.</summary>
    internal static Tensor Unbroadcast(Tensor grad, Tensor input, string opName)
    {
        if (grad.DType != input.DType)
            throw new InvalidOperationException($"Internal error in the backward of '{opName}': gradient dtype {grad.DType} differs from input dtype {input.DType}.");
        if (grad.Shape.Equals(input.Shape)) return grad;
        int lead = grad.Order - input.Order;
        if (lead < 0)
            throw new InvalidOperationException($"Internal error in the backward of '{opName}': gradient shape {grad.Shape} has fewer axes than input shape {input.Shape}.");
        var axes = new List<int>();
        for (int i = 0; i < grad.Order; i++)
        {
            if (i < lead) axes.Add(i);
            else if (input.Dims[i - lead] == 1 && grad.Dims[i] != 1) axes.Add(i);
            else if (input.Dims[i - lead] != grad.Dims[i])
                throw new InvalidOperationException($"Internal error in the backward of '{opName}': gradient shape {grad.Shape} does not broadcast to input shape {input.Shape}.");
        }
        Tensor summed = axes.Count == 0 ? grad : grad.Sum([.. axes], keepDim: true);
        return summed.Reshape(input.Dims);
    }
}
