using System.Collections.Concurrent;

namespace FaceVerify.Cli.Training;

/// <summary>Reads many pictures on every core, keeping their order, with a progress line on the terminal (never in a redirected log).</summary>
internal static class ParallelReads
{
    public static async Task<List<T>> InOrderAsync<T>(int count, Func<int, CancellationToken, T> read, string label, int progressEvery, CancellationToken ct)
    {
        var results = new ConcurrentDictionary<int, T>();
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, (i, token) =>
            {
                results[i] = read(i, token);
                var n = Interlocked.Increment(ref done);
                if (!Console.IsErrorRedirected && (n % progressEvery == 0 || n == count))
                    lock (Console.Error) Console.Error.Write($"\r{label}: {n}/{count}");
                return ValueTask.CompletedTask;
            });
        if (!Console.IsErrorRedirected) Console.Error.WriteLine();
        return Enumerable.Range(0, count).Select(i => results[i]).ToList();
    }
}
