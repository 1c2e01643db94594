using System.Text.Json;
using FaceVerify.Cli.Tests.Browser;
using FaceVerify.Core.Faces;
using FaceVerify.Tests;
using FaceVerify.Worker.Tests;

namespace FaceVerify.Samples.Tests;

/// <summary>
/// samples/PhotoUpload in headless chromium against a real worker: a compliant ID photo (built in memory from a MEDS
/// mugshot, as the check-photo tests build them) is accepted; the raw mugshot is refused, and the page names each
/// broken rule in Chinese and English with what to fix. The page asks nothing of any other site. The worker's
/// Scalar reference page is opened the same way and renders with nothing from outside.
/// </summary>
[Collection(SampleProcess.Collection)]
public sealed class PhotoUploadInBrowserTests(InProcessWorker worker) : IClassFixture<InProcessWorker>
{
    private static readonly string RawMugshot = SharedData.Path("id_photo/meds_mugshots_openmpf/S048-04-t10_01.jpg");

    [Fact]
    public async Task A_compliant_photo_is_accepted_and_a_broken_one_gets_each_reason_in_chinese_and_english()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = timeout.Token;
        var folder = Directory.CreateTempSubdirectory("faceverify-upload-");
        try
        {
            var compliant = Path.Combine(folder.FullName, "compliant-id-photo.jpg");
            using (var services = new FaceVerifyServices())
            using (var photo = new IdPhotoBuilder(services.Get<IFaceDetector>()).Build(IdPhotoFixture.MugshotPath("S001-04")))
                await File.WriteAllBytesAsync(compliant, IdPhotoBuilder.Jpeg(photo), ct);

            var port = SampleProcess.FreePort();
            var site = new Uri($"http://127.0.0.1:{port}/");
            using var upload = SampleProcess.Start("PhotoUpload", new Dictionary<string, string>
            {
                ["PhotoUpload__WorkerBaseUrl"] = worker.Http.BaseAddress!.ToString(),
                ["Logging__LogLevel__Default"] = "Warning",
            }, "--urls", site.ToString().TrimEnd('/'));
            await upload.WaitUntilServingAsync(site);

            // Only the upload site is reachable: the browser never talks to the worker, the site's server does.
            await using var browser = await HeadlessChromium.StartAsync(ct, site.Authority);
            await using var session = await browser.OpenPageAsync(ct);
            var page = await BrowserPage.OpenAsync(session, ct);

            var accepted = await UploadAsync(page, site, compliant, "photo-upload-accepted.png", ct);
            Assert.Equal("accepted", accepted.Outcome);
            Assert.Contains("照片符合要求", accepted.Text);
            Assert.DoesNotContain(accepted.Codes, c => c.Severity == "block");

            var refused = await UploadAsync(page, site, RawMugshot, "photo-upload-refused.png", ct);
            Assert.Equal("refused", refused.Outcome);
            Assert.Contains("照片不符合要求", refused.Text);
            var expected = await WorkerViolationsAsync(RawMugshot, ct);
            Assert.Equal(expected.Order(), refused.Codes.Select(c => c.Code).Order());
            Assert.Contains("photo.wrong_dimensions", expected);
            Assert.Contains("photo.background_not_white", expected);
            var messages = ReasonMessages();
            foreach (var code in expected)
            {
                var item = refused.Codes.Single(c => c.Code == code);
                Assert.Contains(messages[code].Zh, item.Text);
                Assert.Contains(messages[code].En, item.Text);
                Assert.Contains("怎样改正", item.Text);
                Assert.Contains("How to fix", item.Text);
            }

            Assert.All(page.Requests, r => Assert.True(r.StartsWith(site.AbsoluteUri, StringComparison.Ordinal) || r.StartsWith("data:", StringComparison.Ordinal), $"the page asked for {r}"));
            Assert.Empty(page.Failures);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_api_reference_page_renders_the_routes_with_nothing_from_outside()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        var reference = new Uri(worker.Http.BaseAddress!, "scalar/v1");
        await using var browser = await HeadlessChromium.StartAsync(ct, reference.Authority);
        await using var session = await browser.OpenPageAsync(ct);
        var page = await BrowserPage.OpenAsync(session, ct);
        await page.NavigateAsync(reference, ct);

        // The page is drawn by its script after the load event: wait for the routes' summaries to appear.
        string[] expected = ["Check an ID photo against the registration rules", "Administrators and the HTTP submit route"];
        var text = "";
        for (var i = 0; i < 150 && !expected.All(e => text.Contains(e, StringComparison.Ordinal)); i++)
        {
            await Task.Delay(200, ct);
            text = (await page.EvaluateAsync("document.body.innerText", ct)).GetString() ?? "";
        }
        await File.WriteAllBytesAsync(ArtifactPath("scalar-reference.png"), await page.ScreenshotAsync(ct), ct);
        Assert.Contains("Check an ID photo against the registration rules", text);
        // The next group is folded but named, with its description.
        Assert.Contains("Administrators and the HTTP submit route", text);
        var origin = reference.GetLeftPart(UriPartial.Authority);
        Assert.All(page.Requests, r => Assert.True(r.StartsWith(origin, StringComparison.Ordinal) || r.StartsWith("data:", StringComparison.Ordinal), $"the reference page asked for {r}"));
        Assert.Empty(page.Failures);
    }

    private sealed record Shown(string Outcome, string Text, IReadOnlyList<(string Code, string Severity, string Text)> Codes);

    private static async Task<Shown> UploadAsync(BrowserPage page, Uri site, string file, string screenshot, CancellationToken ct)
    {
        await page.NavigateAsync(site, ct);
        await page.UploadAsync("input[type=file][name=photo]", file, ct);
        var read = await page.EvaluateAsync("""
            (() => ({
              outcome: document.querySelector('#result')?.dataset.outcome ?? '',
              text: document.body.innerText,
              codes: [...document.querySelectorAll('li.violation')].map(li => ({ code: li.dataset.code, severity: li.classList.contains('block') ? 'block' : 'warn', text: li.innerText }))
            }))()
            """, ct);
        await File.WriteAllBytesAsync(ArtifactPath(screenshot), await page.ScreenshotAsync(ct), ct);
        return new Shown(read.GetProperty("outcome").GetString()!, read.GetProperty("text").GetString()!,
            read.GetProperty("codes").EnumerateArray().Select(c => (c.GetProperty("code").GetString()!, c.GetProperty("severity").GetString()!, c.GetProperty("text").GetString()!)).ToList());
    }

    /// <summary>What the worker itself answers for the file: the page must show exactly these codes.</summary>
    private async Task<string[]> WorkerViolationsAsync(string file, CancellationToken ct)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file, ct));
        content.Headers.ContentType = new("image/jpeg");
        using var response = await worker.Http.PostAsync("/v1/id-photos/validate", content, ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("code").GetString()!).ToArray();
    }

    private static Dictionary<string, (string Zh, string En)> ReasonMessages()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src/FaceVerify.Reporting/Texts/reason-messages.json")));
        return json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (p.Value.GetProperty("zh").GetString()!, p.Value.GetProperty("en").GetString()!));
    }

    private static string ArtifactPath(string name) => Path.Combine(Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "artifacts")).FullName, name);
}
