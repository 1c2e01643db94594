using System.Globalization;
using System.Text.RegularExpressions;
using FaceVerify.Core.Policy;
using FaceVerify.Core.Reporting;
using FaceVerify.Core.Verification;

namespace FaceVerify.Core.Tests.Reporting;

public sealed partial class HtmlVerificationReportRendererTests
{
    private static readonly ReportTexts Texts = ReportTexts.Load();
    private readonly HtmlVerificationReportRenderer _renderer = new(Texts);

    private string Render(VerificationReportInput input, ReportLanguage language = ReportLanguage.Zh) =>
        _renderer.Render(input, language, CancellationToken.None);

    [Fact]
    public void The_page_is_self_contained_with_a_strict_policy_and_no_script()
    {
        var html = Render(ReportSamples.Input(ReportSamples.Refused()));

        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">", html);
        Assert.DoesNotMatch("(?i)<script", html);
        Assert.DoesNotMatch(@"(?i)\son[a-z]+\s*=", html);
        Assert.DoesNotMatch(@"(?i)url\(|@import|<link|<iframe|<object|<embed", html);
        var references = ReferenceAttribute().Matches(html).Select(m => m.Groups["value"].Value).ToList();
        Assert.Equal(2, references.Count);
        Assert.All(references, r => Assert.StartsWith("data:image/jpeg;base64,", r));
    }

    [Fact]
    public void Each_face_box_carries_the_result_geometry_in_image_pixels()
    {
        var result = ReportSamples.Refused();
        var html = Render(ReportSamples.Input(result));

        var boxes = FaceBoxes(html);
        Assert.Equal(result.Faces!.IdPhoto!.Faces.Count + result.Faces.Snapshot!.Faces.Count, boxes.Count);
        foreach (var (role, geometry) in new[] { ("photo", result.Faces.IdPhoto), ("snapshot", result.Faces.Snapshot) })
        {
            Assert.Contains($"<svg class=\"overlay\" data-role=\"{role}\" data-width=\"{geometry.Width}\" data-height=\"{geometry.Height}\" viewBox=\"0 0 {geometry.Width} {geometry.Height}\"", html);
            foreach (var face in geometry.Faces)
                Assert.Equal(face.Box, boxes[(role, face.Index)]);
        }
        Assert.Equal(2 * 5, Regex.Count(html, "<circle class=\"landmark\""));
        Assert.Equal(2, Regex.Count(html, "<rect class=\"liveness-crop\""));
        Assert.Contains("data-yaw=\"31.0\" data-pitch=\"-5.0\" data-roll=\"2.0\"", html);
    }

    [Theory]
    [InlineData(ReportLanguage.Zh, "zh-CN", "未通过")]
    [InlineData(ReportLanguage.En, "en", "Refused")]
    public void Each_finding_is_named_in_both_languages_with_the_page_language_first(ReportLanguage language, string htmlLang, string verdict)
    {
        var result = ReportSamples.Refused();
        var html = Render(ReportSamples.Input(result), language);

        Assert.StartsWith($"<!DOCTYPE html>\n<html lang=\"{htmlLang}\">", html);
        Assert.Contains($"data-verdict=\"fail\">{verdict}</span>", html);
        foreach (var finding in result.Findings)
        {
            var text = Texts.Reason(finding.Code)!;
            var first = html.IndexOf(System.Net.WebUtility.HtmlEncode(text.In(language)), StringComparison.Ordinal);
            var second = html.IndexOf(System.Net.WebUtility.HtmlEncode(text.In(language.Other())), StringComparison.Ordinal);
            Assert.True(first > 0 && second > first, $"{finding.Code}: both texts, page language first");
        }
    }

    [Fact]
    public void The_pose_arrow_points_where_the_nose_points()
    {
        // The sample's first face reads yaw +31 (turned to the subject's own right: nose towards the image left) and
        // pitch -5 (looking a little down: the arrow goes down the picture).
        var html = Render(ReportSamples.Input(ReportSamples.Refused()));

        var arrow = Regex.Match(html, "<line class=\"pose-arrow\" x1=\"(?<x1>[-0-9.]+)\" y1=\"(?<y1>[-0-9.]+)\" x2=\"(?<x2>[-0-9.]+)\" y2=\"(?<y2>[-0-9.]+)\"");
        Assert.True(arrow.Success, "no pose arrow");
        double At(string name) => double.Parse(arrow.Groups[name].Value, CultureInfo.InvariantCulture);
        Assert.True(At("x2") < At("x1"), $"arrow goes right: {arrow.Value}");
        Assert.True(At("y2") > At("y1"), $"arrow goes up: {arrow.Value}");
    }

    [Fact]
    public void Blocking_findings_come_first_with_their_value_against_the_threshold()
    {
        var html = Render(ReportSamples.Input(ReportSamples.Refused()));

        var rows = FindingRow().Matches(html).Select(m => (Code: m.Groups["code"].Value, Severity: m.Groups["severity"].Value)).ToList();
        Assert.Equal([("match.below_threshold", "block"), ("snapshot.head_turned", "block"), ("photo.file_too_small", "warn")], rows);
        Assert.Contains("<div class=\"bar\" data-value=\"0.12\" data-threshold=\"0.3\">", html);
        Assert.Contains("<div class=\"score\" data-score=\"similarity\" data-value=\"0.12\" data-threshold=\"0.3\">", html);
        Assert.Contains("<div class=\"score\" data-score=\"liveness\" data-value=\"0.91\" data-threshold=\"0.5\">", html);
    }

    [Fact]
    public void Text_from_a_result_cannot_inject_markup()
    {
        var result = ReportSamples.Refused() with
        {
            Findings = [new Finding(ReasonCodes.InternalError, "<img src=http://127.0.0.1:9/x onerror=alert(1)>", null, null, Severity.Block)],
            Policy = "\"><script>alert(1)</script>",
        };
        var html = Render(ReportSamples.Input(result));

        Assert.DoesNotMatch("(?i)<script|<img", html);
        Assert.Contains("&lt;img src=http://127.0.0.1:9/x onerror=alert(1)&gt;", html);
    }

    [Fact]
    public void A_rerun_shows_what_changed()
    {
        var earlier = ReportSamples.Refused();
        var now = earlier with
        {
            Verdict = Verdict.Pass,
            Findings = [earlier.Findings[2]],
            Scores = earlier.Scores with { Similarity = 0.62 },
            Policy = "strict@2",
        };
        var html = Render(ReportSamples.Input(now, earlier));

        var changes = ChangeRow().Matches(html).Select(m => m.Groups["item"].Value).ToList();
        Assert.Equal(["verdict", "similarity", "policy", "finding:match.below_threshold", "finding:snapshot.head_turned"], changes);
        Assert.Contains("<td>未通过</td><td>通过</td>", html);
        Assert.Contains("<td>0.12</td><td>0.62</td>", html);
        Assert.DoesNotContain("data-change=\"finding:photo.file_too_small\"", html);
    }

    [Fact]
    public void A_rerun_with_the_same_outcome_says_so()
    {
        var result = ReportSamples.Refused();
        var html = Render(ReportSamples.Input(result, result with { TimingsMs = new Dictionary<string, double> { ["total"] = 9 } }));

        Assert.Contains("<p class=\"no-changes\">与上次结果相同", html);
        Assert.DoesNotContain("data-change=", html);
    }

    [Fact]
    public void An_unreadable_picture_is_said_to_be_unreadable_and_gets_no_overlay()
    {
        var result = ReportSamples.Refused() with { Faces = new VerificationFaces(ReportSamples.Geometry(120, 160, 1), null) };
        var input = ReportSamples.Input(result with { Faces = ReportSamples.Refused().Faces }) with { Snapshot = new ReportPicture(ReportRole.Snapshot, null, null) };
        var html = Render(input, ReportLanguage.En);

        Assert.Contains("<div class=\"missing\">This picture cannot be read</div>", html);
        Assert.DoesNotContain("data-role=\"snapshot\" data-width", html);
        Assert.Contains("data-role=\"photo\" data-width", html);
    }

    [Fact]
    public void A_picture_past_its_retention_is_said_to_be_gone_not_unreadable()
    {
        var result = ReportSamples.Refused();
        var input = ReportSamples.Input(result) with { IdPhoto = new ReportPicture(ReportRole.Photo, null, result.Faces!.IdPhoto) { Retained = false } };
        var html = Render(input);

        Assert.Contains("<div class=\"missing\">该图片已超过保存期限，已删除</div>", html);
        Assert.DoesNotContain("data-role=\"photo\" data-width", html);
    }

    [Fact]
    public void A_photo_check_report_shows_one_picture_and_its_violations()
    {
        var geometry = ReportSamples.Geometry(120, 160, 1);
        var check = new PhotoCheckResult
        {
            Accepted = false,
            Violations = [new Finding(ReasonCodes.PhotoBackgroundNotWhite, "the background is not white (10 % white)", 0.1, 0.8, Severity.Block)],
            Measurements = new Dictionary<string, double> { ["backgroundWhite"] = 0.1 },
            Policy = "default@1",
            Sha256 = "cc",
            Faces = geometry,
        };
        var html = _renderer.Render(new PhotoCheckReportInput(check, ReportSamples.Picture(ReportRole.Photo, geometry, CancellationToken.None), "test-models"),
            ReportLanguage.Zh, CancellationToken.None);

        Assert.Contains("data-verdict=\"fail\">不合格</span>", html);
        Assert.Contains(Texts.Reason(ReasonCodes.PhotoBackgroundNotWhite)!.Zh, html);
        Assert.Single(FaceBoxes(html));
        Assert.DoesNotContain("data-score=", html);
    }

    private static Dictionary<(string Role, int Index), PixelBox> FaceBoxes(string html) =>
        FaceBoxRect().Matches(html).ToDictionary(
            m => (m.Groups["role"].Value, int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture)),
            m => new PixelBox(D(m, "x"), D(m, "y"), D(m, "w"), D(m, "h")));

    private static double D(Match m, string group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("""\s(?:src|href)="(?<value>[^"]*)""")]
    private static partial Regex ReferenceAttribute();

    [GeneratedRegex("""<rect class="face-box[^"]*" data-face-index="(?<index>\d+)" data-role="(?<role>\w+)" data-x="(?<x>[-\d.]+)" data-y="(?<y>[-\d.]+)" data-width="(?<w>[-\d.]+)" data-height="(?<h>[-\d.]+)" x="\k<x>" y="\k<y>" width="\k<w>" height="\k<h>" """)]
    private static partial Regex FaceBoxRect();

    [GeneratedRegex("""<tr class="finding" data-code="(?<code>[^"]+)" data-severity="(?<severity>\w+)">""")]
    private static partial Regex FindingRow();

    [GeneratedRegex("""<tr data-change="(?<item>[^"]+)">""")]
    private static partial Regex ChangeRow();
}
