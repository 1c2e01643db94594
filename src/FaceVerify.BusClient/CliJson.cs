using System.Text.Json;

namespace FaceVerify.BusClient;

internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
