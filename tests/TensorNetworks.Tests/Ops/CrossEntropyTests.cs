using TensorNetworks;

namespace TensorNetworks.Tests.Ops;

public sealed class CrossEntropyTests
{
    private static readonly int[] Labels = [2, 0, 4, 4, 1, 3];

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void CrossEntropy_MatchesMeanNegativeLogLikelihood(DType dtype)
    {
        Tensor logits = Reference.Randn(31, dtype, 6, 5) * 3.0;
        double[] v = logits.ToArray<double>();
        double expected = Enumerable.Range(0, 6).Average(n =>
            Math.Log(Enumerable.Range(0, 5).Sum(c => Math.Exp(v[n * 5 + c]))) - v[n * 5 + Labels[n]]);
        Tensor loss = TN.CrossEntropy(logits, Labels);
        Assert.Equal(0, loss.Order);
        Assert.Equal(dtype, loss.DType);
        Reference.Close([expected], loss, 2 * Reference.Tolerance(dtype));
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void CrossEntropy_GradientIsSoftmaxMinusOneHotOverN(DType dtype)
    {
        Tensor logits = Reference.Randn(32, dtype, 6, 5).RequiringGrad();
        TN.CrossEntropy(logits, Labels).Backward();
        double[] expected = logits.Detach().To(DType.Float64).Softmax(1).ToArray<double>();
        for (int n = 0; n < 6; n++) expected[n * 5 + Labels[n]] -= 1;
        Reference.Close([.. expected.Select(e => e / 6)], logits.Grad!, 2 * Reference.Tolerance(dtype));
    }

    /// <summary>Without a gradient the loss allocates its 0-d result and the kernel object; the row sums and picked
    /// logits come from a pool (they were two double[N]).</summary>
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void CrossEntropy_WithoutAGradientAllocatesNoPerRowArrays(DType dtype)
    {
        Tensor logits = Reference.Randn(33, dtype, 4096, 10);
        int[] labels = [.. Enumerable.Range(0, 4096).Select(n => n % 10)];
        long perCall = Allocations.PerCall(() => _ = TN.CrossEntropy(logits, labels));
        Assert.True(perCall < 1024, $"a 4096-row cross-entropy allocated {perCall} B per call");
    }

    public static TheoryData<DType, int, int> Shapes() => new()
    {
        { DType.Float32, 1, 1 },
        { DType.Float64, 1, 7 },
        { DType.Float32, 7, 1 },
        { DType.Float32, 205, 10 },
        { DType.Float64, 205, 10 },
        { DType.Float32, 2000, 37 },
        { DType.Float64, 2000, 37 },
        { DType.Float32, 5, 1025 },
        { DType.Float64, 3, 5000 },
    };

    /// <summary>The loss and the logits' gradient in double: mean of ln Σ_c exp(x[n, c] − mₙ) − (x[n, yₙ] − mₙ), and
    /// (softmax − onehot) / N.</summary>
    private static (double Loss, double[] Gradient) NaiveCrossEntropy(double[] x, int[] labels, int classes)
    {
        int rows = labels.Length;
        double loss = 0;
        var gradient = new double[x.Length];
        for (int n = 0; n < rows; n++)
        {
            double m = x.Skip(n * classes).Take(classes).Max(), sum = 0;
            for (int c = 0; c < classes; c++) sum += Math.Exp(x[n * classes + c] - m);
            loss += Math.Log(sum) - (x[n * classes + labels[n]] - m);
            for (int c = 0; c < classes; c++) gradient[n * classes + c] = Math.Exp(x[n * classes + c] - m) / sum / rows;
            gradient[n * classes + labels[n]] -= 1.0 / rows;
        }
        return (loss / rows, gradient);
    }

    private static int[] RandomLabels(int rows, int classes, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, rows).Select(_ => random.Next(classes))];
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void CrossEntropy_AndItsGradientMatchTheNaiveFormulasForEveryShape(DType dtype, int rows, int classes)
    {
        // One row or class, several groups of short rows (102 rows of 10), enough elements to split across the cores,
        // and rows longer than a summed chunk (1024) or a stack line (4096).
        Tensor logits = (Reference.Randn(34, dtype, rows, classes) * 4.0).RequiringGrad();
        int[] labels = RandomLabels(rows, classes, rows + classes);
        var (loss, gradient) = NaiveCrossEntropy(logits.ToArray<double>(), labels, classes);
        Tensor result = TN.CrossEntropy(logits, labels);
        result.Backward();
        Reference.Close([loss], result, 2 * Reference.Tolerance(dtype));
        Reference.Close(gradient, logits.Grad!, 2 * Reference.Tolerance(dtype));
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void CrossEntropy_GivesTheSameLossWithAndWithoutAGradient(DType dtype)
    {
        // The forward alone keeps its exps in scratch, the recorded one in the tensor the backward reads.
        Tensor logits = Reference.Randn(35, dtype, 700, 10) * 3.0;
        int[] labels = RandomLabels(700, 10, 3);
        double alone = TN.CrossEntropy(logits, labels).Item();
        Assert.Equal(alone, TN.CrossEntropy(logits.RequiringGrad(), labels).Item());
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void CrossEntropy_OfSpecialValuesMatchesTheLogSoftmaxItIsTheMeanOf(DType dtype)
    {
        // Rows with −∞ beside finite values (at the label or not), all −∞, +∞ and NaN: each row alone against
        // −log softmax(x)[n, yₙ], and the gradient of a finite loss against softmax − onehot.
        double inf = double.PositiveInfinity;
        double[][] rows = [[0.5, -inf, 2], [0.5, -inf, 2], [-inf, -inf, -inf], [1, inf, 0], [1, inf, 0], [1, double.NaN, 0]];
        int[] labels = [0, 1, 2, 1, 0, 2];
        for (int n = 0; n < rows.Length; n++)
        {
            Tensor logits = TN.Tensor(rows[n], 1, 3).To(dtype);
            double expected = -logits.To(DType.Float64).LogSoftmax(1).ToArray<double>()[labels[n]];
            double loss = TN.CrossEntropy(logits, [labels[n]]).Item();
            Assert.True(expected.Equals(loss) || Math.Abs(loss - expected) <= 4 * Reference.Tolerance(dtype) * (1 + Math.Abs(expected)),
                $"row {n}: expected {expected}, got {loss}");
        }
        Tensor finite = TN.Tensor(rows[0], 1, 3).To(dtype).RequiringGrad();
        TN.CrossEntropy(finite, [0]).Backward();
        Reference.Close(NaiveCrossEntropy([0.5, double.NegativeInfinity, 2], [0], 3).Gradient, finite.Grad!, 2 * Reference.Tolerance(dtype));
    }

    [Fact]
    public void CrossEntropy_IsStableForHugeLogits()
    {
        var logits = TN.Tensor(new float[] { 1e4f, 0, -1e4f, 0 }, 2, 2).RequiringGrad();
        Tensor loss = TN.CrossEntropy(logits, [1, 0]);
        Assert.Equal(1e4f, (float)loss.Item(), 1e-2f);
        loss.Backward();
        Assert.All(logits.Grad!.ToArray<float>(), g => Assert.True(float.IsFinite(g)));
    }

    [Fact]
    public void CrossEntropy_Float32KeepsItsPrecisionForLargeLogits()
    {
        // Logits near 1e4 are exact in float32 but their log-sum-exp is not: the loss must come from
        // (m − x_y) + ln Σ exp(x − m), not from lse − x_y. The first row's loss, ln(1 + e⁻⁵) = 0.00671534849, is
        // the float32 0.0067153484 when the log is taken of the double sum; PyTorch gives the next float32, 0.0067153489.
        float[] values = [1e4f, 9995f, 100f, 95f, 1000f, 995f, -3e4f, -29990.5f];
        int[] labels = [0, 0, 1, 1];
        Tensor single = TN.Tensor(values, 4, 2).RequiringGrad();
        Tensor wide = TN.Tensor(values, 4, 2).To(DType.Float64).RequiringGrad();

        Tensor loss = TN.CrossEntropy(single, labels);
        Tensor expected = TN.CrossEntropy(wide, labels);
        loss.Backward();
        expected.Backward();

        Assert.True(Math.Abs(loss.Item() - expected.Item()) <= 1e-6 * Math.Abs(expected.Item()), $"float32 {loss.Item():R}, float64 {expected.Item():R}");
        Assert.Equal((float)Math.Log(1 + Math.Exp(-5)), (float)TN.CrossEntropy(single.Detach().Narrow(0, 0, 1), [0]).Item());
        Reference.Close(wide.Grad!.ToArray<double>(), single.Grad!, 1e-6);
    }

    [Fact]
    public void CrossEntropy_TensorLabelsMatchIntLabels()
    {
        Tensor logits = Reference.Randn(33, DType.Float64, 6, 5);
        Tensor labels = TN.Tensor(Labels.Select(l => (float)l).ToArray());
        Assert.Equal(TN.CrossEntropy(logits, Labels).Item(), TN.CrossEntropy(logits, labels).Item());
    }

    [Fact]
    public void CrossEntropy_ThrowsForALabelOutOfRange()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.CrossEntropy(TN.Zeros(3, 5), [0, 4, 7]));
        Assert.Contains("label 7 at row 2", e.Message);
        Assert.Contains("5 classes", e.Message);
        Assert.Contains("0..4", e.Message);
    }

    [Fact]
    public void CrossEntropy_ThrowsForANegativeLabel()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.CrossEntropy(TN.Zeros(2, 3), TN.Tensor(new float[] { -1, 0 })));
        Assert.Contains("label -1 at row 0", e.Message);
    }

    [Fact]
    public void CrossEntropy_ThrowsForAFractionalLabel()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.CrossEntropy(TN.Zeros(2, 3), TN.Tensor(new[] { 1.0, 1.5 })));
        Assert.Contains("label 1.5 at row 1", e.Message);
        Assert.Contains("whole number", e.Message);
    }

    [Fact]
    public void CrossEntropy_CallsAWholeLabelBeyondIntRangeOutOfRange()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.CrossEntropy(TN.Zeros(2, 3), TN.Tensor(new[] { 1e10, 0 })));
        Assert.Contains("label 10000000000 at row 0 is out of range for 3 classes", e.Message);
        Assert.Contains("0..2", e.Message);
    }

    [Fact]
    public void CrossEntropy_ThrowsForALabelCountMismatch()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.CrossEntropy(TN.Zeros(3, 5), [0, 1]));
        Assert.Contains("2 labels for 3 rows", e.Message);
    }

    [Fact]
    public void CrossEntropy_ThrowsForLogitsThatAreNotAMatrix()
    {
        var e = Assert.Throws<ArgumentException>(() => TN.CrossEntropy(TN.Zeros(5), [0]));
        Assert.Contains("[N, C]", e.Message);
        Assert.Contains("[5]", e.Message);
    }
}
