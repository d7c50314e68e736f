using TensorNetworks.Training.Data;
using TensorNetworks.Training.Schemes;

namespace TensorNetworks.Training.Tests.Schemes;

public class MultiplicativeSchemeTests
{
    [Fact]
    public void FrobeniusNmf_DecreasesMonotonicallyAndKeepsFactorsNonNegative()
    {
        var gen = new Generator(11);
        Tensor x = TN.MatMul(TN.Rand(gen, 40, 4), TN.Rand(gen, 4, 25)).To(DType.Float64);
        var model = new MatrixFactorization(gen, 40, 25, 4, nonNegative: true);
        // X ≈ U Vᵀ: U ← U ⊙ (X V) / (U VᵀV), V ← V ⊙ (Xᵀ U) / (V UᵀU)
        var scheme = new MultiplicativeScheme(
            (model.U, _ => (TN.MatMul(x, model.V.Value), TN.MatMul(model.U.Value, TN.MatMul(model.V.Value.Transpose(0, 1), model.V.Value)))),
            (model.V, _ => (TN.MatMul(x.Transpose(0, 1), model.U.Value), TN.MatMul(model.V.Value, TN.MatMul(model.U.Value.Transpose(0, 1), model.U.Value)))));
        var recorder = new LossRecorder();
        double initial = model.Loss(x).Item();

        Trainer.Fit(model, new FullBatch(new Batch(x)), b => model.Loss(b.Inputs), scheme,
            new TrainOptions { Epochs = 300, Callbacks = { recorder } });

        for (int i = 1; i < recorder.Losses.Count; i++)
            Assert.True(recorder.Losses[i] <= recorder.Losses[i - 1] * (1 + 1e-12), $"loss rose at step {i}");
        Assert.True(recorder.Losses[^1] < initial * 1e-2, $"loss {initial:E3} -> {recorder.Losses[^1]:E3}");
        Assert.True(model.U.Value.Min().Item() >= 0 && model.V.Value.Min().Item() >= 0);
    }

    [Fact]
    public void Prepare_RejectsNegativeStart()
    {
        var model = new MatrixFactorization(new Generator(3), 5, 4, 2);
        var scheme = new MultiplicativeScheme((model.U, _ => (model.U.Value, model.U.Value)));
        var e = Assert.Throws<ArgumentException>(() => Trainer.Fit(model, new FullBatch(new Batch(TN.Zeros(5, 4))), b => model.Loss(b.Inputs), scheme));
        Assert.Contains("negative", e.Message);
    }
}
