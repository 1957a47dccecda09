using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// A syntax-only prefilter for following source calls to a connect. A method or local function of a file could reach a
/// connect when it invokes a member spelled like a connect method of the contract, or invokes (or hands as a method
/// group) a method or local function of the same file that could, by name (types, overloads and nesting are not told
/// apart, so the set is a superset). A chain through other files is seen when its names are connect names. Names only
/// rule a method out, so that its body is never bound for this question; whether a call connects is still decided on
/// symbols. Each file finds its names once, backwards from the words that spell a connect name, looking up only those
/// tokens (<see cref="ConnectCandidateFile"/>).
/// </summary>
internal static class ConnectCandidates
{
    public static bool MayReachConnect(ReconnectCaches caches, SyntaxNode calleeDeclaration, string calleeName)
    {
        var tree = calleeDeclaration.SyntaxTree;
        if (!caches.ConnectCandidateFiles.TryGetValue(tree, out var file))
        {
            file = caches.ConnectCandidateFiles.GetOrAdd(tree, new ConnectCandidateFile(tree));
        }

        return file.MayReachConnect(calleeName);
    }
}
