using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Liveness;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Liveness;

/// <summary>
/// Small pixel crops of every liveness picture's largest face, for the CNN measured in <see cref="TinyCnn"/>: the face
/// (1.4×) and its context (2.7×), both inside the picture (<see cref="LivenessCrop.Inside"/>), each resampled to
/// <see cref="Side"/>² RGB, stacked as six planes scaled to −0.5..0.5. Measured once (two threads) into a binary file.
/// </summary>
internal static class LivenessCropCache
{
    public const int Side = 24;
    public const int Channels = 6;
    private const int Format = 1;
    private static readonly float[] Scales = [1.4f, 2.7f];

    /// <returns>Per entry: the stacked planes, or null when no face was found.</returns>
    public static float[]?[] Load(string path, IReadOnlyList<LivenessEntry> entries, IServiceProvider services, CancellationToken ct)
    {
        if (File.Exists(path) && TryRead(path, entries) is { } cached) return cached;
        var decoder = services.GetRequiredService<IImageDecoder>();
        var detector = services.GetRequiredService<IFaceDetector>();
        var result = new float[]?[entries.Count];
        Parallel.For(0, entries.Count, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, i =>
        {
            var image = decoder.Decode(File.ReadAllBytes(entries[i].File), ct).Image?.Image;
            if (image is null) return;
            if (detector.Detect(image).OrderByDescending(d => d.Box.Area).FirstOrDefault()?.Box is not { } box) return;
            var planes = new float[Channels * Side * Side];
            for (var s = 0; s < Scales.Length; s++)
            {
                var crop = LivenessCrop.Inside(image, box, Scales[s]);
                // Bilinear taps at 4× the side, then 4×4 box means: a point-sampled 24² of a 300-px face would alias.
                const int k = 4, big = Side * k;
                var large = PixelSampler.Warp(image, Affine.ForCrop(crop.X, crop.Y, crop.Width, crop.Height, big, big), big, big);
                for (var y = 0; y < Side; y++)
                    for (var x = 0; x < Side; x++)
                        for (var c = 0; c < 3; c++)
                        {
                            var sum = 0;
                            for (var dy = 0; dy < k; dy++)
                                for (var dx = 0; dx < k; dx++) sum += large.Pixels[3 * ((y * k + dy) * big + x * k + dx) + c];
                            planes[(s * 3 + c) * Side * Side + y * Side + x] = sum / (255f * k * k) - 0.5f;
                        }
            }
            result[i] = planes;
        });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var w = new BinaryWriter(File.Create(path));
        w.Write(Format);
        w.Write(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            w.Write(entries[i].File);
            w.Write(result[i] is not null);
            if (result[i] is { } planes) foreach (var v in planes) w.Write(v);
        }
        return result;
    }

    private static float[]?[]? TryRead(string path, IReadOnlyList<LivenessEntry> entries)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        if (r.ReadInt32() != Format || r.ReadInt32() != entries.Count) return null;
        var result = new float[]?[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            if (r.ReadString() != entries[i].File) return null;
            if (!r.ReadBoolean()) continue;
            var planes = new float[Channels * Side * Side];
            for (var k = 0; k < planes.Length; k++) planes[k] = r.ReadSingle();
            result[i] = planes;
        }
        return result;
    }
}
