using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.MessageHandlers;

/// <summary>
/// Recognises, by symbol, the calls that read a number out of text or bytes: <c>int.Parse</c> / <c>TryParse</c> of the
/// numeric types, <c>Convert.ToInt32</c> and its siblings, <c>BitConverter.ToInt32</c>, <c>BinaryPrimitives.Read…</c>,
/// System.Text.Json's <c>JsonElement.GetInt32()</c> and Json.NET's <c>Value&lt;T&gt;()</c> / <c>ToObject&lt;T&gt;()</c>, and
/// user-defined conversions to a number (<c>(int)json["count"]</c>). A number read from the received message is one the
/// peer chose. Resolved once per compilation, when the first candidate loop asks.
/// </summary>
internal sealed class NumberSources
{
    private readonly INamedTypeSymbol? _convert;
    private readonly INamedTypeSymbol? _bitConverter;
    private readonly INamedTypeSymbol? _binaryPrimitives;
    private readonly INamedTypeSymbol? _jsonElement;
    private readonly INamedTypeSymbol? _jToken;
    private readonly INamedTypeSymbol? _jTokenExtensions;
    private readonly INamedTypeSymbol? _math;

    public NumberSources(Compilation compilation)
    {
        var types = new MetadataTypes(compilation);
        _convert = types.Find("System.Convert");
        _bitConverter = types.Find("System.BitConverter");
        _binaryPrimitives = types.Find("System.Buffers.Binary.BinaryPrimitives");
        _jsonElement = types.Find("System.Text.Json.JsonElement");
        _jToken = types.Find("Newtonsoft.Json.Linq.JToken");
        _jTokenExtensions = types.Find("Newtonsoft.Json.Linq.Extensions");
        _math = types.Find("System.Math");
    }

    /// <summary>Integer and floating-point types wide enough for a loop bound to matter (not byte, sbyte, char or bool).</summary>
    public static bool IsWideNumber(ITypeSymbol? type) => type?.SpecialType is
        SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32 or
        SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_IntPtr or SpecialType.System_UIntPtr or
        SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;

    /// <summary>True when <paramref name="operation"/> reads a number out of its arguments or instance.</summary>
    public bool IsParse(IOperation operation)
    {
        switch (operation.Kind)
        {
            case OperationKind.Invocation:
                var method = ((IInvocationOperation)operation).TargetMethod;
                var type = method.ContainingType;
                return method.Name switch
                {
                    "Parse" or "TryParse" => IsWideNumber(type),
                    _ when method.Name.StartsWith("To", System.StringComparison.Ordinal) && (type.IsType(_convert) || type.IsType(_bitConverter)) =>
                        IsWideNumber(method.ReturnType),
                    _ when method.Name.StartsWith("Read", System.StringComparison.Ordinal) && type.IsType(_binaryPrimitives) => true,
                    _ when method.Name.StartsWith("Get", System.StringComparison.Ordinal) || method.Name.StartsWith("TryGet", System.StringComparison.Ordinal) =>
                        type.IsType(_jsonElement) && (IsWideNumber(method.ReturnType) || method.Name.StartsWith("TryGet", System.StringComparison.Ordinal)),
                    "Value" or "ToObject" => (type.IsType(_jTokenExtensions) || type.IsOrInheritsFrom(_jToken)) && IsWideNumber(method.ReturnType),
                    _ => false,
                };
            case OperationKind.Conversion:
                var conversion = (IConversionOperation)operation;
                return conversion.OperatorMethod is not null && IsWideNumber(conversion.Type);
            default:
                return false;
        }
    }

    /// <summary><c>Math.Min</c> and <c>Math.Clamp</c>: a number passed through them is capped.</summary>
    public bool IsCap(IOperation operation) =>
        operation.Kind == OperationKind.Invocation && ((IInvocationOperation)operation).TargetMethod is { Name: "Min" or "Clamp" } method &&
        method.ContainingType.IsType(_math);

    /// <summary>A property that says how big a message, buffer, string or collection is (<c>Length</c>, <c>Count</c>,
    /// <c>LongLength</c>), or <c>Count()</c>. Only the name is read: it decides that a bound is the message's size, which
    /// never leads to a report.</summary>
    public static bool IsSize(IOperation operation) => operation switch
    {
        IPropertyReferenceOperation { Property.Name: "Length" or "Count" or "LongLength" } => true,
        IInvocationOperation { TargetMethod.Name: "Count" or "LongCount", Arguments.Length: 1 } => true,
        _ => false,
    };
}
