using System.Runtime.InteropServices;
using System.Text.Json;
using FaceVerify.Cli.Tests.Browser;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Json;
using FaceVerify.Core.Policy;
using FaceVerify.Core.Reporting;
using FaceVerify.Core.Verification;
using FaceVerify.Tests;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using static FaceVerify.Cli.Tests.Reporting.ReportPictures;

namespace FaceVerify.Cli.Tests.Reporting;

/// <summary>
/// The report of a refused verification (a masked stranger against a mugshot), written by the real CLI and
/// opened in real headless chromium: faces boxed where the faces are, the reason in both languages, no
/// script, no request leaving the page.
/// </summary>
public sealed class ReportInBrowserTests
{
    private const double PixelTolerance = 2;

    [Theory]
    [InlineData("zh", "report-screenshot.png")]
    [InlineData("en", "report-screenshot-en.png")]
    public async Task A_refused_verification_reads_in_both_languages_and_boxes_the_faces_where_they_are(string lang, string screenshot)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        var folder = Directory.CreateTempSubdirectory("faceverify-report-");
        try
        {
            var report = Path.Combine(folder.FullName, $"report-{lang}.html");
            var (exit, stdout, stderr) = await CliProcess.RunAsync(
                ["verify", "--id-photo", SharedData.Path(IdPhoto), "--snapshot", SharedData.Path(MaskedStranger), "--json", "--report", report, "--lang", lang], ct);
            Assert.True(exit == ExitCodes.Rejected, $"exit {exit}: {stderr}");
            var result = JsonSerializer.Deserialize<VerificationResult>(stdout, FaceVerifyJson.Options)!;
            Assert.Equal(Verdict.Fail, result.Verdict);

            await using var browser = await HeadlessChromium.StartAsync(ct);
            await using var page = await browser.OpenPageAsync(ct);
            var visit = await PageVisit.OpenAsync(page, report, ct);
            await File.WriteAllBytesAsync(Artifacts.Path(screenshot), visit.Screenshot, ct);

            Assert.Empty(visit.OutsideRequests);
            Assert.Empty(visit.Failures);
            Assert.Contains(visit.Requests, r => r.StartsWith("data:image/jpeg", StringComparison.Ordinal));
            Assert.Equal(0, visit.Layout.GetProperty("scripts").GetInt32());
            Assert.Equal(0, visit.Layout.GetProperty("handlers").GetInt32());

            ReasonsAreNamedInBothLanguages(result, visit.Layout.GetProperty("text").GetString()!);
            var boxes = BoxesMatchTheJsonResult(result, visit.Layout);
            using var provider = CliHost.Build();
            FacesFoundOnTheScreenshotSitInTheBoxes(provider.GetRequiredService<IFaceDetector>(), visit, boxes);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_request_check_can_fail_a_page_that_reaches_out()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        var folder = Directory.CreateTempSubdirectory("faceverify-report-");
        try
        {
            var leaky = Path.Combine(folder.FullName, "leaky.html");
            await File.WriteAllTextAsync(leaky, "<!DOCTYPE html><html><body><p>x</p><img src=\"http://127.0.0.1:9/probe.png\"></body></html>", ct);

            await using var browser = await HeadlessChromium.StartAsync(ct);
            await using var page = await browser.OpenPageAsync(ct);
            var visit = await PageVisit.OpenAsync(page, leaky, ct);

            Assert.Equal(["http://127.0.0.1:9/probe.png"], visit.OutsideRequests);
            Assert.NotEmpty(visit.Failures);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void ReasonsAreNamedInBothLanguages(VerificationResult result, string pageText)
    {
        var texts = ReportTexts.Load();
        var blocking = result.Findings.Where(f => f.Severity == Severity.Block).ToList();
        Assert.NotEmpty(blocking);
        foreach (var finding in blocking)
        {
            var text = texts.Reason(finding.Code)!;
            Assert.Contains(text.Zh, pageText);
            Assert.Contains(text.En, pageText);
        }
    }

    /// <summary>The DOM boxes are the JSON boxes, and each is drawn at its place on the displayed picture. Returns the boxes in page pixels.</summary>
    private static List<(string Role, int Index, RectangleF Screen, RectangleF Picture)> BoxesMatchTheJsonResult(VerificationResult result, JsonElement layout)
    {
        var pictures = layout.GetProperty("pictures").EnumerateArray().ToDictionary(p => p.GetProperty("role").GetString()!);
        var boxes = layout.GetProperty("boxes").EnumerateArray().ToList();
        var expected = new[] { ("photo", result.Faces!.IdPhoto!), ("snapshot", result.Faces.Snapshot!) };
        Assert.Equal(expected.Sum(e => e.Item2.Faces.Count), boxes.Count);
        var placed = new List<(string, int, RectangleF, RectangleF)>();
        foreach (var (role, geometry) in expected)
        {
            var picture = pictures[role];
            Assert.Equal(geometry.Width, picture.GetProperty("width").GetInt32());
            Assert.Equal(geometry.Height, picture.GetProperty("height").GetInt32());
            var shown = Rect(picture.GetProperty("image"));
            var scale = shown.Width / geometry.Width;
            Assert.InRange(shown.Height / geometry.Height, scale * 0.995, scale * 1.005);
            foreach (var face in geometry.Faces)
            {
                var dom = boxes.Single(b => b.GetProperty("role").GetString() == role && b.GetProperty("index").GetInt32() == face.Index);
                Assert.Equal(face.Box, new PixelBox(dom.GetProperty("x").GetDouble(), dom.GetProperty("y").GetDouble(), dom.GetProperty("width").GetDouble(), dom.GetProperty("height").GetDouble()));
                var screen = Rect(dom.GetProperty("screen"));
                // A box may reach past the picture's edge; the page clips it there, so compare the visible part.
                var visible = RectangleF.Intersect(shown, new RectangleF(
                    (float)(shown.X + face.Box.X * scale), (float)(shown.Y + face.Box.Y * scale), (float)(face.Box.Width * scale), (float)(face.Box.Height * scale)));
                var drawn = RectangleF.Intersect(shown, screen);
                Assert.InRange(drawn.Left, visible.Left - PixelTolerance, visible.Left + PixelTolerance);
                Assert.InRange(drawn.Top, visible.Top - PixelTolerance, visible.Top + PixelTolerance);
                Assert.InRange(drawn.Right, visible.Right - PixelTolerance, visible.Right + PixelTolerance);
                Assert.InRange(drawn.Bottom, visible.Bottom - PixelTolerance, visible.Bottom + PixelTolerance);
                placed.Add((role, face.Index, screen, shown));
            }
        }
        return placed;
    }

    /// <summary>
    /// Independent of the page's own numbers: the detector, run again on what the browser actually painted,
    /// finds the main face of each picture inside the box the page drew for it.
    /// </summary>
    private static void FacesFoundOnTheScreenshotSitInTheBoxes(IFaceDetector detector, PageVisit visit, List<(string Role, int Index, RectangleF Screen, RectangleF Picture)> boxes)
    {
        using var screenshot = Image.Load<Rgb24>(visit.Screenshot);
        foreach (var (role, _, drawn, shown) in boxes.Where(b => b.Index == 0))
        {
            var area = Rectangle.Round(RectangleF.Intersect(shown, new RectangleF(0, 0, screenshot.Width, screenshot.Height)));
            using var picture = screenshot.Clone(x => x.Crop(area));
            var pixels = new byte[picture.Width * picture.Height * 3];
            picture.CopyPixelDataTo(MemoryMarshal.Cast<byte, Rgb24>(pixels.AsSpan()));
            var found = detector.Detect(new RgbImage(picture.Width, picture.Height, pixels));
            Assert.True(found.Count > 0, $"no face found in the painted {role} picture");
            var face = found.MaxBy(f => f.Box.Area)!.Box;
            var painted = new FaceBox(face.X + area.X, face.Y + area.Y, face.Width, face.Height);
            var overlay = new FaceBox(drawn.X, drawn.Y, drawn.Width, drawn.Height);
            Assert.True(painted.IntersectionOverUnion(overlay) >= 0.6,
                $"{role}: the face painted at {painted} is not inside the box drawn at {overlay}");
        }
    }

    private static RectangleF Rect(JsonElement r) => new(
        r.GetProperty("x").GetSingle(), r.GetProperty("y").GetSingle(), r.GetProperty("width").GetSingle(), r.GetProperty("height").GetSingle());
}
