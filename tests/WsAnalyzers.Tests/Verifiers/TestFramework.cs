using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Tests.Verifiers;

/// <summary>A framework a test compiles against: its reference assemblies (with the library packages) and the
/// preprocessor symbols the SDK defines for it (<c>NET9_0_OR_GREATER</c>), for code that multi-targets.</summary>
public sealed record TestFramework(string Moniker, ImmutableArray<MetadataReference> References, ImmutableArray<string> PreprocessorSymbols);
