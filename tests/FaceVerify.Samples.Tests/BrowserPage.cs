using System.Text.Json;
using FaceVerify.Cli.Tests.Browser;

namespace FaceVerify.Samples.Tests;

/// <summary>Navigation, file inputs and screenshots over a <see cref="DevToolsSession"/>; every request the page makes is kept.</summary>
internal sealed class BrowserPage(DevToolsSession page)
{
    public static async Task<BrowserPage> OpenAsync(DevToolsSession page, CancellationToken cancellationToken)
    {
        await page.SendAsync("Network.enable", null, cancellationToken);
        await page.SendAsync("Page.enable", null, cancellationToken);
        await page.SendAsync("DOM.enable", null, cancellationToken);
        await page.SendAsync("Emulation.setDeviceMetricsOverride", new { width = 1100, height = 900, deviceScaleFactor = 1, mobile = false }, cancellationToken);
        return new BrowserPage(page);
    }

    public IReadOnlyList<string> Requests =>
        page.Events.Where(e => e.Method == "Network.requestWillBeSent").Select(e => e.Params.GetProperty("request").GetProperty("url").GetString()!).ToList();

    public IReadOnlyList<string> Failures =>
        page.Events.Where(e => e.Method == "Network.loadingFailed").Select(e => e.Params.ToString()).ToList();

    public async Task NavigateAsync(Uri url, CancellationToken cancellationToken)
    {
        var skip = page.Events.Count;
        await page.SendAsync("Page.navigate", new { url = url.AbsoluteUri }, cancellationToken);
        await page.WaitForEventAsync("Page.loadEventFired", skip, cancellationToken);
    }

    /// <summary>Chooses a file in the input as a person would, then submits its form and waits for the answer page.</summary>
    public async Task UploadAsync(string selector, string file, CancellationToken cancellationToken)
    {
        var document = await page.SendAsync("DOM.getDocument", null, cancellationToken);
        var input = await page.SendAsync("DOM.querySelector",
            new { nodeId = document.GetProperty("root").GetProperty("nodeId").GetInt32(), selector }, cancellationToken);
        await page.SendAsync("DOM.setFileInputFiles", new { files = new[] { file }, nodeId = input.GetProperty("nodeId").GetInt32() }, cancellationToken);
        var skip = page.Events.Count;
        await page.EvaluateAsync($"document.querySelector({JsonSerializer.Serialize(selector)}).form.requestSubmit(), true", cancellationToken);
        await page.WaitForEventAsync("Page.loadEventFired", skip, cancellationToken);
    }

    public Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken) => page.EvaluateAsync(expression, cancellationToken);

    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken)
    {
        var shot = await page.SendAsync("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true }, cancellationToken);
        return Convert.FromBase64String(shot.GetProperty("data").GetString()!);
    }
}
