using System.Globalization;
using System.Text.Json;
using FaceVerify.Core.Json;
using FaceVerify.Core.Policy;

namespace FaceVerify.Cli.Output;

/// <summary>JSON lines for machines, a short table for people.</summary>
internal static class ConsoleOutput
{
    public static void JsonLine<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, FaceVerifyJson.Options));

    public static void Findings(IEnumerable<Finding> findings)
    {
        foreach (var f in findings)
        {
            var limits = f.Value is null ? "" : string.Create(CultureInfo.InvariantCulture, $"  value {f.Value:0.###}") + (f.Threshold is null ? "" : string.Create(CultureInfo.InvariantCulture, $" limit {f.Threshold:0.###}"));
            Console.Out.WriteLine($"  {(f.Severity == Severity.Block ? "block" : "warn "),-5} {f.Code,-30} {f.Message}{limits}");
        }
    }

    public static void Error(string message) => Console.Error.WriteLine($"faceverify: {message}");
}
