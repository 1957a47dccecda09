using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsAnalyzers.Cli.Proxy.App;

namespace WsAnalyzers.Cli.Proxy.Yarp;

/// <summary>
/// Code-configured YARP routes and clusters (`new RouteConfig { ... }`, `new ClusterConfig { ... }` passed to
/// LoadFromMemory), read from the syntax of files that import Yarp.ReverseProxy.Configuration. Only constant values
/// count; a cluster whose settings come from elsewhere is taken with the defaults YARP would use for what is missing.
/// </summary>
internal static class YarpCodeReader
{
    private const string Namespace = "Yarp.ReverseProxy.Configuration";

    public static YarpConfig? Read(IEnumerable<string> csharpFiles)
    {
        var clusters = new List<YarpCluster>();
        var routes = new List<YarpRoute>();
        var files = new List<ConfigFile>();
        foreach (var path in csharpFiles)
        {
            var file = ConfigFile.Read(path);
            if (!file.Text.Contains(Namespace, StringComparison.Ordinal) || !file.Text.Contains("ClusterConfig", StringComparison.Ordinal))
            {
                continue;
            }

            var root = CSharpSyntaxTree.ParseText(file.Text, path: path).GetRoot();
            var creations = root.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().Where(c => c.Initializer is not null).ToList();
            foreach (var creation in creations.Where(c => TypeName(c) == "ClusterConfig"))
            {
                clusters.Add(Cluster(file, creation));
            }

            routes.AddRange(creations.Where(c => TypeName(c) == "RouteConfig").Select(Route));
            files.Add(file);
        }

        foreach (var route in routes)
        {
            clusters.FirstOrDefault(c => string.Equals(c.Id, route.ClusterId, StringComparison.OrdinalIgnoreCase))?.Routes.Add(route);
        }

        return clusters.Count == 0 ? null : new YarpConfig(files, clusters);
    }

    private static YarpCluster Cluster(ConfigFile file, ObjectCreationExpressionSyntax creation)
    {
        var values = Assignments(creation);
        var request = values.GetValueOrDefault("HttpRequest") is ObjectCreationExpressionSyntax requestCreation ? Assignments(requestCreation) : [];
        var affinity = values.GetValueOrDefault("SessionAffinity") is ObjectCreationExpressionSyntax affinityCreation ? Assignments(affinityCreation) : [];
        var destinations = values.GetValueOrDefault("Destinations") is BaseObjectCreationExpressionSyntax { Initializer: { } initializer } ? initializer.Expressions.Count : 0;
        return new YarpCluster
        {
            Id = values.GetValueOrDefault("ClusterId") is { } id ? CSharpValues.String(id) ?? "?" : "?",
            File = file,
            Offset = creation.SpanStart,
            Length = creation.Type.Span.End - creation.SpanStart,
            Destinations = destinations,
            ActivityTimeout = Setting(file, request.GetValueOrDefault("ActivityTimeout"), e => CSharpValues.TimeSpan(e)?.ToString("c")),
            Version = Setting(file, request.GetValueOrDefault("Version"), CSharpValues.Version),
            VersionPolicy = Setting(file, request.GetValueOrDefault("VersionPolicy"), CSharpValues.MemberName),
            AffinityEnabled = Setting(file, affinity.GetValueOrDefault("Enabled"), e => CSharpValues.Bool(e)?.ToString()),
            LoadBalancingPolicy = values.GetValueOrDefault("LoadBalancingPolicy") is { } policy ? CSharpValues.MemberName(policy) : null,
        };
    }

    private static YarpRoute Route(ObjectCreationExpressionSyntax creation)
    {
        var values = Assignments(creation);
        var match = values.GetValueOrDefault("Match") is ObjectCreationExpressionSyntax matchCreation ? Assignments(matchCreation) : [];
        var hosts = match.GetValueOrDefault("Hosts")?.DescendantNodes().OfType<LiteralExpressionSyntax>().Select(l => l.Token.ValueText).ToList() ?? [];
        return new YarpRoute(
            values.GetValueOrDefault("RouteId") is { } id ? CSharpValues.String(id) ?? "?" : "?",
            values.GetValueOrDefault("ClusterId") is { } cluster ? CSharpValues.String(cluster) : null,
            match.GetValueOrDefault("Path") is { } path ? CSharpValues.String(path) : null,
            hosts);
    }

    /// <summary>An unknown value (not a constant) is left out: the rule then does not judge it.</summary>
    private static YarpSetting? Setting(ConfigFile file, ExpressionSyntax? expression, Func<ExpressionSyntax, string?> read) =>
        expression is not null && read(expression) is { } value ? new YarpSetting(value, file, expression.SpanStart, expression.Span.Length, null) : null;

    private static Dictionary<string, ExpressionSyntax> Assignments(BaseObjectCreationExpressionSyntax creation) =>
        (creation.Initializer?.Expressions ?? default)
            .OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is IdentifierNameSyntax)
            .GroupBy(a => ((IdentifierNameSyntax)a.Left).Identifier.Text, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Right, StringComparer.Ordinal);

    private static string? TypeName(ObjectCreationExpressionSyntax creation) => creation.Type switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.Text,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
        _ => null,
    };
}
