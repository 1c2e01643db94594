using System.CommandLine;
using System.Diagnostics;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Output;
using FaceVerify.Core.Analysis;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;
using FaceVerify.Core.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Commands;

/// <summary>
/// <c>bench [--picture F] [--iterations N] [--json]</c>: per-stage medians of a full verification of a
/// 295×413 ID photo and a 640×480 snapshot (ID-photo cache off), the pure model time of the same run, and the
/// reference pass (<see cref="ReferencePass"/>: the six packaged models once each) timed alternately in the same
/// process with the same sessions, so the ratio end to end / reference is not skewed by the machine's load.
/// </summary>
internal static class BenchCommand
{
    internal sealed record Result(IReadOnlyDictionary<string, double> StagesMs, IReadOnlyDictionary<string, double> ModelsMs, double EndToEndMs, double ModelSumMs, int Threads, int Iterations, double EndToEndOverModel,
        IReadOnlyDictionary<string, double> ReferenceStagesMs, double ReferenceMs, double EndToEndOverReference, long AllocatedBytesPerVerification, long AllocatedBytesPerReference,
        double CpuMs, double ReferenceCpuMs, double CpuOverReference);

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
                foreach (var (stage, ms) in result.StagesMs)
                    Console.Out.WriteLine($"{stage,-10} {ms,8:0.00} ms" + (result.ReferenceStagesMs.TryGetValue(stage, out var r) ? $"   reference {r,8:0.00} ms" : ""));
                foreach (var (id, ms) in result.ModelsMs) Console.Out.WriteLine($"model {id,-10} {ms,8:0.00} ms");
                Console.Out.WriteLine($"end to end {result.EndToEndMs:0.00} ms; model inference {result.ModelSumMs:0.00} ms; ratio {result.EndToEndOverModel:0.00} ({result.Threads} thread(s), median of {result.Iterations})");
                Console.Out.WriteLine($"reference pass {result.ReferenceMs:0.00} ms (the snapshot's part {result.ReferenceStagesMs.GetValueOrDefault("snapshot"):0.00} ms); end to end / reference {result.EndToEndOverReference:0.00}");
                Console.Out.WriteLine($"process CPU time (all threads, GC included) {result.CpuMs:0.00} ms; reference pass {result.ReferenceCpuMs:0.00} ms; CPU / reference {result.CpuOverReference:0.00}");
                Console.Out.WriteLine($"allocated per verification {result.AllocatedBytesPerVerification / 1024.0:0} KiB; per reference pass {result.AllocatedBytesPerReference / 1024.0:0} KiB");
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
        var reference = new ReferencePass(provider);
        // Warm-up: ONNX Runtime arenas, and enough calls for the JIT to promote hot methods to tier 1 (after 30
        // calls), so the figures are the steady state of a running service, not of a cold process. The reference
        // pass gets the same warm-up.
        for (var i = 0; i < 40; i++)
        {
            await verifier.VerifyAsync(request, ct);
            reference.Run(idPhoto, snapshot, new StageClock(), ct);
        }

        var stages = new Dictionary<string, List<double>>();
        var endToEnd = new List<double>();
        var model = new List<double>();
        var byModel = new Dictionary<string, List<double>>();
        var referenceMs = new List<double>();
        var referenceStages = new Dictionary<string, List<double>>();
        long allocated = 0, referenceAllocated = 0;
        // Process CPU time (getrusage: every thread, background GC and JIT included) is what the machine's other work
        // does not stretch, unlike wall time on a shared machine; medians of both are reported.
        var cpu = new List<double>();
        var referenceCpu = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            // Alternating, one reference pass before each verification: both see the same minute of the shared machine.
            var referenceBytes = GC.GetTotalAllocatedBytes(precise: true);
            var referenceCpuBefore = Environment.CpuUsage.TotalTime;
            var referenceStarted = Stopwatch.GetTimestamp();
            var referenceClock = new StageClock();
            reference.Run(idPhoto, snapshot, referenceClock, ct);
            foreach (var (stage, ms) in referenceClock.Milliseconds)
                (referenceStages.TryGetValue(stage, out var list) ? list : referenceStages[stage] = []).Add(ms);
            referenceMs.Add(Stopwatch.GetElapsedTime(referenceStarted).TotalMilliseconds);
            referenceCpu.Add((Environment.CpuUsage.TotalTime - referenceCpuBefore).TotalMilliseconds);
            referenceAllocated += GC.GetTotalAllocatedBytes(precise: true) - referenceBytes;
            var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
            var modelBefore = meter.TotalMilliseconds;
            var perModelBefore = meter.MillisecondsByModel;
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var started = Stopwatch.GetTimestamp();
            var result = await verifier.VerifyAsync(request, ct);
            endToEnd.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            cpu.Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds);
            allocated += GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
            model.Add(meter.TotalMilliseconds - modelBefore);
            foreach (var (id, ms) in meter.MillisecondsByModel)
                (byModel.TryGetValue(id, out var list) ? list : byModel[id] = []).Add(ms - perModelBefore.GetValueOrDefault(id));
            foreach (var (stage, ms) in result.TimingsMs.Where(t => t.Key != "total"))
                (stages.TryGetValue(stage, out var list) ? list : stages[stage] = []).Add(ms);
        }
        var e2e = Median(endToEnd);
        var modelMs = Median(model);
        var referenceMedian = Median(referenceMs);
        double cpuMedian = Median(cpu), referenceCpuMedian = Median(referenceCpu);
        return new Result(stages.ToDictionary(s => s.Key, s => Math.Round(Median(s.Value), 3)), byModel.ToDictionary(m => m.Key, m => Math.Round(Median(m.Value), 3)), Math.Round(e2e, 3), Math.Round(modelMs, 3), threads, iterations, Math.Round(e2e / modelMs, 3),
            referenceStages.ToDictionary(s => s.Key, s => Math.Round(Median(s.Value), 3)), Math.Round(referenceMedian, 3), Math.Round(e2e / referenceMedian, 3), allocated / iterations, referenceAllocated / iterations,
            Math.Round(cpuMedian, 3), Math.Round(referenceCpuMedian, 3), Math.Round(cpuMedian / referenceCpuMedian, 3));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
