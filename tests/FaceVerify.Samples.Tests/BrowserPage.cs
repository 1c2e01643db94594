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
        // Chromium cannot read a path with ".." in it (FACEVERIFY_SHARED_DATA=$PWD/../shared/data): it posts nothing.
        await page.SendAsync("DOM.setFileInputFiles", new { files = new[] { Path.GetFullPath(file) }, nodeId = input.GetProperty("nodeId").GetInt32() }, cancellationToken);
        var chosen = await page.EvaluateAsync($"document.querySelector({JsonSerializer.Serialize(selector)}).files.length", cancellationToken);
        if (chosen.GetInt32() != 1) throw new InvalidOperationException($"the file input holds {chosen} files after choosing {file}");
        var form = await page.EvaluateAsync($"document.querySelector({JsonSerializer.Serialize(selector)}).form.action", cancellationToken);
        await page.EvaluateAsync($"document.querySelector({JsonSerializer.Serialize(selector)}).form.requestSubmit(), true", cancellationToken);
        await WaitUntilLoadedAsync(new Uri(form.GetString()!), cancellationToken);
    }

    /// <summary>
    /// Polls until the page at <paramref name="url"/> has loaded: a load event alone can belong to the page before, and
    /// a script evaluated while the page changes may fail, which only means "not yet".
    /// </summary>
    private async Task WaitUntilLoadedAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var check = $"location.href === {JsonSerializer.Serialize(url.AbsoluteUri)} && document.readyState === 'complete'";
        while (true)
        {
            try
            {
                if ((await page.EvaluateAsync(check, timeout.Token)).GetBoolean()) return;
            }
            catch (InvalidOperationException) { }
            if (timeout.IsCancellationRequested || !await Delay(timeout.Token))
            {
                var state = await page.EvaluateAsync("location.href + ' ' + document.readyState", cancellationToken);
                throw new TimeoutException($"{url} did not load; the page is at {state}");
            }
        }
    }

    private static async Task<bool> Delay(CancellationToken cancellationToken)
    {
        try { await Task.Delay(100, cancellationToken); return true; }
        catch (OperationCanceledException) { return false; }
    }

    public Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken) => page.EvaluateAsync(expression, cancellationToken);

    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken)
    {
        var shot = await page.SendAsync("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true }, cancellationToken);
        return Convert.FromBase64String(shot.GetProperty("data").GetString()!);
    }
}
