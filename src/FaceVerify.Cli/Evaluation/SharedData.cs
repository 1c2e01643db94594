namespace FaceVerify.Cli.Evaluation;

/// <summary>The labelled face data lives outside the repository (FACEVERIFY_SHARED_DATA, else ../shared/data).</summary>
internal static class SharedData
{
    public static string Root =>
        Environment.GetEnvironmentVariable("FACEVERIFY_SHARED_DATA") is { Length: > 0 } env ? env
        : System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory.GetCurrentDirectory(), "..", "shared", "data"));

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);
}
