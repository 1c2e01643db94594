using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Worker.Tests;

/// <summary>One worker in this process on the embedded transport and the real core, shared by a test class.</summary>
public sealed class InProcessWorker : IAsyncLifetime
{
    public const string ApiKey = "test-key-0123456789";
    private WebApplication _app = null!;

    public HttpClient Http { get; private set; } = null!;
    public IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        var root = TestPaths.NewTempDirectory();
        _app = WorkerApp.Build([
            "--urls", "http://127.0.0.1:0",
            $"--FaceVerify:Admin:ApiKey={ApiKey}",
            $"--FaceVerify:Records:DatabasePath={Path.Combine(root, "records.db")}",
            $"--FaceVerify:Records:EvidencePath={Path.Combine(root, "evidence")}",
            $"--FaceVerify:MessageData:Path={Path.Combine(root, "message-data")}",
            "--FaceVerify:Http:SubmitWaitTimeout=00:02:00",
        ]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(3) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public HttpRequestMessage Admin(HttpMethod method, string path, HttpContent? content = null) =>
        new(method, path) { Content = content, Headers = { { "X-Api-Key", ApiKey } } };
}
