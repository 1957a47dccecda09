using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace WsAnalyzers.Tests.Verifiers;

/// <summary>
/// Runs one rule as it ships: the family analyzer that reports it, with the family's other rules turned off through the
/// compilation options (<see cref="AnalyzerTest{TVerifier}.DisabledDiagnostics"/>; the rule switches then skip their
/// work, as they do for a user who turns them off). Sources are markup: <c>{|WS3001:ws.SendAsync(...)|}</c> marks an
/// expected diagnostic. A fix test also checks Fix All in document, project and solution scope. Rules without a fix use
/// <see cref="EmptyCodeFixProvider"/>.
/// </summary>
public sealed class RuleVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    private readonly ImmutableArray<string> _otherRules;

    public RuleVerifier(string ruleId)
    {
        var rules = new TAnalyzer().SupportedDiagnostics.Select(d => d.Id).Distinct().ToImmutableArray();
        if (!rules.Contains(ruleId))
        {
            throw new ArgumentException($"{typeof(TAnalyzer).Name} does not report {ruleId}.", nameof(ruleId));
        }

        RuleId = ruleId;
        _otherRules = rules.Remove(ruleId);
    }

    public string RuleId { get; }

    /// <param name="framework">What the source compiles against: <see cref="TestEnvironment.Net8"/> when not given.</param>
    public Task VerifyAnalyzerAsync(string source, TestFramework? framework = null) => CreateTest(source, fixedSource: null, framework).RunAsync();

    /// <param name="framework">What the source compiles against: <see cref="TestEnvironment.Net8"/> when not given.</param>
    public Task VerifyCodeFixAsync(string source, string fixedSource, TestFramework? framework = null) => CreateTest(source, fixedSource, framework).RunAsync();

    /// <summary>A test of <paramref name="source"/> (and of the fix, when <paramref name="fixedSource"/> is given) to adjust before it runs.</summary>
    public Test CreateTest(string source, string? fixedSource, TestFramework? framework = null)
    {
        var test = new Test { TestCode = source };
        TestEnvironment.Configure(test.TestState, framework);
        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
            TestEnvironment.Configure(test.FixedState, framework);
        }

        test.DisabledDiagnostics.AddRange(_otherRules);
        return test;
    }

    /// <summary>A test of several named files (no fix).</summary>
    public Test CreateTest((string Name, string Source)[] files, TestFramework? framework = null)
    {
        var test = new Test();
        foreach (var file in files)
        {
            test.TestState.Sources.Add(file);
        }

        TestEnvironment.Configure(test.TestState, framework);
        test.DisabledDiagnostics.AddRange(_otherRules);
        return test;
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestEnvironment.ReferenceAssemblies;
        }
    }
}
