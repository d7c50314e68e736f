using TensorNetworks.Training.Data;

namespace TensorNetworks.Training.Tests.Data;

public class DataLocatorTests
{
    [Fact]
    public void Candidates_AreDataRootThenRepositoryThenSystem()
    {
        using var repo = new TempFolder();
        repo.Write("tn.sln", []);
        string start = Path.Combine(repo.Path, "tests", "bin");
        Directory.CreateDirectory(start);

        var candidates = DataLocator.Candidates(null, "things", ["/usr/share/things"], "/mnt/data", [start, repo.Path]);

        Assert.Equal(["/mnt/data/things", Path.Combine(repo.Path, "data", "things"), "/usr/share/things"], candidates);
    }

    [Fact]
    public void Candidates_AreOnlyTheExplicitPathWhenGiven()
    {
        var candidates = DataLocator.Candidates("/somewhere/mine", "things", ["/usr/share/things"], "/mnt/data", ["/"]);

        Assert.Equal(["/somewhere/mine"], candidates);
    }

    [Fact]
    public void Candidates_SkipAnUnsetDataRootAndAStartOutsideTheRepository()
    {
        using var outside = new TempFolder();

        var candidates = DataLocator.Candidates(null, "things", ["/usr/share/things"], null, [outside.Path]);

        Assert.Equal(["/usr/share/things"], candidates);
    }

    [Fact]
    public void Find_ReturnsTheFirstFolderHoldingTheData()
    {
        string found = DataLocator.Find("Things", ["/a", "/b", "/c"], f => f != "/a");

        Assert.Equal("/b", found);
    }

    [Fact]
    public void Find_ThrowsListingEveryFolderTriedAndTheFix()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => DataLocator.Find("Things", ["/a", "/b"], _ => false));

        Assert.Contains("Things", e.Message);
        Assert.Contains("\"/a\"; \"/b\"", e.Message);
        Assert.Contains("scripts/setup.sh", e.Message);
        Assert.Contains("TN_DATA", e.Message);
    }

    [Fact]
    public void RepositoryRoot_FindsTheFolderWithTheSolution()
    {
        using var repo = new TempFolder();
        repo.Write("tn.sln", []);
        string deep = Path.Combine(repo.Path, "a", "b");
        Directory.CreateDirectory(deep);

        Assert.Equal(repo.Path, DataLocator.RepositoryRoot(deep));
    }
}
