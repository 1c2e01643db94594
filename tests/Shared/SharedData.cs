namespace FaceVerify.Tests;

/// <summary>
/// The labelled face data sets live outside the repository and are never copied into it:
/// FACEVERIFY_SHARED_DATA, else ../shared/data next to the clone.
/// </summary>
internal static class SharedData
{
    public static string Root { get; } = Find();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("FACEVERIFY_SHARED_DATA") is { Length: > 0 } env) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("shared/data not found: set FACEVERIFY_SHARED_DATA");
    }
}
