using System.CommandLine;
using FaceVerify.Cli.Output;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Commands;

/// <summary><c>compare A B [--json]</c>: cosine similarity of the largest faces.</summary>
internal static class CompareCommand
{
    private sealed record Line(double? Similarity, int FacesA, int FacesB);

    public static Command Build()
    {
        var a = new Argument<string>("A");
        var b = new Argument<string>("B");
        var json = CommonOptions.Json();
        var command = new Command("compare", "Similarity of the largest face in two pictures") { a, b, json };
        command.SetAction(async (parse, ct) =>
        {
            using var provider = CliHost.Build();
            var extractor = provider.GetRequiredService<IdentityExtractor>();
            var vectors = new List<IdentityVector>();
            foreach (var path in new[] { parse.GetValue(a)!, parse.GetValue(b)! })
            {
                var (bytes, problem) = await InputFiles.ReadAsync(path, ct);
                if (bytes is null) { ConsoleOutput.Error(problem!); return ExitCodes.UsageOrUnreadable; }
                var vector = extractor.Extract(bytes, ct);
                if (vector.Problem != Core.Imaging.DecodeProblem.None) { ConsoleOutput.Error($"{path}: {vector.Detail}"); return ExitCodes.UsageOrUnreadable; }
                vectors.Add(vector);
            }
            double? similarity = vectors[0].Embedding is { } ea && vectors[1].Embedding is { } eb ? Math.Round(Similarity.Cosine(ea, eb), 4) : null;
            var line = new Line(similarity, vectors[0].Faces, vectors[1].Faces);
            if (parse.GetValue(json)) ConsoleOutput.JsonLine(line);
            else Console.Out.WriteLine($"similarity {similarity?.ToString("0.0000") ?? "- (no face)"}   faces {line.FacesA} / {line.FacesB}");
            return similarity is null ? ExitCodes.Rejected : ExitCodes.Ok;
        });
        return command;
    }
}
