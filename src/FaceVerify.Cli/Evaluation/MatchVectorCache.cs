using System.Collections.Concurrent;

namespace FaceVerify.Cli.Evaluation;

/// <summary>
/// Embeds each file once and keeps the vectors in a binary file (under artifacts/, never committed), so matching
/// figures can be recomputed without running the networks again. An entry is reused only while the file's size and
/// modification time are unchanged; a cache made by another model set must be deleted by hand.
/// </summary>
internal static class MatchVectorCache
{
    private const string Magic = "FVMV1";

    public static Task<IReadOnlyDictionary<string, MatchVectors?>> BuildAsync(IReadOnlyCollection<string> files, MatchVectorExtractor extractor, string? cachePath, CancellationToken ct) =>
        BuildAsync(files, extractor.Extract, cachePath, ct);

    public static async Task<IReadOnlyDictionary<string, MatchVectors?>> BuildAsync(IReadOnlyCollection<string> files, Func<ReadOnlyMemory<byte>, CancellationToken, MatchVectors?> extract, string? cachePath, CancellationToken ct)
    {
        var known = cachePath is not null && File.Exists(cachePath) ? Load(cachePath) : new Dictionary<string, (long, long, MatchVectors?)>();
        var table = new ConcurrentDictionary<string, MatchVectors?>();
        var missing = new List<string>();
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            if (info.Exists && known.TryGetValue(file, out var entry) && entry.Item1 == info.Length && entry.Item2 == info.LastWriteTimeUtc.Ticks) table[file] = entry.Item3;
            else missing.Add(file);
        }
        var done = 0;
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, async (file, token) =>
        {
            var (bytes, _) = await InputFiles.ReadAsync(file, token);
            table[file] = bytes is null ? null : extract(bytes, token);
            if (Interlocked.Increment(ref done) % 200 == 0) lock (Console.Error) Console.Error.WriteLine($"{done}/{missing.Count} embedded");
        });
        if (cachePath is not null && missing.Count > 0)
        {
            foreach (var (file, vectors) in table)
            {
                var info = new FileInfo(file);
                known[file] = (info.Exists ? info.Length : -1, info.Exists ? info.LastWriteTimeUtc.Ticks : 0, vectors);
            }
            Save(cachePath, known);
        }
        return table;
    }

    private static Dictionary<string, (long, long, MatchVectors?)> Load(string path)
    {
        var result = new Dictionary<string, (long, long, MatchVectors?)>();
        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.ReadString() != Magic) return result;
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var file = reader.ReadString();
            var length = reader.ReadInt64();
            var ticks = reader.ReadInt64();
            var vectors = reader.ReadBoolean() ? new MatchVectors(ReadVector(reader), ReadVector(reader), ReadVector(reader)) : null;
            result[file] = (length, ticks, vectors);
        }
        return result;
    }

    private static void Save(string path, Dictionary<string, (long, long, MatchVectors?)> entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(Magic);
            writer.Write(entries.Count);
            foreach (var (file, (length, ticks, vectors)) in entries)
            {
                writer.Write(file);
                writer.Write(length);
                writer.Write(ticks);
                writer.Write(vectors is not null);
                if (vectors is null) continue;
                WriteVector(writer, vectors.Plain);
                WriteVector(writer, vectors.Flipped);
                WriteVector(writer, vectors.Keypoints);
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static float[] ReadVector(BinaryReader reader)
    {
        var vector = new float[reader.ReadInt32()];
        for (var i = 0; i < vector.Length; i++) vector[i] = reader.ReadSingle();
        return vector;
    }

    private static void WriteVector(BinaryWriter writer, float[] vector)
    {
        writer.Write(vector.Length);
        foreach (var v in vector) writer.Write(v);
    }
}
