using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace FaceVerify.Worker.Tests;

/// <summary>The worker's HTTP routes in-process, on the embedded transport and the real core.</summary>
public sealed class HttpTests(InProcessWorker worker) : IClassFixture<InProcessWorker>
{
    private const string ApiKey = InProcessWorker.ApiKey;
    private HttpClient Http => worker.Http;

    [Fact]
    public async Task Validate_answers_the_same_json_line_as_check_photo()
    {
        var file = TestPaths.LfwPairs[0].IdPhoto;
        using var form = new MultipartFormDataContent();
        var image = new ByteArrayContent(await File.ReadAllBytesAsync(file));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(image, "file", file);

        var response = await Http.PostAsync("/v1/id-photos/validate", form);
        response.EnsureSuccessStatusCode();

        Assert.Equal(await CheckPhotoJsonLineAsync(file), (await response.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task Validate_takes_a_raw_jpeg_body_with_no_file_name()
    {
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(TestPaths.LfwPairs[1].IdPhoto));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var response = await Http.PostAsync("/v1/id-photos/validate", content);
        Assert.StartsWith("{\"file\":null,\"accepted\":", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_20_MB_body_is_refused_with_413_before_it_is_sent_whole()
    {
        // A raw socket: announce 20 MB, send 64 KB, and read the answer while 99 % is still unsent.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Http.BaseAddress!.Port);
        var stream = client.GetStream();
        var headers = $"POST /v1/id-photos/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/jpeg\r\nContent-Length: {20 * 1024 * 1024}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(headers));
        await stream.WriteAsync(new byte[64 * 1024]);
        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("HTTP/1.1 413", Encoding.ASCII.GetString(buffer, 0, read));
    }

    [Fact]
    public async Task Admin_routes_need_the_api_key()
    {
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.GetAsync($"/v1/verifications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.PostAsync($"/v1/verifications/{id}/rerun", null)).StatusCode);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, $"/v1/verifications/{id}") { Headers = { { "X-Api-Key", ApiKey + "x" } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.SendAsync(wrong)).StatusCode);
        using var right = new HttpRequestMessage(HttpMethod.Get, $"/v1/verifications/{id}") { Headers = { { "X-Api-Key", ApiKey } } };
        Assert.Equal(HttpStatusCode.NotFound, (await Http.SendAsync(right)).StatusCode);
    }

    [Fact]
    public async Task Liveness_and_readiness_report_healthy_with_the_models_present()
    {
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/health/ready")).StatusCode);
    }

    private static async Task<string> CheckPhotoJsonLineAsync(string file)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { TestPaths.CliDll, "check-photo", file, "--json" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }
}
