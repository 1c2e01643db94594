using System.CommandLine;
using FaceVerify.Cli.Output;
using FaceVerify.Core.Analysis;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Commands;

/// <summary><c>inspect FILE... [--json]</c>: every face with its measurements.</summary>
internal static class InspectCommand
{
    internal sealed record Box(double X, double Y, double Width, double Height);
    internal sealed record Pose(double Yaw, double Pitch, double Roll);
    internal sealed record LivenessView(double Score, bool Live, Box Crop, double? ModelScore, IReadOnlyDictionary<string, double>? Cues);
    internal sealed record Attribute(double Score, bool Flagged);
    internal sealed record Occlusion(Attribute Mask, Attribute Sunglasses, Attribute HairOverEyes);
    internal sealed record Face(Box Box, double Score, double[][] Landmarks5, Pose Pose, double[] EyesOpen, LivenessView? Liveness, IReadOnlyDictionary<string, double> Quality, Occlusion? Occlusion);
    internal sealed record Line(string File, int Width, int Height, IReadOnlyList<Face> Faces, string? Error);

    public static Command Build()
    {
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore };
        var json = CommonOptions.Json();
        var policyOption = CommonOptions.Policy();
        var command = new Command("inspect", "Every face in the pictures with box, landmarks, pose, eyes, liveness and quality") { files, policyOption, json };
        command.SetAction(async (parse, ct) =>
        {
            using var provider = CliHost.Build();
            var decoder = provider.GetRequiredService<IImageDecoder>();
            var analyzer = provider.GetRequiredService<IFaceAnalyzer>();
            if (!provider.GetRequiredService<PolicyCatalog>().TryGet(parse.GetValue(policyOption), out var policy))
            { ConsoleOutput.Error($"no policy named '{parse.GetValue(policyOption)}'"); return ExitCodes.UsageOrUnreadable; }
            var exit = ExitCodes.Ok;
            foreach (var file in parse.GetValue(files)!)
            {
                var line = await InspectAsync(decoder, analyzer, policy, file, ct);
                if (line.Error is not null) exit = ExitCodes.UsageOrUnreadable;
                if (parse.GetValue(json)) ConsoleOutput.JsonLine(line);
                else PrintTable(line);
            }
            return exit;
        });
        return command;
    }

    private static async Task<Line> InspectAsync(IImageDecoder decoder, IFaceAnalyzer analyzer, PolicyOptions policy, string file, CancellationToken ct)
    {
        var (bytes, problem) = await InputFiles.ReadAsync(file, ct);
        if (bytes is null) return new Line(file, 0, 0, [], problem);
        var decoded = decoder.Decode(bytes, ct);
        if (decoded.Image is not { } image) return new Line(file, 0, 0, [], $"{decoded.Problem}: {decoded.Detail}");
        var reading = analyzer.Analyze(image, AnalysisScope.Everything, new StageClock(), ct);
        var faces = new[] { reading.Primary }.Concat(reading.Others).OfType<FaceReading>().Select(f => ToFace(f, policy)).ToList();
        return new Line(file, image.Width, image.Height, faces, null);
    }

    internal static Face ToFace(FaceReading f, PolicyOptions policy) => new(
        ToBox(f.Box), R(f.Detection.Score),
        f.Landmarks5.Select(p => new[] { R(p.X), R(p.Y) }).ToArray(),
        new Pose(R(f.Pose.Yaw), R(f.Pose.Pitch), R(f.Pose.Roll)),
        [R(f.Eyes.LeftOpen), R(f.Eyes.RightOpen)],
        f.Liveness is { } l ? new LivenessView(R(l.Score), policy.IsLive(l.Score), ToBox(l.Crop),
            l.ModelScore is { } m ? R(m) : null, l.Cues?.ToDictionary(c => c.Key, c => R(c.Value))) : null,
        new Dictionary<string, double>
        {
            ["sharpness"] = R(f.Quality.Sharpness), ["brightness"] = R(f.Quality.Brightness),
            ["highlight"] = R(f.Quality.Highlight), ["contrast"] = R(f.Quality.Contrast), ["laplacianVariance"] = R(f.Quality.LaplacianVariance),
            ["lightingAsymmetry"] = R(f.Quality.LightingAsymmetry), ["clippedFraction"] = R(f.Quality.ClippedFraction),
        },
        f.Occlusion is { } o
            ? new Occlusion(new Attribute(R(o.Mask), policy.Snapshot.MaskCovers(o.Mask)), new Attribute(R(o.Sunglasses), policy.Snapshot.SunglassesCover(o.Sunglasses)),
                new Attribute(R(o.HairOverEyes), policy.Snapshot.HairCovers(o.HairOverEyes)))
            : null);

    private static Box ToBox(FaceBox b) => new(R(b.X), R(b.Y), R(b.Width), R(b.Height));
    private static double R(double v) => Math.Round(v, 3);

    private static void PrintTable(Line line)
    {
        if (line.Error is not null) { Console.Out.WriteLine($"{line.File}: unreadable ({line.Error})"); return; }
        Console.Out.WriteLine($"{line.File}: {line.Width}×{line.Height}, {line.Faces.Count} face(s)");
        foreach (var f in line.Faces)
            Console.Out.WriteLine($"  box {f.Box.X:0},{f.Box.Y:0} {f.Box.Width:0}×{f.Box.Height:0}  yaw {f.Pose.Yaw,6:0.0} pitch {f.Pose.Pitch,6:0.0} roll {f.Pose.Roll,6:0.0}  eyes {f.EyesOpen[0]:0.00}/{f.EyesOpen[1]:0.00}  live {f.Liveness?.Score:0.000}  sharp {f.Quality["sharpness"]:0}");
    }
}
