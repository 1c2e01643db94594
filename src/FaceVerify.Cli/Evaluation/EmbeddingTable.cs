using System.Collections.Concurrent;
using FaceVerify.Core.Verification;

namespace FaceVerify.Cli.Evaluation;

/// <summary>Embeds each distinct file once, on all cores, with a progress bar when stderr is a terminal.</summary>
internal static class EmbeddingTable
{
    public static async Task<IReadOnlyDictionary<string, float[]?>> BuildAsync(IReadOnlyCollection<string> files, IdentityExtractor extractor, CancellationToken ct)
    {
        var table = new ConcurrentDictionary<string, float[]?>();
        var done = 0;
        var showProgress = !Console.IsErrorRedirected;
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, async (file, token) =>
        {
            var (bytes, _) = await InputFiles.ReadAsync(file, token);
            table[file] = bytes is null ? null : extractor.Extract(bytes, token).Embedding;
            var n = Interlocked.Increment(ref done);
            if (showProgress && (n % 25 == 0 || n == files.Count)) Progress(n, files.Count);
        });
        if (showProgress) Console.Error.WriteLine();
        return table;
    }

    private static void Progress(int done, int total)
    {
        const int width = 40;
        var filled = (int)((long)done * width / Math.Max(1, total));
        lock (Console.Error) Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {done}/{total} embedded");
    }
}
