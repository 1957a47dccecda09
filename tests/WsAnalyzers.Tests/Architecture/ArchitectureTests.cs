using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetArchTest.Rules;
using WsAnalyzers.Tests.Infrastructure;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Tests.Architecture;

/// <summary>
/// The folder rules of docs/architecture.md, on the built analyzer and fixer assemblies. The last test builds small
/// assemblies that break each rule and shows that the same rule then fails, so a passing run means something.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly FolderLayout Package = FolderLayout.OfThePackage();

    private static Types Analyzers() => Types.InAssembly(AnalyzerCatalog.Assembly);

    private static Types Fixers() => Types.InAssembly(FixerCatalog.Assembly);

    [Fact]
    public void Shared_folders_use_no_family() => Assert.Empty(DependencyRules.SharedFoldersUseNoFamily(Analyzers, Package));

    [Fact]
    public void A_family_uses_no_other_family() => Assert.Empty(DependencyRules.FamiliesUseNoOtherFamily(Analyzers, Package));

    [Fact]
    public void Fixers_use_only_their_own_family() => Assert.Empty(DependencyRules.FixersUseOnlyTheirFamily(Fixers, Package));

    [Fact]
    public void Each_family_folder_is_named_after_its_category_and_holds_one_shipped_analyzer()
    {
        Assert.NotEmpty(Package.Families);
        Assert.NotEmpty(Package.Shared);
        foreach (var analyzer in AnalyzerCatalog.Analyzers)
        {
            var categories = analyzer.SupportedDiagnostics.Select(d => d.Category).Distinct().ToList();
            Assert.Equal($"{FolderLayout.AnalyzerRoot}.{Assert.Single(categories)}", analyzer.GetType().Namespace);
            Assert.Equal(Assert.Single(categories) + "Analyzer", analyzer.GetType().Name);
        }

        Assert.Equal(Package.Families.Length, AnalyzerCatalog.Analyzers.Length);
    }

    [Fact]
    public void Every_concrete_analyzer_is_shipped()
    {
        var concrete = AnalyzerCatalog.Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();

        Assert.NotEmpty(concrete);
        Assert.All(concrete, t => Assert.True(t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false), $"{t.FullName} has no [DiagnosticAnalyzer]"));
        Assert.Equal(concrete.Count, AnalyzerCatalog.Analyzers.Length);
    }

    [Theory]
    [InlineData("src/WsAnalyzers", FolderLayout.AnalyzerRoot)]
    [InlineData("src/WsAnalyzers.CodeFixes", FolderLayout.FixerRoot)]
    public void Every_source_file_is_in_a_role_folder_whose_namespace_it_declares(string project, string rootNamespace)
    {
        var root = RepositoryPaths.Combine(project.Split('/'));
        var folders = rootNamespace == FolderLayout.AnalyzerRoot
            ? Package.Families.Concat(Package.Shared)
            : Package.Families.Select(FolderLayout.FixerFolderOf).Concat(Package.FixerShared);
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                           !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var folder = Path.GetRelativePath(root, Path.GetDirectoryName(file)!);
            Assert.True(folder != ".", $"{file} is not in a folder that names its role");
            var expected = rootNamespace + "." + folder.Replace(Path.DirectorySeparatorChar, '.');
            Assert.Contains(expected, folders);
            Assert.Matches(new Regex($@"^namespace {Regex.Escape(expected)};", RegexOptions.Multiline), File.ReadAllText(file));
        }
    }

    private const string Layered = """
        namespace WsAnalyzers.Core { public class Report { /*CORE*/ } }
        namespace WsAnalyzers.Reconnect { public class RetryPath { public WsAnalyzers.Core.Report Report; /*RECONNECT*/ } }
        namespace WsAnalyzers.Sending { public class SendSite { public WsAnalyzers.Core.Report Report; } }
        namespace WsAnalyzers.CodeFixes.Core { public class Batch { /*FIXCORE*/ } }
        namespace WsAnalyzers.CodeFixes.Reconnect { public class Backoff { public WsAnalyzers.Reconnect.RetryPath Path; public WsAnalyzers.CodeFixes.Core.Batch Batch; /*FIXER*/ } }
        namespace WsAnalyzers.CodeFixes.Sending { public class Guard { public WsAnalyzers.Sending.SendSite Site; } }
        """;

    public static TheoryData<string, string, string, string> Violations() => new()
    {
        { "none", "", "", "" },
        { nameof(DependencyRules.SharedFoldersUseNoFamily), "CORE", "public WsAnalyzers.Sending.SendSite Site;", "WsAnalyzers.Core.Report" },
        { nameof(DependencyRules.FamiliesUseNoOtherFamily), "RECONNECT", "public void Send(WsAnalyzers.Sending.SendSite site) { }", "WsAnalyzers.Reconnect.RetryPath" },
        { nameof(DependencyRules.FixersUseOnlyTheirFamily), "FIXER", "public object Other() => new WsAnalyzers.CodeFixes.Sending.Guard();", "WsAnalyzers.CodeFixes.Reconnect.Backoff" },
        { nameof(DependencyRules.FixersUseOnlyTheirFamily), "FIXCORE", "public WsAnalyzers.Reconnect.RetryPath Path;", "WsAnalyzers.CodeFixes.Core.Batch" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Each_rule_fails_on_an_assembly_that_breaks_it_and_only_then(string brokenRule, string marker, string member, string offender)
    {
        var path = Compile(marker.Length == 0 ? Layered : Layered.Replace($"/*{marker}*/", member));
        try
        {
            var layout = new FolderLayout(
                ["WsAnalyzers.Reconnect", "WsAnalyzers.Sending"], ["WsAnalyzers.Core"], ["WsAnalyzers.CodeFixes.Core"]);
            Types Built() => Types.FromFile(path);
            var results = new[]
            {
                (nameof(DependencyRules.SharedFoldersUseNoFamily), DependencyRules.SharedFoldersUseNoFamily(Built, layout)),
                (nameof(DependencyRules.FamiliesUseNoOtherFamily), DependencyRules.FamiliesUseNoOtherFamily(Built, layout)),
                (nameof(DependencyRules.FixersUseOnlyTheirFamily), DependencyRules.FixersUseOnlyTheirFamily(Built, layout)),
            };

            foreach (var (rule, violations) in results)
            {
                if (rule == brokenRule)
                {
                    Assert.Contains(violations, v => v.StartsWith(offender + " ", StringComparison.Ordinal));
                }
                else
                {
                    Assert.Empty(violations);
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Compile(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Layered" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(Path.GetTempPath(), compilation.AssemblyName + ".dll");
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return path;
    }
}
