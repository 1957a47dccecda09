using System.Linq;
using WsAnalyzers.RealWorld.Labels;

namespace WsAnalyzers.RealWorld.Tests;

public class LabelFileTests
{
    private const string Header = "repo\tcommit\tpath\tline\trule\texpected\tconfidence\twhy";
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void Reads_labels_and_skips_comments_and_blank_lines()
    {
        var labels = LabelFile.Parse(
            ["# corpus", Header, "", $"a/b\t{Commit}\tsrc\\X.cs\t12\tWS3001\tbug\thigh\tNo state check.", $"a/b\t{Commit}\tsrc/X.cs\t20\tWS3001\tclean\tmedium\tChecked."],
            "labels.tsv");

        Assert.Equal(2, labels.Count);
        Assert.Equal("src/X.cs", labels[0].Path);
        Assert.Equal(Expectation.Bug, labels[0].Expected);
        Assert.Equal(Expectation.Clean, labels[1].Expected);
        Assert.Equal(5, labels[1].SourceLine);
    }

    [Theory]
    [InlineData("a/b\tabc\tX.cs\t1\tWS1001\tbug\thigh\twhy", "labels.tsv:2: commit")]
    [InlineData("a/b\t" + Commit + "\tX.cs\t0\tWS1001\tbug\thigh\twhy", "labels.tsv:2: line")]
    [InlineData("a/b\t" + Commit + "\tX.cs\t1\tWS1\tbug\thigh\twhy", "labels.tsv:2: rule")]
    [InlineData("a/b\t" + Commit + "\tX.cs\t1\tWS1001\tmaybe\thigh\twhy", "labels.tsv:2: expected")]
    [InlineData("a/b\t" + Commit + "\tX.cs\t1\tWS1001\tbug\tlow\twhy", "labels.tsv:2: confidence")]
    [InlineData("a/b\t" + Commit + "\t../X.cs\t1\tWS1001\tbug\thigh\twhy", "labels.tsv:2: path")]
    [InlineData("a/b\t" + Commit + "\tX.cs\t1\tWS1001\tbug\thigh", "labels.tsv:2: 7 fields")]
    [InlineData("nobody\t" + Commit + "\tX.cs\t1\tWS1001\tbug\thigh\twhy", "labels.tsv:2: repo")]
    public void Rejects_a_malformed_line_naming_it(string line, string expected)
    {
        var error = Assert.Throws<LabelFileException>(() => LabelFile.Parse([Header, line], "labels.tsv"));
        Assert.StartsWith(expected, error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_duplicate_label_and_a_missing_header()
    {
        var line = $"a/b\t{Commit}\tX.cs\t1\tWS1001\tbug\thigh\twhy";
        Assert.Contains("line 2", Assert.Throws<LabelFileException>(() => LabelFile.Parse([Header, line, line], "l")).Message);
        Assert.Contains("header", Assert.Throws<LabelFileException>(() => LabelFile.Parse([line], "l")).Message);
        Assert.Contains("no header", Assert.Throws<LabelFileException>(() => LabelFile.Parse(["# only a comment"], "l")).Message);
    }

    [Fact]
    public void The_corpus_labels_file_is_well_formed()
    {
        var labels = LabelFile.Load(System.IO.Path.Combine(RepositoryRoot.Path, "eval", "realworld", "labels.tsv"));

        Assert.True(labels.Count >= 100);
        Assert.True(labels.Select(l => l.Repo).Distinct().Count() >= 25);
        Assert.All(labels.GroupBy(l => l.Repo), g => Assert.Single(g.Select(l => l.Commit).Distinct()));
    }
}
