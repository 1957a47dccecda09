using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using WsAnalyzers.RealWorld.Building;
using WsAnalyzers.RealWorld.Projects;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.RealWorld.Tests;

public sealed class ProjectCompilerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "wsrealworld-compiler-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Compiles_a_web_sdk_top_level_program_with_implicit_usings_a_project_reference_and_a_stand_in()
    {
        Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net8.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="websocket-sharp" Version="1.0.3-rc11" />
                <PackageReference Include="Some.Unknown.Package" Version="1.0.0" />
                <ProjectReference Include="..\Lib\Lib.csproj" />
              </ItemGroup>
            </Project>
            """);
        Write("App/Program.cs", """
            var app = WebApplication.CreateBuilder(args).Build();
            app.UseWebSockets();
            var client = new WebSocketSharp.WebSocket("ws://localhost:5000");
            Lib.Helper.Run(client.IsAlive);
            app.Run();
            """);
        Write("App/obj/Debug/Generated.cs", "this is not C#");
        Write("App/Nested/Nested.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Write("App/Nested/Other.cs", "this is not C# either");
        Write("Lib/Lib.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>netstandard2.0</TargetFramework></PropertyGroup></Project>""");
        Write("Lib/Helper.cs", "namespace Lib { public static class Helper { public static void Run(bool alive) { } } }");

        var built = new ProjectCompiler(Packs()).Build(ProjectLocator.Locate(_root, Path.Combine(_root, "App", "Program.cs")));

        Assert.Empty(built.Errors);
        Assert.Equal(OutputKind.ConsoleApplication, built.Compilation.Options.OutputKind);
        Assert.Equal(["WebSocketSharp.cs"], built.StandIns);
        Assert.Equal(["package Some.Unknown.Package"], built.Unresolved);
        Assert.Contains(built.Compilation.References, r => r is CompilationReference c && c.Compilation.AssemblyName == "Lib");
        Assert.DoesNotContain(built.Compilation.SyntaxTrees, t => t.FilePath.Contains("obj", StringComparison.Ordinal) && !t.FilePath.EndsWith("GlobalUsings.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(built.Compilation.SyntaxTrees, t => t.FilePath.Contains("Nested", StringComparison.Ordinal));
    }

    [Fact]
    public void Compiles_an_old_style_project_from_its_compile_items_with_the_system_web_stand_in()
    {
        Write("Legacy/Legacy.csproj", """
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup><OutputType>Library</OutputType><TargetFrameworkVersion>v4.7.2</TargetFrameworkVersion></PropertyGroup>
              <ItemGroup><Reference Include="System" /><Reference Include="System.Web" /></ItemGroup>
              <ItemGroup><Compile Include="Handler.cs" /></ItemGroup>
            </Project>
            """);
        Write("Legacy/Handler.cs", """
            using System.Threading.Tasks;
            using System.Web;
            using System.Web.WebSockets;
            public class Handler : IHttpHandler
            {
                public bool IsReusable => false;
                public void ProcessRequest(HttpContext context) => context.AcceptWebSocketRequest(Run);
                private static Task Run(AspNetWebSocketContext c) => Task.FromResult(c.WebSocket);
            }
            """);
        Write("Legacy/NotInTheProject.cs", "this file is not a Compile item");

        var built = new ProjectCompiler(Packs()).Build(ProjectLocator.Locate(_root, Path.Combine(_root, "Legacy", "Handler.cs")));

        Assert.Empty(built.Errors);
        Assert.Equal(["SystemWeb.cs"], built.StandIns);
        Assert.Equal(2, built.Compilation.SyntaxTrees.Count());
        Assert.Contains("NETFRAMEWORK", ((Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)built.Compilation.SyntaxTrees.First().Options).PreprocessorSymbolNames);
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static ReferencePacks Packs() =>
        ReferencePacks.Find(ReferencePacks.RuntimeDotnetRoot) ?? throw new InvalidOperationException("no reference packs");
}
