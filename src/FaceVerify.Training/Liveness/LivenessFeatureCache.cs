using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Liveness;

namespace FaceVerify.Cli.Liveness;

/// <summary>
/// Everything the liveness heads may read on one picture's largest face, measured once: today's fusion input
/// (model log-odds and cues on the 2.7× crop), the passive network's log-odds and last hidden layer at several crop
/// scales (each crop inside the image), the embedding network's regional feature map, and the share of the 2.7×
/// context that lies outside the picture. Null blocks = no face.
/// </summary>
internal sealed record LivenessMeasurement(LivenessEntry Entry, double[]? V1, double[][]? Passive, float[]? Embedding, double[]? Cues, double MissingContext, double FaceWidthRatio)
{
    public bool HasFace => V1 is not null;
}

/// <summary>Measures every picture once (two threads) and keeps the result in a binary file, so heads can be iterated on without touching an image again.</summary>
internal static class LivenessFeatureCache
{
    /// <summary>Crop scales the passive network is read at; 2.7 is the model's own.</summary>
    public static readonly float[] Scales = [2.7f, 2.0f, 1.4f, 1.0f];
    private const int Format = 1;

    public static List<LivenessMeasurement> Load(string? path, IReadOnlyList<LivenessEntry> entries, IServiceProvider services, CancellationToken ct)
    {
        if (path is not null && File.Exists(path) && TryRead(path, entries) is { } cached) return cached;
        var measured = Measure(entries, services, ct);
        if (path is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            Write(path, measured);
        }
        return measured;
    }

    private static List<LivenessMeasurement> Measure(IReadOnlyList<LivenessEntry> entries, IServiceProvider services, CancellationToken ct)
    {
        var decoder = Get<IImageDecoder>(services);
        var detector = Get<IFaceDetector>(services);
        var landmarks = Get<ILandmarkDetector>(services);
        var embedder = Get<IFaceEmbedder>(services);
        var passive = Get<PassiveLivenessScorer>(services);
        var network = Get<PassiveLivenessNetwork>(services);
        var result = new LivenessMeasurement[entries.Count];
        Parallel.For(0, entries.Count, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, i =>
        {
            var e = entries[i];
            result[i] = new LivenessMeasurement(e, null, null, null, null, 0, 0);
            var image = decoder.Decode(File.ReadAllBytes(e.File), ct).Image?.Image;
            if (image is null) return;
            var face = detector.Detect(image).OrderByDescending(d => d.Box.Area).FirstOrDefault()?.Box;
            if (face is not { } box) return;
            var v1 = LivenessFeatures.Of(image, box, passive.Score(image, box));
            var reads = Scales.Select(s => network.Read(image, box, s)).ToArray();
            var encoding = embedder.Encode(SimilarityAligner.Align(image, Landmarks.ToFive(landmarks.Detect(image, box))));
            var cues = PresentationCues.Measure(image, LivenessCrop.ClipToImage(image, box), reads[0].Crop);
            result[i] = new LivenessMeasurement(e, v1,
                reads.Select(r => (double[])[LivenessFeatures.Logit(r.Score), .. r.Hidden.Select(h => (double)h)]).ToArray(),
                encoding.RegionFeatures, cues, LivenessCrop.MissingContext(image, box, Scales[0]), box.Width / image.Width);
        });
        return [.. result];
    }

    private static T Get<T>(IServiceProvider services) where T : notnull => (T)(services.GetService(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered"));

    private static void Write(string path, List<LivenessMeasurement> rows)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(Format);
        w.Write(rows.Count);
        foreach (var r in rows)
        {
            w.Write(r.Entry.File);
            w.Write(r.HasFace);
            if (!r.HasFace) continue;
            WriteArray(w, r.V1!);
            w.Write(r.Passive!.Length);
            foreach (var p in r.Passive) WriteArray(w, p);
            w.Write(r.Embedding!.Length);
            foreach (var v in r.Embedding) w.Write(v);
            WriteArray(w, r.Cues!);
            w.Write(r.MissingContext);
            w.Write(r.FaceWidthRatio);
        }
    }

    private static List<LivenessMeasurement>? TryRead(string path, IReadOnlyList<LivenessEntry> entries)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        if (r.ReadInt32() != Format || r.ReadInt32() != entries.Count) return null;
        var rows = new List<LivenessMeasurement>(entries.Count);
        foreach (var e in entries)
        {
            if (r.ReadString() != e.File) return null;
            if (!r.ReadBoolean()) { rows.Add(new LivenessMeasurement(e, null, null, null, null, 0, 0)); continue; }
            var v1 = ReadArray(r);
            var passive = new double[r.ReadInt32()][];
            for (var k = 0; k < passive.Length; k++) passive[k] = ReadArray(r);
            var embedding = new float[r.ReadInt32()];
            for (var k = 0; k < embedding.Length; k++) embedding[k] = r.ReadSingle();
            rows.Add(new LivenessMeasurement(e, v1, passive, embedding, ReadArray(r), r.ReadDouble(), r.ReadDouble()));
        }
        return rows;
    }

    private static void WriteArray(BinaryWriter w, double[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    private static double[] ReadArray(BinaryReader r)
    {
        var values = new double[r.ReadInt32()];
        for (var k = 0; k < values.Length; k++) values[k] = r.ReadDouble();
        return values;
    }
}
