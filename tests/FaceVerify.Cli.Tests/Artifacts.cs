namespace FaceVerify.Cli.Tests;

/// <summary>CI artefacts: <c>artifacts/</c> at the repository root (git-ignored; never committed).</summary>
internal static class Artifacts
{
    public static string Path(string name)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(System.IO.Path.Combine(root.FullName, "FaceVerify.sln"))) root = root.Parent;
        var folder = System.IO.Path.Combine(root?.FullName ?? AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        return System.IO.Path.Combine(folder, name);
    }
}
