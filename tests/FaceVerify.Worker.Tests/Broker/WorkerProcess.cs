using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FaceVerify.Worker.Options;

namespace FaceVerify.Worker.Tests.Broker;

/// <summary>The built worker as a separate process on the real broker, so it can be killed for real.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Uri _health;

    private WorkerProcess(Process process, int port)
    {
        _process = process;
        _health = new Uri($"http://127.0.0.1:{port}/health/ready");
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <param name="environment">Added last, so it may override the defaults (e.g. the PostgreSQL providers).</param>
    public static WorkerProcess Start(Uri bus, string messageDataPath, RecordOptions records, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { TestPaths.WorkerDll, "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(arg);
        start.Environment["FaceVerify__Transport"] = "RabbitMQ";
        start.Environment["FaceVerify__RabbitMQ__Uri"] = bus.ToString();
        start.Environment["FaceVerify__MessageData__Path"] = messageDataPath;
        start.Environment["FaceVerify__Records__DatabasePath"] = records.DatabasePath;
        start.Environment["FaceVerify__Records__EvidencePath"] = records.EvidencePath;
        start.Environment["FaceVerify__Consumers__RetryMaxIntervalMs"] = "2000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return new WorkerProcess(Process.Start(start)!, port);
    }

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Ready means the bus endpoints are bound: a message published before that would find no queue.</summary>
    public async Task WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = Stopwatch.StartNew();
        while (until.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (_process.HasExited) Assert.Fail($"worker exited with {_process.ExitCode}:\n{Output}");
            try { if ((await http.GetAsync(_health)).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        Assert.Fail($"worker not ready:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown code runs, unacknowledged messages go back to the queue.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: the host stops consuming, finishes in-flight messages, and exits 0.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill.WaitForExitAsync();
        await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
