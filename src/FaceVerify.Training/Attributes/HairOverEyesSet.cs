using System.Collections.Concurrent;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Cli.Training;

/// <summary>The synthetic hair-over-eyes positives: usable donors × LFW targets, each composite read by the full pipeline.</summary>
internal static class HairOverEyesSet
{
    /// <summary>A donor whose fringe covers less than this share of the band just above the brows gives no hair to paste.</summary>
    public const double MinLowHairShare = 0.3;

    public sealed record Outcome(List<FaceSample> Composites, int DonorsTried, int DonorsUsable, int TargetsWithoutFace, int CompositesWithoutFace);

    public static async Task<Outcome> BuildAsync(FeaturePass pass, IReadOnlyList<FaceSample> donorReadings, IReadOnlyList<string> targets,
        int seed, string? examplesFolder, CancellationToken ct)
    {
        var donors = new List<(string File, HairComposer Composer)>();
        foreach (var d in donorReadings.Where(d => d.Reading is not null))
        {
            var image = pass.Decode(d.Sample.File, ct)!;
            var composer = HairComposer.FromDonor(image.Image, d.Reading!.Landmarks68);
            if (composer.LowHairShare >= MinLowHairShare) donors.Add((d.Sample.File, composer));
        }
        if (donors.Count == 0) throw new InvalidOperationException("no forehead-covered picture gave usable hair");
        var random = new Random(seed);
        var drops = targets.Select(_ => 0.45f + 0.25f * (float)random.NextDouble()).ToArray();
        var results = new ConcurrentDictionary<int, (FaceSample? Sample, bool TargetFace)>();
        if (examplesFolder is not null) Directory.CreateDirectory(examplesFolder);
        await Parallel.ForEachAsync(Enumerable.Range(0, targets.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, (i, token) =>
            {
                var (donorFile, composer) = donors[i % donors.Count];
                var sample = new AttributeSample(targets[i], "hair_synthetic", "donor:" + Path.GetFileName(donorFile), false, false, true, false);
                var image = pass.Decode(targets[i], token);
                var target = image is null ? null : pass.Read(sample, image, token);
                if (target?.Reading is null) { results[i] = (null, false); return ValueTask.CompletedTask; }
                var pasted = composer.PasteOnto(image!.Image, target.Reading.Landmarks68, drops[i]);
                if (examplesFolder is not null && i < 12) ImageFiles.SavePng(pasted, Path.Combine(examplesFolder, $"hair_{i:00}.png"));
                results[i] = (pass.Read(sample, new DecodedImage(pasted, "synthetic", 0, ""), token), true);
                return ValueTask.CompletedTask;
            });
        var all = Enumerable.Range(0, targets.Count).Select(i => results[i]).ToList();
        var withTarget = all.Where(r => r.TargetFace).ToList();
        return new Outcome(
            withTarget.Where(r => r.Sample!.Detected).Select(r => r.Sample!).ToList(),
            donorReadings.Count, donors.Count, all.Count - withTarget.Count, withTarget.Count(r => !r.Sample!.Detected));
    }
}

/// <summary>Writes a picture for a person to look at (examples of synthetic data; never part of the repository).</summary>
internal static class ImageFiles
{
    public static void SavePng(RgbImage image, string path)
    {
        using var png = SixLabors.ImageSharp.Image.LoadPixelData<SixLabors.ImageSharp.PixelFormats.Rgb24>(image.Pixels, image.Width, image.Height);
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(png, path);
    }
}
