using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FaceVerify.Cli.Tests.Browser;

/// <summary>
/// Debian's chromium, headless, driven over the DevTools protocol on 127.0.0.1. Every HTTP request it
/// might make goes to a proxy on a closed port (loopback included), so a page that reaches out fails
/// visibly instead of quietly loading something.
/// </summary>
internal sealed partial class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly Uri _endpoint;

    private HeadlessChromium(Process process, string profile, Uri endpoint)
    {
        _process = process;
        _profile = profile;
        _endpoint = endpoint;
    }

    /// <summary>The chromium on PATH, or FACEVERIFY_CHROMIUM; null when there is none.</summary>
    public static string? Executable() =>
        Environment.GetEnvironmentVariable("FACEVERIFY_CHROMIUM") is { Length: > 0 } configured ? configured
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    /// <param name="reachable">Loopback origins (<c>127.0.0.1:8080</c>) the browser may load directly; everything else hits the closed proxy.</param>
    public static async Task<HeadlessChromium> StartAsync(CancellationToken cancellationToken, params string[] reachable)
    {
        var executable = Executable() ?? throw new InvalidOperationException("chromium is not installed; scripts/test.sh installs it with apt-get");
        var profile = Directory.CreateTempSubdirectory("faceverify-chromium-").FullName;
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps", "--hide-scrollbars",
                     $"--user-data-dir={profile}", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                     $"--proxy-server=http://127.0.0.1:{ClosedPort()}", $"--proxy-bypass-list={string.Join(';', ["<-loopback>", .. reachable])}", "about:blank",
                 })
            start.ArgumentList.Add(argument);

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && DevToolsLine().Match(line) is { Success: true } m) listening.TrySetResult(new Uri($"http://127.0.0.1:{m.Groups["port"].Value}/"));
        };
        process.OutputDataReceived += (_, _) => { };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"chromium exited with code {process.ExitCode} before DevTools listened"));
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var endpoint = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            return new HeadlessChromium(process, profile, endpoint);
        }
        catch
        {
            Stop(process, profile);
            throw;
        }
    }

    /// <summary>A DevTools session on the browser's first page.</summary>
    public async Task<DevToolsSession> OpenPageAsync(CancellationToken cancellationToken)
    {
        // The DevTools endpoint itself is loopback HTTP: never through a proxy from the environment.
        using var http = new HttpClient(new HttpClientHandler { UseProxy = false });
        using var targets = JsonDocument.Parse(await http.GetStringAsync(new Uri(_endpoint, "json/list"), cancellationToken));
        var page = targets.RootElement.EnumerateArray().First(t => t.GetProperty("type").GetString() == "page");
        return await DevToolsSession.ConnectAsync(new Uri(page.GetProperty("webSocketDebuggerUrl").GetString()!), cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        Stop(_process, _profile);
        return ValueTask.CompletedTask;
    }

    private static void Stop(Process process, string profile)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException) { }
        process.Dispose();
        try { Directory.Delete(profile, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>A loopback port nobody listens on: bound and released at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [GeneratedRegex(@"DevTools listening on ws://127\.0\.0\.1:(?<port>\d+)/")]
    private static partial Regex DevToolsLine();
}
