using System.CommandLine;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Training;
using FaceVerify.Core.Policy;
using FaceVerify.Core.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Commands;

/// <summary>
/// <c>match-gates [--out artifacts/match-gates.csv]</c>: reads every picture of the matching sets as the service reads
/// a snapshot and writes the blocking quality reasons the default policy gives it (<see cref="ProbeGate"/>), so TAR can
/// also be counted over the pairs whose probe the service would match instead of asking for a retake.
/// </summary>
internal static class MatchGatesCommand
{
    public static Command Build()
    {
        var output = new Option<string>("--out") { DefaultValueFactory = _ => Path.Combine("artifacts", "match-gates.csv") };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => MatchSets.DefaultSeed };
        var command = new Command("match-gates", "Quality/pose gate of every matching-set picture read as a snapshot (default policy)") { output, seed };
        command.SetAction(async (parse, ct) =>
        {
            var files = MatchSets.Build(SharedData.Root, parse.GetValue(seed)).Select(i => i.File).Distinct().ToList();
            using var provider = CliHost.Build(o => o["FaceVerify:Models:IntraOpThreads"] = "1");
            var assessor = provider.GetRequiredService<ImageAssessor>();
            if (!provider.GetRequiredService<PolicyCatalog>().TryGet("default", out var policy)) return ExitCodes.UsageOrUnreadable;
            var rows = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>>();
            var done = 0;
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, async (file, token) =>
            {
                var (bytes, _) = await InputFiles.ReadAsync(file, token);
                rows[file] = bytes is null ? ["unreadable"] : ProbeGate.Reasons(assessor.Assess(bytes, ProbeGate.Scope, token), policy);
                if (Interlocked.Increment(ref done) % 500 == 0) lock (Console.Error) Console.Error.WriteLine($"{done}/{files.Count} read");
            });
            ProbeGate.Write(parse.GetValue(output)!, files.Select(f => (f, rows[f])));
            foreach (var (code, count) in rows.Values.SelectMany(r => r).GroupBy(c => c).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2))
                Console.Out.WriteLine($"{code}: {count} pictures");
            Console.Out.WriteLine($"{rows.Values.Count(r => r.Count == 0)} of {files.Count} pictures pass");
            return ExitCodes.Ok;
        });
        return command;
    }
}
