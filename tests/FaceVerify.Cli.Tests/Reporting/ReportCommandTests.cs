using System.Text.Json;
using System.Text.Json.Nodes;
using FaceVerify.Core.Json;
using FaceVerify.Core.Reporting;
using FaceVerify.Core.Verification;
using FaceVerify.Tests;
using static FaceVerify.Cli.Tests.Reporting.ReportPictures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaceVerify.Cli.Tests.Reporting;

public sealed class ReportCommandTests
{
    [Fact]
    public void The_report_language_defaults_to_chinese_and_follows_configuration()
    {
        using var plain = CliHost.Build(c => c["FaceVerify:Report:Language"] = "");
        using var english = CliHost.Build(c => c["FaceVerify:Report:Language"] = "en");
        Assert.Equal(ReportLanguage.Zh, plain.GetRequiredService<IOptions<ReportOptions>>().Value.DefaultLanguage);
        Assert.Equal(ReportLanguage.En, english.GetRequiredService<IOptions<ReportOptions>>().Value.DefaultLanguage);
    }

    [Fact]
    public async Task Check_photo_writes_a_report_of_the_one_photo_it_checked()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var folder = Directory.CreateTempSubdirectory("faceverify-report-");
        try
        {
            var report = Path.Combine(folder.FullName, "photo.html");
            var (exit, stdout, _) = await CliProcess.RunAsync(["check-photo", SharedData.Path(IdPhoto), "--json", "--report", report, "--lang", "en"], timeout.Token);
            var line = JsonNode.Parse(stdout)!;
            var html = await File.ReadAllTextAsync(report, timeout.Token);

            var accepted = line["accepted"]!.GetValue<bool>();
            Assert.Equal(accepted ? ExitCodes.Ok : ExitCodes.Rejected, exit);
            Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html);
            Assert.Contains(accepted ? "data-verdict=\"pass\">Accepted" : "data-verdict=\"fail\">Rejected", html);
            Assert.Contains("<svg class=\"overlay\" data-role=\"photo\" data-width=\"480\" data-height=\"600\"", html);
            Assert.DoesNotContain("data-role=\"snapshot\"", html);
            foreach (var violation in line["violations"]!.AsArray())
                Assert.Contains($"data-code=\"{violation!["code"]}\"", html);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Check_photo_refuses_one_report_for_several_photos()
    {
        var (exit, _, stderr) = await CliProcess.RunAsync(
            ["check-photo", SharedData.Path(IdPhoto), SharedData.Path(SameMan), "--report", Path.Combine(Path.GetTempPath(), "never-written.html")], CancellationToken.None);
        Assert.Equal(ExitCodes.UsageOrUnreadable, exit);
        Assert.Contains("exactly one FILE", stderr);
    }

    [Fact]
    public async Task A_rerun_report_shows_what_changed_since_the_earlier_result()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var folder = Directory.CreateTempSubdirectory("faceverify-report-");
        try
        {
            var (_, first, _) = await CliProcess.RunAsync(["verify", "--id-photo", SharedData.Path(IdPhoto), "--snapshot", SharedData.Path(SameMan), "--json"], timeout.Token);
            var earlier = JsonSerializer.Deserialize<VerificationResult>(first, FaceVerifyJson.Options)!;
            // As if the earlier run had been judged under another policy and refused on the match.
            var altered = earlier with { Verdict = Verdict.Fail, Policy = "strict@1", Scores = earlier.Scores with { Similarity = 0.01 } };
            var earlierFile = Path.Combine(folder.FullName, "earlier.json");
            await File.WriteAllTextAsync(earlierFile, JsonSerializer.Serialize(altered, FaceVerifyJson.Options), timeout.Token);

            var report = Path.Combine(folder.FullName, "rerun.html");
            var (exit, _, stderr) = await CliProcess.RunAsync(
                ["verify", "--id-photo", SharedData.Path(IdPhoto), "--snapshot", SharedData.Path(SameMan), "--report", report, "--earlier", earlierFile], timeout.Token);
            var html = await File.ReadAllTextAsync(report, timeout.Token);

            Assert.True(exit is ExitCodes.Ok or ExitCodes.Rejected, stderr);
            Assert.Contains("<tr data-change=\"policy\"><td>", html);
            Assert.Contains($"<td>strict@1</td><td>{earlier.Policy}</td>", html);
            Assert.Contains("<tr data-change=\"similarity\">", html);
            Assert.Equal(earlier.Verdict == Verdict.Pass, html.Contains("<tr data-change=\"verdict\">", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
