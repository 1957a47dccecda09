using System;
using System.Text;
using System.Text.RegularExpressions;

namespace WsAnalyzers.RealWorld.Projects;

/// <summary>MSBuild item globs (*, ?, **) as a test on paths relative to the project folder, with forward slashes.</summary>
public static class Glob
{
    public static Regex ToRegex(string pattern)
    {
        var p = pattern.Trim().Replace('\\', '/');
        if (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        var regex = new StringBuilder("^");
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                // "**/" matches any number of folders, "**" at the end anything.
                if (i + 2 < p.Length && p[i + 2] == '/')
                {
                    regex.Append("(?:.*/)?");
                    i += 2;
                }
                else
                {
                    regex.Append(".*");
                    i += 1;
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public static bool HasWildcard(string pattern) => pattern.IndexOfAny(['*', '?']) >= 0;
}
