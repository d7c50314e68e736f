using TensorNetworks;

namespace TensorNetworks.Tests.Einsum;

public sealed class ContractionPlanTests
{
    private static readonly Dictionary<int, int> s_sizes = new() { [65] = 2, [66] = 3, [97] = 4 };

    [Fact]
    public void ToString_PrintsIntegerLabelsAsNumbers()
    {
        string text = ContractionPlanner.Plan([[65, 66], [66, 97]], [65, 97], s_sizes).ToString();
        Assert.Contains("(65=2,66=3)", text);
        Assert.Contains("(65=2,97=4)", text);
        Assert.DoesNotContain("A=2", text);
    }

    [Fact]
    public void ToString_OfAnEinsumPlanPrintsItsLetters()
    {
        string text = TN.EinsumPlan("ij,jk->ik", [2, 3], [3, 4]).ToString();
        Assert.Contains("#0 (i=2,j=3) x #1 (j=3,k=4) -> #2 (i=2,k=4)", text);
    }

    [Fact]
    public void WithNames_PrintsTheNamesAndLeavesThePlanUnchanged()
    {
        ContractionPlan plan = ContractionPlanner.Plan([[65, 66], [66, 97]], [65, 97], s_sizes);
        string before = plan.ToString();
        ContractionPlan named = plan.WithNames(new Dictionary<int, string> { [65] = "p0" }, ["A0", "A1"]);
        Assert.Contains("A0 (p0=2,66=3) x A1 (66=3,97=4) -> #2 (p0=2,97=4)", named.ToString());
        Assert.Equal("p0", named.LabelName(65));
        Assert.Equal("66", named.LabelName(66));
        Assert.Equal("#2", named.OperandName(2));
        Assert.Equal(before, plan.ToString());
        Assert.Same(plan.Steps, named.Steps);
        Assert.Equal(plan.Flops, named.Flops);
    }

    [Fact]
    public void WithNames_RefusesOperandNamesOfTheWrongCount()
    {
        ContractionPlan plan = ContractionPlanner.Plan([[65, 66], [66, 97]], [65, 97], s_sizes);
        var e = Assert.Throws<ArgumentException>(() => plan.WithNames(new Dictionary<int, string>(), ["A0"]));
        Assert.Contains("1 operand names for a plan of 2 operands", e.Message);
    }
}
