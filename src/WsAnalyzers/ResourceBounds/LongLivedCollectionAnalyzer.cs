using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Core;

namespace WsAnalyzers.ResourceBounds;

/// <summary>WS2001 to WS2003 in one analyzer: what the package ships for the long-lived collection rules.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LongLivedCollectionAnalyzer : LongLivedCollectionRules
{
    public LongLivedCollectionAnalyzer()
        : base(
            Descriptors.WS2001ConnectionCollectionNeverShrunk,
            Descriptors.WS2002MessageHistoryUnbounded,
            Descriptors.WS2003ConnectionNotRemovedOnEveryClosePath)
    {
    }
}
