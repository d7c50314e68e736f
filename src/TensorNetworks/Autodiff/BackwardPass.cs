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
        foreach (Tensor t in order) t.GradFn?.ThrowIfModified(t);
        var grads = new GradientTable(order.Count);
        grads.Accumulate(root, seed, owned: false);
        var captured = targets is null ? null : new Tensor?[targets.Length];
        var results = new List<Tensor?>(2);

        using (new NoGradScope())
        {
            for (int k = order.Count - 1; k >= 0; k--)
            {
                Tensor t = order[k];
                if (!grads.Remove(t, out Tensor g, out bool owned)) continue;

                if (targetIndex is not null && targetIndex.TryGetValue(t, out int ti))
                {
                    captured![ti] = g;
                    owned = false;
                }

                Node? node = t.GradFn;
                if (node is null)
                {
                    if (targets is null) AccumulateIntoLeaf(t, g, owned);
                    continue;
                }
                Propagate(node, g, owned, grads, results);
                if (!retainGraph) node.Release();
            }
        }

        if (captured is null) return null;
        var result = new Tensor[captured.Length];
        for (int i = 0; i < result.Length; i++)
        {
            int first = targetIndex![targets![i]];
            Tensor? gradient = captured[first];
            // A target listed again gets its own copy of the first listing's gradient.
            result[i] = gradient is null ? Tensor.ZerosOf(targets[i].DType, targets[i].Dims) : first == i ? gradient : gradient.Clone();
        }
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

    /// <summary>
    /// Runs the node's vector-Jacobian products on <paramref name="g"/> and adds each result to its input's
    /// gradient. A result is owned when its storage was created by the product (its storage id was taken
    /// on this thread after the call began), or when it is the owned <paramref name="g"/> passed through unchanged (identity,
    /// reshape) to this one input; and in either case only when no other result shares its storage.
    /// <paramref name="results"/> is scratch space, reused from node to node.
    /// </summary>
    private static void Propagate(Node node, Tensor g, bool gOwned, GradientTable grads, List<Tensor?> results)
    {
        long before = StorageIds.Next();
        results.Clear();
        for (int i = 0; i < node.Inputs.Length; i++)
        {
            var vjp = node.VectorJacobianProducts[i];
            results.Add(vjp is null ? null : Unbroadcast(vjp(g), node.Inputs[i], node.Name));
        }
        for (int i = 0; i < results.Count; i++)
        {
            if (results[i] is not Tensor gi) continue;
            bool owned = (StorageIds.TakenAfter(gi.StorageId, before) || (gOwned && gi.SharesStorageWith(g))) && !SharedWithOther(results, i);
            grads.Accumulate(node.Inputs[i], gi, owned);
        }
    }

    private static bool SharedWithOther(List<Tensor?> results, int i)
    {
        for (int j = 0; j < results.Count; j++)
            if (j != i && results[j] is Tensor other && other.SharesStorageWith(results[i]!)) return true;
        return false;
    }

    /// <summary>Adds <paramref name="g"/> to the leaf's gradient, copying it only when the pass does not own it.</summary>
    private static void AccumulateIntoLeaf(Tensor leaf, Tensor g, bool owned)
    {
        if (!leaf.RequiresGrad) return;
        if (leaf.Grad is null) leaf.Grad = owned ? g : g.Clone();
        else leaf.Grad = GradientTable.Sum((g, owned), (leaf.Grad, false)).Gradient;
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
