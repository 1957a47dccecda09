using WsAnalyzers.RealWorld.Projects;

namespace WsAnalyzers.RealWorld.Tests;

public class GlobTests
{
    [Theory]
    [InlineData("**/*.cs", "A.cs", true)]
    [InlineData("**/*.cs", "x/y/A.cs", true)]
    [InlineData("*.cs", "x/A.cs", false)]
    [InlineData("Legacy/**", "Legacy/a/B.cs", true)]
    [InlineData("Legacy/**", "Other/B.cs", false)]
    [InlineData(".\\Old\\*.cs", "Old/A.cs", true)]
    [InlineData("A?.cs", "AB.cs", true)]
    public void Matches_msbuild_globs_on_relative_paths(string pattern, string path, bool expected) =>
        Assert.Equal(expected, Glob.ToRegex(pattern).IsMatch(path));
}
