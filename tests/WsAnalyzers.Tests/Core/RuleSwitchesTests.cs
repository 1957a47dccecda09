using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WsAnalyzers.Core;

namespace WsAnalyzers.Tests.Core;

/// <summary>A rule family skips a rule only when the compilation's options turn it off for every file.</summary>
public sealed class RuleSwitchesTests
{
    private static readonly DiagnosticDescriptor Rule = Descriptors.WS1002ReconnectWithoutBackoff;

    [Fact]
    public void A_rule_is_on_without_settings() => Assert.False(IsOff(Compilation()));

    [Fact]
    public void A_rule_suppressed_in_the_compilation_options_is_off() =>
        Assert.True(IsOff(Compilation(specific: ReportDiagnostic.Suppress)));

    [Fact]
    public void A_rule_given_a_severity_in_the_compilation_options_is_on() =>
        Assert.False(IsOff(Compilation(specific: ReportDiagnostic.Warn)));

    [Fact]
    public void A_rule_suppressed_in_the_global_config_is_off() =>
        Assert.True(IsOff(Compilation(options: new Options(global: ReportDiagnostic.Suppress))));

    [Fact]
    public void A_rule_suppressed_globally_but_enabled_for_one_file_is_on() =>
        Assert.False(IsOff(Compilation(
            specific: ReportDiagnostic.Suppress,
            options: new Options(global: ReportDiagnostic.Suppress, perFile: new() { ["b.cs"] = ReportDiagnostic.Warn }))));

    [Fact]
    public void A_rule_suppressed_in_every_file_is_off() =>
        Assert.True(IsOff(Compilation(options: new Options(
            global: null, perFile: new() { ["a.cs"] = ReportDiagnostic.Suppress, ["b.cs"] = ReportDiagnostic.Suppress }))));

    [Fact]
    public void A_rule_suppressed_in_some_files_only_is_on() =>
        Assert.False(IsOff(Compilation(options: new Options(global: null, perFile: new() { ["a.cs"] = ReportDiagnostic.Suppress }))));

    private static bool IsOff(Compilation compilation) => RuleSwitches.IsOff(compilation, Rule, CancellationToken.None);

    private static Compilation Compilation(ReportDiagnostic? specific = null, Options? options = null)
    {
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        if (specific is { } severity)
        {
            compilationOptions = compilationOptions.WithSpecificDiagnosticOptions(ImmutableDictionary<string, ReportDiagnostic>.Empty.Add(Rule.Id, severity));
        }

        if (options is not null)
        {
            compilationOptions = compilationOptions.WithSyntaxTreeOptionsProvider(options);
        }

        return CSharpCompilation.Create(
            "Switches",
            new[] { CSharpSyntaxTree.ParseText("class A { }", path: "a.cs"), CSharpSyntaxTree.ParseText("class B { }", path: "b.cs") },
            options: compilationOptions);
    }

    private sealed class Options : SyntaxTreeOptionsProvider
    {
        private readonly ReportDiagnostic? _global;
        private readonly Dictionary<string, ReportDiagnostic> _perFile;

        public Options(ReportDiagnostic? global, Dictionary<string, ReportDiagnostic>? perFile = null)
        {
            _global = global;
            _perFile = perFile ?? new Dictionary<string, ReportDiagnostic>();
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            _perFile.TryGetValue(tree.FilePath, out severity) && diagnosticId == Rule.Id;

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = _global ?? ReportDiagnostic.Default;
            return _global is not null && diagnosticId == Rule.Id;
        }
    }
}
