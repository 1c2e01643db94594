using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaceVerify.Worker.Http;

/// <summary>The JSON settings of everything the worker writes for people and programs (camelCase, enums as lower-case words).</summary>
public sealed class WorkerJson
{
    public JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
