using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Locator;

namespace WsAnalyzers.Cli.Loading;

/// <summary>
/// Registers the MSBuild of the installed .NET SDK (or of --msbuild-path) with MSBuildLocator. It must run before any
/// code that touches an MSBuild type is JIT-compiled, so callers do it first and keep workspace code in other methods.
/// </summary>
internal static class SdkRegistration
{
    /// <summary>The MSBuild folder of the registered SDK, e.g. /usr/share/dotnet/sdk/10.0.100/.</summary>
    public static string? MSBuildPath { get; private set; }

    public static void Register(string? msbuildPath)
    {
        if (MSBuildLocator.IsRegistered)
        {
            return;
        }

        if (msbuildPath is not null)
        {
            var full = Path.GetFullPath(msbuildPath);
            if (!File.Exists(Path.Combine(full, "Microsoft.Build.dll")))
            {
                throw new CliException($"--msbuild-path '{msbuildPath}' has no Microsoft.Build.dll: pass the folder of an SDK, e.g. <dotnet root>/sdk/<version>");
            }

            MSBuildLocator.RegisterMSBuildPath(full);
            MSBuildPath = full;
            return;
        }

        VisualStudioInstance? instance;
        try
        {
            instance = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions { DiscoveryTypes = DiscoveryType.DotNetSdk })
                .OrderByDescending(i => i.Version)
                .FirstOrDefault();
        }
        catch (Exception e) when (e is not CliException)
        {
            throw new CliException("no .NET SDK found (" + FirstLine(e.Message) + "): install the .NET SDK 8 or newer, or pass --msbuild-path");
        }

        if (instance is null)
        {
            throw new CliException("no .NET SDK found: install the .NET SDK 8 or newer (dotnet must be on PATH or in DOTNET_ROOT), or pass --msbuild-path");
        }

        MSBuildLocator.RegisterInstance(instance);
        MSBuildPath = instance.MSBuildPath;
    }

    /// <summary>The dotnet root (the folder with dotnet, sdk/, packs/) of the registered SDK.</summary>
    public static string DotnetRoot
    {
        get
        {
            var sdk = MSBuildPath ?? throw new InvalidOperationException("No SDK registered.");
            return Path.GetFullPath(Path.Combine(sdk.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), "..", ".."));
        }
    }

    /// <summary>The dotnet executable of the registered SDK, for `dotnet restore`.</summary>
    public static string DotnetExecutable
    {
        get
        {
            var candidate = Path.Combine(DotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            return File.Exists(candidate) ? candidate : "dotnet";
        }
    }

    internal static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? text;
        return line.TrimEnd('.');
    }
}
