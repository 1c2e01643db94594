using System.CommandLine;

namespace FaceVerify.Cli.Commands;

internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "One JSON object per line instead of a table" };
    public static Option<string?> Report() => new("--report") { Description = "Also write a self-contained HTML report to this file" };

    public static Option<string?> Language()
    {
        var option = new Option<string?>("--lang") { Description = "Report language: zh or en (default: FaceVerify:Report:Language, else zh)" };
        option.AcceptOnlyFromAmong("zh", "en");
        return option;
    }

    public static Option<string?> Policy() => new("--policy") { Description = "Policy name (default, strict, or one from configuration)" };
}
