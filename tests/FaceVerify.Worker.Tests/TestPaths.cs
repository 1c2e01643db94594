namespace FaceVerify.Worker.Tests;

/// <summary>Where the built programs and the test pictures are; the tests run the real builds as separate processes.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Release or Debug: the same configuration this test assembly was built in.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string WorkerDll => Built("src/FaceVerify.Worker", "FaceVerify.Worker.dll");
    public static string PublisherDll => Built("tests/FaceVerify.LoadPublisher", "FaceVerify.LoadPublisher.dll");
    public static string CliDll => Built("src/FaceVerify.Cli", "faceverify.dll");

    /// <summary>A few LFW pictures, reused: the ID-photo cache makes repeats cheap.</summary>
    public static IReadOnlyList<(string IdPhoto, string Snapshot)> LfwPairs { get; } =
    [
        (Lfw("Abel_Pacheco", 1), Lfw("Abel_Pacheco", 4)),
        (Lfw("Akhmed_Zakayev", 1), Lfw("Akhmed_Zakayev", 3)),
        (Lfw("Aaron_Guiel", 1), Lfw("Abel_Pacheco", 1)),
    ];

    public static string Lfw(string name, int number) => FaceVerify.Tests.SharedData.Path($"identity/lfw/images/{name}/{name}_{number:0000}.jpg");

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "fv-worker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string Built(string project, string dll)
    {
        var path = Path.Combine(RepoRoot, project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built: build FaceVerify.sln in {Configuration} first");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FaceVerify.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("FaceVerify.sln not found above the test assembly");
    }
}
