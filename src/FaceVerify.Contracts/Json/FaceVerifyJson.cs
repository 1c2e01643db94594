using System.Text.Encodings.Web;
using System.Text.Json;

namespace FaceVerify.Core.Json;

/// <summary>The one JSON shape of every output (CLI, HTTP, messages): camelCase, stable, nulls kept.</summary>
public static class FaceVerifyJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            // Units (°, ×) and Chinese messages stay readable; output is never embedded in HTML unescaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
