using System.Collections.Generic;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace WsAnalyzers.RealWorld.Building;

/// <summary>What a target framework moniker means for compiling: the SDK's preprocessor symbols and default C# version.
/// Every framework is compiled against the installed .NET reference packs (the only ones this machine has); what is
/// missing from them for .NET Framework code shows up as compile errors, which the report counts.</summary>
public sealed partial record TargetFramework(string Moniker, string Family, int Major, int Minor)
{
    public static TargetFramework Parse(string moniker)
    {
        var m = moniker.Trim().ToLowerInvariant();
        if (NetCore().Match(m) is { Success: true } core)
        {
            return new TargetFramework(m, "core", int.Parse(core.Groups[2].Value), int.Parse(core.Groups[3].Value));
        }

        if (NetStandard().Match(m) is { Success: true } standard)
        {
            return new TargetFramework(m, "standard", int.Parse(standard.Groups[1].Value), int.Parse(standard.Groups[2].Value));
        }

        if (NetFramework().Match(m) is { Success: true } framework)
        {
            var digits = framework.Groups[1].Value;
            return new TargetFramework(m, "framework", digits[0] - '0', digits.Length > 1 ? digits[1] - '0' : 0);
        }

        return new TargetFramework(m, "core", 10, 0);
    }

    public IEnumerable<string> PreprocessorSymbols()
    {
        yield return "TRACE";
        yield return "DEBUG";
        switch (Family)
        {
            case "core":
                if (Major >= 5)
                {
                    yield return "NET";
                    yield return $"NET{Major}_{Minor}";
                    for (var v = 5; v <= Major; v++)
                    {
                        yield return $"NET{v}_0_OR_GREATER";
                    }
                }

                yield return "NETCOREAPP";
                yield return "NETCOREAPP3_1_OR_GREATER";
                break;
            case "standard":
                yield return "NETSTANDARD";
                yield return $"NETSTANDARD{Major}_{Minor}";
                break;
            default:
                yield return "NETFRAMEWORK";
                yield return "NET" + Moniker[3..].Replace(".", string.Empty);
                break;
        }
    }

    /// <summary>The C# version the SDK picks for this framework when the project sets none.</summary>
    public LanguageVersion DefaultLanguageVersion => Family switch
    {
        "core" when Major >= 5 => Versions(Major),
        "core" when Major == 3 => LanguageVersion.CSharp8,
        "standard" when Major == 2 && Minor == 1 => LanguageVersion.CSharp8,
        _ => LanguageVersion.CSharp7_3,
    };

    private static LanguageVersion Versions(int major) => major switch
    {
        5 => LanguageVersion.CSharp9,
        6 => LanguageVersion.CSharp10,
        7 => LanguageVersion.CSharp11,
        8 => LanguageVersion.CSharp12,
        9 => LanguageVersion.CSharp13,
        _ => LanguageVersion.Latest,
    };

    [GeneratedRegex(@"^net(coreapp)?(\d+)\.(\d+)")]
    private static partial Regex NetCore();

    [GeneratedRegex(@"^netstandard(\d+)\.(\d+)")]
    private static partial Regex NetStandard();

    [GeneratedRegex(@"^net(\d{2,3})$")]
    private static partial Regex NetFramework();
}
