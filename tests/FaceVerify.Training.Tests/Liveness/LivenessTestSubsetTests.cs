using FaceVerify.Cli.Liveness;
using FaceVerify.Core;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Liveness;
using FaceVerify.Core.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Tests.Liveness;

/// <summary>
/// Liveness v2 at the default policy on the test subset: a seeded fifth of the people of every multi-person source,
/// which the shipped head never saw (<see cref="LivenessSplits.TestSubset"/>). The bounds are the train-liveness
/// figures of the shipped weights plus about one picture, so a change to detection or crops that costs more shows;
/// they are not the targets (docs/liveness.md says which cells miss those).
/// </summary>
public sealed class LivenessTestSubsetTests
{
    [Fact]
    public void The_shipped_liveness_holds_its_figures_on_people_it_never_saw()
    {
        if (Environment.GetEnvironmentVariable("FACEVERIFY_SHARED_DATA") is not { Length: > 0 })
            Environment.SetEnvironmentVariable("FACEVERIFY_SHARED_DATA", FaceVerify.Tests.SharedData.Root);
        var entries = LivenessSources.List();
        var held = LivenessSplits.TestSubset(entries, LivenessDataSplit.DefaultSeed);
        var test = entries.Where((_, i) => held[i]).ToList();
        Assert.InRange(test.Count, 100, 160);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["FaceVerify:IdPhotoCache:Enabled"] = "false" }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddFaceVerifyCore(configuration).BuildServiceProvider();
        var decoder = provider.GetRequiredService<IImageDecoder>();
        var detector = provider.GetRequiredService<IFaceDetector>();
        var scorer = provider.GetRequiredService<ILivenessScorer>();
        var threshold = provider.GetRequiredService<PolicyCatalog>().TryGet("default", out var policy) ? policy.LivenessThreshold : throw new InvalidOperationException("no default policy");

        var decided = new List<(string Source, string Attack, bool Live)>();
        foreach (var e in test)
        {
            var image = decoder.Decode(File.ReadAllBytes(e.File), CancellationToken.None).Image?.Image;
            var face = image is null ? null : detector.Detect(image).OrderByDescending(d => d.Box.Area).FirstOrDefault();
            if (image is null || face is null) continue;  // no face: the snapshot fails on other rules
            decided.Add((e.Source, e.Attack, scorer.Score(image, face.Box).Score >= threshold));
        }

        // (source, attack) → highest error rate allowed; measured by train-liveness at the shipped commit in the comment.
        var bounds = new (string Source, string Attack, double Max)[]
        {
            ("casia_webcam", "live", 0.10),   // 1 of 20
            ("celeba_spoof", "live", 0.05),   // 0 of 31
            ("celeba_spoof", "print", 0.15),  // 3 of 30 (11 before the print guard: tight prints go to the head, docs/liveness.md)
            ("nuaa", "print", 0.10),          // 0 of 12
            ("msu_mfsd", "live", 0.0),        // 0 of 4
        };
        // Not bounded: NUAA's one held-out person, whose 12 live frames fusion v1 refuses 11 times (docs/liveness.md).
        foreach (var (source, attack, max) in bounds)
        {
            var cell = decided.Where(d => d.Source == source && d.Attack == attack).ToList();
            Assert.True(cell.Count >= 4, $"{source}/{attack}: only {cell.Count} pictures with a face");
            var rate = cell.Count(d => d.Live != (attack == "live")) / (double)cell.Count;
            Assert.True(rate <= max, $"{source}/{attack}: error rate {rate:P1} over {cell.Count}, bound {max:P0}");
        }
        // MSU-MFSD's four held-out people: at most one of their twelve attack frames passes (none did).
        Assert.True(decided.Count(d => d.Source == "msu_mfsd" && d.Attack != "live" && d.Live) <= 1);
    }
}
