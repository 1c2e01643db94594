using System.Text.RegularExpressions;
using FaceVerify.Core.Reporting;

namespace FaceVerify.Core.Tests.Reporting;

/// <summary>Issue 14 item 5: a challenge's frames side by side, each with what its step read.</summary>
public sealed partial class ChallengeFramesReportTests
{
    private readonly HtmlVerificationReportRenderer _renderer = new(ReportTexts.Load());

    [Fact]
    public void The_frames_are_shown_in_order_each_with_its_step_reading()
    {
        var result = ReportSamples.Refused();
        result = result with
        {
            Scores = result.Scores with
            {
                Measurements = new Dictionary<string, double>(result.Scores.Measurements)
                {
                    ["challenge.step1.turn_left"] = 31.2, ["challenge.step1.neighbour"] = 2.5, ["challenge.frame1.similarity"] = 0.71,
                    ["challenge.frame1.planarResidual"] = 0.094, ["challenge.step2.blink"] = 0.08, ["challenge.frame2.similarity"] = 0.66,
                    ["challenge.headMotion"] = 0.094,
                },
            },
        };
        var jpeg = ReportSamples.Picture(ReportRole.Snapshot, ReportSamples.Geometry(64, 48, 0), CancellationToken.None).Jpeg;
        var input = ReportSamples.Input(result) with { ChallengeFrames = [new(0, jpeg), new(1, jpeg), new(2, null)] };

        var html = _renderer.Render(input, ReportLanguage.En, CancellationToken.None);

        var figures = Figure().Matches(html).ToList();
        Assert.Equal(["0", "1", "2"], figures.Select(f => f.Groups["index"].Value));
        Assert.Contains("before the first step", figures[0].Value);
        Assert.Contains("data-step-reading=\"challenge.step1.turn_left\"", figures[1].Value);
        Assert.Contains("31.2", figures[1].Value);
        Assert.Contains("0.094", figures[1].Value);
        Assert.Contains("data-step-reading=\"challenge.step2.blink\"", figures[2].Value);
        Assert.DoesNotContain("turn_left", figures[2].Value);
        Assert.Contains("class=\"missing\"", figures[2].Value);
        Assert.Equal(2, Regex.Matches(html, "<img class=\"picture\"[^>]*src=\"data:image/jpeg;base64,").Count);
        Assert.Contains("Liveness challenge: frames and step readings", html);
        Assert.Contains("动作活体挑战", html);  // the other language, smaller
    }

    [Fact]
    public void Without_a_challenge_there_is_no_frame_section()
    {
        var html = _renderer.Render(ReportSamples.Input(ReportSamples.Refused()), ReportLanguage.En, CancellationToken.None);
        Assert.DoesNotContain("data-challenge-frame", html);
    }

    [GeneratedRegex("<figure data-challenge-frame=\"(?<index>\\d+)\">.*?</figure>", RegexOptions.Singleline)]
    private static partial Regex Figure();
}
