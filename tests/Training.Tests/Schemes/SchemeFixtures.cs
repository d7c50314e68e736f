using TensorNetworks.Nn;
using TensorNetworks.Training.Callbacks;

namespace TensorNetworks.Training.Tests.Schemes;

/// <summary>Records every step's loss.</summary>
internal sealed class LossRecorder : Callback
{
    public List<double> Losses { get; } = [];
    public override void OnStepEnd(TrainingRun run, StepRecord step) => Losses.Add(step.Loss);
}

/// <summary>X ≈ U Vᵀ with two factor parameters.</summary>
internal sealed class MatrixFactorization : Module
{
    public MatrixFactorization(Generator gen, int rows, int cols, int rank, bool nonNegative = false)
    {
        U = RegisterParameter("U", nonNegative ? TN.Rand(gen, rows, rank).To(DType.Float64) : TN.Randn(gen, rows, rank).To(DType.Float64));
        V = RegisterParameter("V", nonNegative ? TN.Rand(gen, cols, rank).To(DType.Float64) : TN.Randn(gen, cols, rank).To(DType.Float64));
    }

    public Parameter U { get; }
    public Parameter V { get; }

    public Tensor Reconstruct() => TN.MatMul(U.Value, V.Value.Transpose(0, 1));

    /// <summary>Relative squared error ‖X − U Vᵀ‖² / ‖X‖².</summary>
    public Tensor Loss(Tensor x) => (x - Reconstruct()).Pow(2).Sum() / x.Pow(2).Sum();
}
