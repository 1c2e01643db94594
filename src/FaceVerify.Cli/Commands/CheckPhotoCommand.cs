using System.CommandLine;
using FaceVerify.Cli.Output;
using FaceVerify.Contracts;
using FaceVerify.Core.Policy;
using FaceVerify.Core.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Commands;

/// <summary><c>check-photo FILE... [--policy P] [--json] [--report F.html [--lang zh|en]]</c>: which registration rules each ID photo breaks.</summary>
internal static class CheckPhotoCommand
{
    public static Command Build()
    {
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "ID photos to check" };
        var json = CommonOptions.Json();
        var policy = CommonOptions.Policy();
        var report = CommonOptions.Report();
        var lang = CommonOptions.Language();
        var command = new Command("check-photo", "Check ID photos against the registration rules") { files, policy, json, report, lang };
        command.Validators.Add(result =>
        {
            if (result.GetValue(report) is not null && result.GetValue(files) is { Length: > 1 })
                result.AddError("--report writes one page: give exactly one FILE");
        });
        command.SetAction(async (parse, ct) =>
        {
            using var provider = CliHost.Build();
            var checker = provider.GetRequiredService<IIdPhotoChecker>();
            var exit = ExitCodes.Ok;
            foreach (var file in parse.GetValue(files)!)
            {
                var (line, code, checkedPhoto) = await CheckAsync(checker, file, parse.GetValue(policy), ct);
                exit = Math.Max(exit, code);
                if (parse.GetValue(json)) ConsoleOutput.JsonLine(line);
                else
                {
                    Console.Out.WriteLine($"{file}: {(line.Accepted ? "accepted" : "rejected")} ({line.Policy})");
                    ConsoleOutput.Findings(line.Violations.Select(v => v.ToFinding()));
                }
                if (parse.GetValue(report) is { } reportPath && checkedPhoto is { } photo)
                    await ReportFiles.WriteAsync(provider, reportPath, parse.GetValue(lang), ct, (builder, renderer, language) =>
                        renderer.Render(builder.ForPhotoCheck(photo.Bytes, photo.Result, ct), language, ct));
            }
            return exit;
        });
        return command;
    }

    /// <summary>The JSON line of one checked file: <see cref="IdPhotoValidated"/>, as the HTTP route and the bus answer.</summary>
    private static async Task<(IdPhotoValidated Line, int Exit, (byte[] Bytes, PhotoCheckResult Result)? Checked)> CheckAsync(IIdPhotoChecker checker, string file, string? policy, CancellationToken ct)
    {
        var (bytes, problem) = await InputFiles.ReadAsync(file, ct);
        if (bytes is null)
        {
            var finding = new Finding(ReasonCodes.Photo(ReasonCodes.Face.Unreadable), problem!, null, null, Severity.Block);
            return (new IdPhotoValidated { File = file, Accepted = false, Violations = [finding.ToDto()], Policy = policy ?? "default" },
                ExitCodes.UsageOrUnreadable, null);
        }
        var result = await checker.CheckAsync(bytes, policy, ct);
        var exit = result.Accepted ? ExitCodes.Ok : result.Unreadable ? ExitCodes.UsageOrUnreadable : ExitCodes.Rejected;
        return (result.ToAnswer(file), exit, (bytes, result));
    }
}
