using TensorNetworks;

// Least squares by autodiff: the gradient of L(w) = ||X·w - y||² / n is 2·Xᵀ(X·w - y) / n.
Console.WriteLine($"backend: {TN.BackendInfo}");
var gen = new Generator(seed: 7);
Tensor x = TN.Randn(gen, DType.Float64, 100, 3);
Tensor y = TN.MatMul(x, TN.Tensor(new[] { 2.0, -1.0, 0.5 }, 3, 1));
Tensor w = TN.Zeros(DType.Float64, 3, 1).RequiringGrad();

for (int step = 0; step <= 100; step++)
{
    Tensor residual = TN.MatMul(x, w) - y;
    Tensor loss = (residual * residual).Sum() / 100.0;
    loss.Backward();
    if (step % 25 == 0) Console.WriteLine($"step {step,3}: loss {loss.Item():0.000e+00}");
    using (TN.NoGrad()) w = (w - 0.2 * w.Grad!).Detach().RequiringGrad();
}

Console.WriteLine($"fitted w: {w.Detach().Reshape(3)}");

// A tensor train as a network of cores and legs: described, planned and contracted.
var mps = NetworkBuilder.TensorTrain(gen, [2, 2, 2, 2], bondDim: 3);
Console.WriteLine(mps.Describe());
Console.WriteLine($"dense shape: {mps.Contract().Shape}");
Console.WriteLine(TN.EinsumPlan("ij,jk,kl->il", [100, 2], [2, 100], [100, 100]));
