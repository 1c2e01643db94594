using System.Text.Json;

namespace FaceVerify.Cli.Tests.Browser;

/// <summary>What a browser saw of one page: every request it made, the failures, the layout, a full-page screenshot.</summary>
internal sealed record PageVisit(Uri Page, IReadOnlyList<string> Requests, IReadOnlyList<string> Failures, JsonElement Layout, byte[] Screenshot)
{
    public const int Width = 1280;

    /// <summary>
    /// Page coordinates (scroll included) of each overlay's picture and face box, their data attributes, and
    /// anything that could run: scripts and inline event handlers.
    /// </summary>
    private const string LayoutScript = """
        (() => {
          const at = e => { const b = e.getBoundingClientRect(); return { x: b.x + scrollX, y: b.y + scrollY, width: b.width, height: b.height }; };
          return {
            pictures: [...document.querySelectorAll('svg.overlay')].map(svg => ({
              role: svg.dataset.role, width: +svg.dataset.width, height: +svg.dataset.height, image: at(svg.querySelector('image.picture')) })),
            boxes: [...document.querySelectorAll('rect.face-box')].map(b => ({
              role: b.dataset.role, index: +b.dataset.faceIndex, x: +b.dataset.x, y: +b.dataset.y,
              width: +b.dataset.width, height: +b.dataset.height, screen: at(b) })),
            scripts: document.scripts.length,
            handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            text: document.body.innerText
          };
        })()
        """;

    public static async Task<PageVisit> OpenAsync(DevToolsSession page, string file, CancellationToken cancellationToken)
    {
        var url = new Uri(Path.GetFullPath(file));
        await page.SendAsync("Network.enable", null, cancellationToken);
        await page.SendAsync("Page.enable", null, cancellationToken);
        await page.SendAsync("Emulation.setDeviceMetricsOverride", new { width = Width, height = 900, deviceScaleFactor = 1, mobile = false }, cancellationToken);
        var skip = page.Events.Count;
        await page.SendAsync("Page.navigate", new { url = url.AbsoluteUri }, cancellationToken);
        await page.WaitForEventAsync("Page.loadEventFired", skip, cancellationToken);

        // The whole page in one viewport, so the screenshot and the rectangles share one coordinate system.
        var height = (await page.EvaluateAsync("document.documentElement.scrollHeight", cancellationToken)).GetInt32();
        await page.SendAsync("Emulation.setDeviceMetricsOverride", new { width = Width, height, deviceScaleFactor = 1, mobile = false }, cancellationToken);
        var layout = await page.EvaluateAsync(LayoutScript, cancellationToken);
        var shot = await page.SendAsync("Page.captureScreenshot", new { format = "png" }, cancellationToken);

        var events = page.Events.Skip(skip).ToList();
        return new PageVisit(url,
            events.Where(e => e.Method == "Network.requestWillBeSent").Select(e => e.Params.GetProperty("request").GetProperty("url").GetString()!).ToList(),
            events.Where(e => e.Method == "Network.loadingFailed").Select(e => e.Params.ToString()).ToList(),
            layout,
            Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }

    /// <summary>Requests for anything but the page itself and the data: URIs it embeds.</summary>
    public IReadOnlyList<string> OutsideRequests =>
        Requests.Where(r => r != Page.AbsoluteUri && !r.StartsWith("data:", StringComparison.Ordinal)).ToList();
}
