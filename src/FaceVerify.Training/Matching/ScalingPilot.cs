using FaceVerify.Cli.Commands;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Training;

/// <summary>
/// Which input scaling MobileFaceNet wants (the package documents none): RGB (x − 127.5)/128, RGB x/255 (what
/// @vladmandic/human feeds it) and RGB 0…255, each alone and with centring/whitening fitted out of fold, on the
/// East Asian calibration people only (5 folds by person). It also writes artifacts/pilot-crops.bin (file, group,
/// person, the 112×112 aligned crop and a 224×224 wider view, RGB bytes; gitignored) for models/screen-tfjs-descriptors.mjs,
/// which screens the package's other networks in TF.js without converting them.
/// </summary>
internal static class ScalingPilot
{
    private static readonly string[] Groups = [MatchSets.AsianWeb, MatchSets.LfwEastAsian, MatchSets.CasiaWebcam, MatchSets.NuaaLive];

    public static async Task RunAsync(IServiceProvider provider, OnnxModel network, IReadOnlyList<MatchImage> images, int seed, CancellationToken ct)
    {
        var calibration = images.Where(i => i.Split == MatchSets.Calibration).ToList();
        var symmetric = new ConvertedEmbedder(network, ConvertedNetwork.Named("mobilefacenet").Layout);
        var unit = new ConvertedEmbedder(network, TensorLayout.Uniform(ChannelOrder.Rgb, 0, 1 / 255f));
        var raw = new ConvertedEmbedder(network, TensorLayout.Uniform(ChannelOrder.Rgb, 0, 1));
        var decoder = provider.GetRequiredService<IImageDecoder>();
        var detector = provider.GetRequiredService<IFaceDetector>();
        var landmarks = provider.GetRequiredService<ILandmarkDetector>();
        var table = new System.Collections.Concurrent.ConcurrentDictionary<string, MatchVectors?>();
        var crops = new System.Collections.Concurrent.ConcurrentDictionary<string, (byte[] Aligned, byte[] Wide)>();
        await Parallel.ForEachAsync(calibration.Select(i => i.File).Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (file, token) =>
        {
            var (bytes, _) = await InputFiles.ReadAsync(file, token);
            table[file] = null;
            if (bytes is null || decoder.Decode(bytes, token).Image is not { } decoded) return;
            if (detector.Detect(decoded.Image).MaxBy(f => f.Box.Area) is not { } largest) return;
            var five = Landmarks.ToFive(landmarks.Detect(decoded.Image, largest.Box));
            var aligned = SimilarityAligner.Align(decoded.Image, five);
            table[file] = new MatchVectors(symmetric.Encode(aligned).Embedding, unit.Encode(aligned).Embedding, raw.Encode(aligned).Embedding);
            crops[file] = (aligned.Pixels, WideView.Of(decoded.Image, five).Pixels); // for screening the other networks in JavaScript
        });
        await using (var dump = new BinaryWriter(File.Create(Path.Combine("artifacts", "pilot-crops.bin"))))
            foreach (var image in calibration.Where(i => crops.ContainsKey(i.File)))
            {
                dump.Write(image.File);
                dump.Write(image.Group);
                dump.Write(image.Identity);
                dump.Write(crops[image.File].Aligned);
                dump.Write(crops[image.File].Wide);
            }
        foreach (var (name, pick) in new (string, Func<MatchVectors, float[]>)[] { ("(x-127.5)/128", v => v.Plain), ("x/255", v => v.Flipped), ("0..255", v => v.Keypoints) })
        {
            var vectors = table.ToDictionary(kv => kv.Key, kv => kv.Value is { } v ? new MatchVectors(pick(v), pick(v), pick(v)) : null);
            foreach (var (kind, shrinkage) in new (AdaptationKind?, double)[] { (null, 0), (AdaptationKind.Centre, 0), (AdaptationKind.Whiten, 0.5) })
            {
                var f = MatchAdaptationStudy.Evaluate(new AdaptationCandidate(EmbeddingVariant.Plain, kind, shrinkage), calibration, vectors, 5, seed);
                Console.Out.WriteLine($"mobilefacenet {name,-14} {kind?.ToString() ?? "none",-7} out of fold, own FAR-0.1% point: " +
                    string.Join(" ", Groups.Select(g => $"{g} {f.TarAtOwnPoint(g):P1}")));
            }
        }
    }
}
