using System.Text.Json;

namespace WsAnalyzers.Cli.Proxy.Yarp;

/// <summary>Text edits of appsettings.json that keep its layout and comments.</summary>
internal static class YarpEdits
{
    public static TextEdit Replace(YarpSetting setting, string jsonValue) =>
        TextEdit.Replace(setting.File, setting.Offset, setting.Length, jsonValue);

    /// <summary>A property as the first one of an object, on its own line, with a comma when others follow.</summary>
    public static TextEdit InsertProperty(ConfigFile file, JsonNode obj, string property)
    {
        var (braceLine, _) = file.Position(obj.Offset);
        var comma = obj.Properties.Count > 0 ? "," : string.Empty;
        if (obj.Properties.Count > 0 && file.Position(obj.Properties[0].NameOffset).Line != braceLine)
        {
            return TextEdit.InsertLineAfter(file, braceLine, file.Indentation(file.Position(obj.Properties[0].NameOffset).Line), property + comma);
        }

        // `{ }` or `{ "A": 1 }` on one line: insert right after the brace.
        return TextEdit.Replace(file, obj.Offset + 1, 0, " " + property + comma + (obj.Properties.Count > 0 ? string.Empty : " "));
    }

    /// <summary>Sets a property of a sub-object (`HttpRequest.ActivityTimeout`), creating the sub-object when it is missing.</summary>
    public static TextEdit Set(ConfigFile file, JsonNode cluster, string objectName, string property, string jsonValue)
    {
        var sub = cluster[objectName];
        return sub is { Kind: JsonValueKind.Object }
            ? InsertProperty(file, sub, $"\"{property}\": {jsonValue}")
            : InsertProperty(file, cluster, $"\"{objectName}\": {{ \"{property}\": {jsonValue} }}");
    }
}
