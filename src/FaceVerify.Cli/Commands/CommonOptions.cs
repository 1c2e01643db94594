using System.CommandLine;

namespace FaceVerify.Cli.Commands;

internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "One JSON object per line instead of a table" };
    public static Option<string?> Policy() => new("--policy") { Description = "Policy name (default, strict, or one from configuration)" };
}
