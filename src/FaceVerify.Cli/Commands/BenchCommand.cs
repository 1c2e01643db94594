using System.CommandLine;
using System.Diagnostics;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Output;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;
using FaceVerify.Core.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Commands;

/// <summary>
/// <c>bench [--picture F] [--iterations N] [--json]</c>: per-stage medians of a full verification of a
/// 295×413 ID photo and a 640×480 snapshot (ID-photo cache off), and the pure model time of the same run.
/// </summary>
internal static class BenchCommand
{
    internal sealed record Result(IReadOnlyDictionary<string, double> StagesMs, IReadOnlyDictionary<string, double> ModelsMs, double EndToEndMs, double ModelSumMs, int Threads, int Iterations, double EndToEndOverModel);

    public static Command Build()
    {
        var picture = new Option<string?>("--picture") { Description = "Source picture with a face (default: a sample from the shared data)" };
        var iterations = new Option<int>("--iterations") { DefaultValueFactory = _ => 30 };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => 1, Description = "ONNX intra-op threads" };
        var json = CommonOptions.Json();
        var command = new Command("bench", "Per-stage latency of one verification") { picture, iterations, threads, json };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(picture) ?? SharedData.Path("identity/face_recognition/examples__obama.jpg");
            var (bytes, problem) = await InputFiles.ReadAsync(path, ct);
            if (bytes is null) { ConsoleOutput.Error(problem!); return ExitCodes.UsageOrUnreadable; }
            var threadCount = parse.GetValue(threads);
            using var provider = CliHost.Build(o =>
            {
                o["FaceVerify:IdPhotoCache:Enabled"] = "false";
                o["FaceVerify:Models:IntraOpThreads"] = threadCount.ToString();
            });
            var (idPhoto, snapshot) = BenchPictures.Make(bytes, provider.GetRequiredService<IImageDecoder>(), provider.GetRequiredService<IFaceDetector>());
            var result = await RunAsync(provider, idPhoto, snapshot, Math.Max(1, parse.GetValue(iterations)), threadCount, ct);
            if (parse.GetValue(json)) ConsoleOutput.JsonLine(result);
            else
            {
                foreach (var (stage, ms) in result.StagesMs) Console.Out.WriteLine($"{stage,-10} {ms,8:0.00} ms");
                foreach (var (id, ms) in result.ModelsMs) Console.Out.WriteLine($"model {id,-10} {ms,8:0.00} ms");
                Console.Out.WriteLine($"end to end {result.EndToEndMs:0.00} ms; model inference {result.ModelSumMs:0.00} ms; ratio {result.EndToEndOverModel:0.00} ({result.Threads} thread(s), median of {result.Iterations})");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<Result> RunAsync(IServiceProvider provider, byte[] idPhoto, byte[] snapshot, int iterations, int threads, CancellationToken ct)
    {
        var verifier = provider.GetRequiredService<IIdentityVerifier>();
        var meter = provider.GetRequiredService<InferenceMeter>();
        var request = new VerificationRequest { IdPhoto = idPhoto, Snapshot = snapshot };
        // Warm-up: ONNX Runtime arenas, and enough calls for the JIT to promote hot methods to tier 1 (after 30
        // calls), so the figures are the steady state of a running service, not of a cold process.
        for (var i = 0; i < 40; i++) await verifier.VerifyAsync(request, ct);

        var stages = new Dictionary<string, List<double>>();
        var endToEnd = new List<double>();
        var model = new List<double>();
        var byModel = new Dictionary<string, List<double>>();
        for (var i = 0; i < iterations; i++)
        {
            var modelBefore = meter.TotalMilliseconds;
            var perModelBefore = meter.MillisecondsByModel;
            var started = Stopwatch.GetTimestamp();
            var result = await verifier.VerifyAsync(request, ct);
            endToEnd.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            model.Add(meter.TotalMilliseconds - modelBefore);
            foreach (var (id, ms) in meter.MillisecondsByModel)
                (byModel.TryGetValue(id, out var list) ? list : byModel[id] = []).Add(ms - perModelBefore.GetValueOrDefault(id));
            foreach (var (stage, ms) in result.TimingsMs.Where(t => t.Key != "total"))
                (stages.TryGetValue(stage, out var list) ? list : stages[stage] = []).Add(ms);
        }
        var e2e = Median(endToEnd);
        var modelMs = Median(model);
        return new Result(stages.ToDictionary(s => s.Key, s => Math.Round(Median(s.Value), 3)), byModel.ToDictionary(m => m.Key, m => Math.Round(Median(m.Value), 3)), Math.Round(e2e, 3), Math.Round(modelMs, 3), threads, iterations, Math.Round(e2e / modelMs, 3));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
