using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FaceVerify.Worker.Tests;

namespace FaceVerify.Samples.Tests;

/// <summary>A built sample run as its own process with its settings in the environment, as its owner would run it.</summary>
internal sealed class SampleProcess : IDisposable
{
    /// <summary>The tests that run a worker and a sample take turns: two cores, and other test assemblies run beside them.</summary>
    public const string Collection = "Samples against a worker";

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private SampleProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_stdout) _stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string Dll(string sample) =>
        Path.Combine(TestPaths.RepoRoot, "samples", sample, "bin", TestPaths.Configuration, "net10.0", $"{sample}.dll") is var path && File.Exists(path)
            ? path
            : throw new FileNotFoundException($"samples/{sample} is not built in {TestPaths.Configuration}: build FaceVerify.sln first");

    public static SampleProcess Start(string sample, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll(sample));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return new SampleProcess(Process.Start(start)!);
    }

    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }
    public string Output => $"{Stdout}\n--- stderr ---\n{_stderr}";

    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit();   // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>Polls a URL until it answers 2xx; fails with the process output when it exits or never answers.</summary>
    public async Task WaitUntilServingAsync(Uri url)
    {
        using var http = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var until = Stopwatch.StartNew();
        while (until.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (_process.HasExited) Assert.Fail($"samples process exited with {_process.ExitCode}:\n{Output}");
            try { if ((await http.GetAsync(url)).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        Assert.Fail($"{url} did not answer:\n{Output}");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
