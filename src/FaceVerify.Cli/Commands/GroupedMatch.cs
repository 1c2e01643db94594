using System.CommandLine;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Output;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Commands;

/// <summary>
/// The per-group options and output shared by <c>eval</c> and <c>calibrate-match</c>: <c>--groups CSV</c> prints, per
/// group, FAR and TAR at the policy threshold and the FAR-0.1%/0.01% thresholds; <c>--cache FILE</c> keeps the
/// embeddings between runs; <c>--embedding</c> picks how a picture's vector is made (the service's is <c>plain</c>).
/// </summary>
internal static class GroupedMatch
{
    public static readonly double[] Fars = [0.001, 0.0001];

    public static Option<string?> Groups() => new("--groups") { Description = "CSV with group and file or identity columns: figures per group (pairs inside a group only) at FAR 0.1% and 0.01%" };
    public static Option<string?> Cache() => new("--cache") { Description = "Keep embeddings in this file (e.g. artifacts/match-vectors.bin) and reuse them" };

    public static Option<EmbeddingVariant> Embedding() => new("--embedding")
    {
        Description = "plain (the service's), flip, keypoints or flipkeypoints (averaged embeddings); with --groups or --cache",
        DefaultValueFactory = _ => EmbeddingVariant.Plain,
    };

    public static MatchVectorExtractor Extractor(IServiceProvider provider) => new(
        provider.GetRequiredService<IImageDecoder>(), provider.GetRequiredService<IFaceDetector>(), provider.GetRequiredService<ILandmarkDetector>(),
        provider.GetRequiredService<IFaceKeypointDetector>(), provider.GetRequiredService<IFaceEmbedder>());

    public static async Task<Func<string, float[]?>> EmbeddingsAsync(IServiceProvider provider, IReadOnlyCollection<string> files, string? cache, EmbeddingVariant variant, CancellationToken ct)
    {
        var extractor = Extractor(provider);
        // Without a cache only the chosen vector is read: the plain one alone needs no mirrored or key-point run.
        var table = cache is null && variant == EmbeddingVariant.Plain
            ? await MatchVectorCache.BuildAsync(files, (bytes, token) => extractor.ExtractPlain(bytes, token) is { } p ? new MatchVectors(p, p, p) : null, null, ct)
            : await MatchVectorCache.BuildAsync(files, extractor, cache, ct);
        var chosen = table.ToDictionary(kv => kv.Key, kv => kv.Value?.Of(variant));
        return file => chosen.GetValueOrDefault(file);
    }

    public static IReadOnlyList<GroupFigure> Figures(SortedDictionary<string, GroupScores> groups, double threshold) =>
        groups.Select(g => g.Value.Figure(g.Key, threshold, Fars)).ToList();

    public static void Print(IReadOnlyList<GroupFigure> figures, bool json)
    {
        if (json) { foreach (var f in figures) ConsoleOutput.JsonLine(f); return; }
        foreach (var f in figures) Console.Out.WriteLine(f.Describe());
        if (figures.Count == 0) return;
        foreach (var far in Fars)
        {
            var (group, threshold) = GroupScores.Worst(figures, far);
            var tooSmall = figures.Where(f => !f.CanPlace(far)).Select(f => f.Group).ToList();
            Console.Out.WriteLine($"worst group at FAR {far}: {(group.Length > 0 ? $"{group}, threshold {threshold:0.0000}" : "none")}" +
                (tooSmall.Count > 0 ? $" (too few pairs of people to place it: {string.Join(", ", tooSmall)})" : ""));
        }
    }
}
