using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace WsAnalyzers.Tests.Verifiers;

/// <summary>
/// Runs an analyzer (and its fixer) on markup sources: <c>{|WS3001:ws.SendAsync(...)|}</c> marks an expected diagnostic.
/// A fix test also checks Fix All in document, project and solution scope.
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAnalyzerAsync(string source) => CreateTest(source, fixedSource: null).RunAsync();

    public static Task VerifyCodeFixAsync(string source, string fixedSource) => CreateTest(source, fixedSource).RunAsync();

    public static Test CreateTest(string source, string? fixedSource)
    {
        var test = new Test { TestCode = source };
        TestEnvironment.Configure(test.TestState);
        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
            TestEnvironment.Configure(test.FixedState);
        }

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
