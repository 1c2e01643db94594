using System.CommandLine;
using FaceVerify.Cli.Output;
using FaceVerify.Core.Challenge;
using FaceVerify.Core.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Commands;

/// <summary><c>verify --id-photo F --snapshot F [--frame F]... [--policy P] [--json] [--report F.html [--lang zh|en] [--earlier R.json]]</c>.</summary>
internal static class VerifyCommand
{
    public static Command Build()
    {
        var idPhoto = new Option<string>("--id-photo") { Required = true, Description = "The registered ID photo" };
        var snapshot = new Option<string>("--snapshot") { Required = true, Description = "The exam-time webcam snapshot" };
        var frames = new Option<string[]>("--frame") { Description = "Extra frames for liveness evidence", AllowMultipleArgumentsPerToken = false };
        var json = CommonOptions.Json();
        var policy = CommonOptions.Policy();
        var report = CommonOptions.Report();
        var lang = CommonOptions.Language();
        var earlier = new Option<string?>("--earlier") { Description = "A previous 'verify --json' result: the report shows what changed" };
        var challenge = new Option<string?>("--challenge") { Description = "Steps the frames answer, e.g. turn_left,turn_right,blink: the snapshot is the frame before the first step, each --frame the one after a step" };
        var command = new Command("verify", "Verify a snapshot against an ID photo") { idPhoto, snapshot, frames, policy, json, report, lang, earlier, challenge };
        command.SetAction(async (parse, ct) =>
        {
            List<ChallengeStep>? steps = null;
            if (parse.GetValue(challenge) is { } stepList && !ChallengeSteps.TryParseList(stepList, out steps, out var unknownStep))
            {
                ConsoleOutput.Error($"--challenge: unknown step '{unknownStep}' (turn_left, turn_right, blink)");
                return ExitCodes.UsageOrUnreadable;
            }
            var inputs = new List<byte[]>();
            foreach (var path in new[] { parse.GetValue(idPhoto)!, parse.GetValue(snapshot)! }.Concat(parse.GetValue(frames) ?? []))
            {
                var (bytes, problem) = await InputFiles.ReadAsync(path, ct);
                if (bytes is null) { ConsoleOutput.Error(problem!); return ExitCodes.UsageOrUnreadable; }
                inputs.Add(bytes);
            }
            VerificationResult? earlierResult = null;
            if (parse.GetValue(earlier) is { } earlierPath && !EarlierResult.TryRead(earlierPath, out earlierResult, out var earlierProblem))
            {
                ConsoleOutput.Error(earlierProblem);
                return ExitCodes.UsageOrUnreadable;
            }
            using var provider = CliHost.Build();
            var result = await provider.GetRequiredService<IIdentityVerifier>().VerifyAsync(new VerificationRequest
            {
                IdPhoto = inputs[0],
                Snapshot = inputs[1],
                ExtraFrames = inputs.Skip(2).Select(b => (ReadOnlyMemory<byte>)b).ToList(),
                Policy = parse.GetValue(policy),
            }, ct);
            if (steps is not null)
                result = ChallengeResults.Merge(result, provider.GetRequiredService<ChallengeVerifier>().Verify(
                    inputs[0], inputs.Skip(1).Select(b => (ReadOnlyMemory<byte>)b).ToList(), steps, parse.GetValue(policy), ct));
            if (parse.GetValue(json)) ConsoleOutput.JsonLine(result);
            else Print(result);
            if (parse.GetValue(report) is { } reportPath)
                await ReportFiles.WriteAsync(provider, reportPath, parse.GetValue(lang), ct, (builder, renderer, language) =>
                    renderer.Render(builder.ForVerification(inputs[0], inputs[1], result, earlierResult, ct,
                        inputs.Skip(2).Select(b => (ReadOnlyMemory<byte>)b).ToList()), language, ct));
            return result.Verdict == Verdict.Pass ? ExitCodes.Ok : ExitCodes.Rejected;
        });
        return command;
    }

    private static void Print(VerificationResult result)
    {
        var s = result.Scores;
        Console.Out.WriteLine($"verdict     {result.Verdict.ToString().ToLowerInvariant()}{(result.RetakeAllowed ? " (retake allowed)" : "")}");
        Console.Out.WriteLine($"similarity  {s.Similarity?.ToString("0.000") ?? "-"}  (threshold {s.SimilarityThreshold:0.000})");
        Console.Out.WriteLine($"liveness    {s.Liveness?.ToString("0.000") ?? "-"}  (threshold {s.LivenessThreshold:0.000})");
        Console.Out.WriteLine($"policy      {result.Policy}   models {result.ModelSet}   {result.TimingsMs.GetValueOrDefault("total"):0} ms");
        ConsoleOutput.Findings(result.Findings);
    }
}
