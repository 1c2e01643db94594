using System.Net;
using FaceVerify.Worker.Images;
using FaceVerify.Worker.Options;

namespace FaceVerify.Worker.Tests;

public sealed class ImageFetchTests
{
    private sealed class RecordingHandler(Func<HttpResponseMessage> respond) : HttpMessageHandler
    {
        public List<Uri> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!);
            return Task.FromResult(respond());
        }
    }

    private static (AllowListedImageFetcher Fetcher, RecordingHandler Handler) Fetcher(Func<HttpResponseMessage> respond, long maxBytes = 1000)
    {
        var handler = new RecordingHandler(respond);
        var options = Microsoft.Extensions.Options.Options.Create(new ImageFetchOptions { AllowedHosts = ["images.exam.test", "*.cdn.test"], MaxBytes = maxBytes });
        return (new AllowListedImageFetcher(new HttpClient(handler), options), handler);
    }

    [Theory]
    [InlineData("https://evil.test/a.jpg")]
    [InlineData("http://images.exam.test/a.jpg")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://images.exam.test.evil.test/a.jpg")]
    public async Task A_disallowed_url_is_a_fetch_finding_and_no_request_is_sent(string url)
    {
        var (fetcher, handler) = Fetcher(() => new HttpResponseMessage(HttpStatusCode.OK));
        var result = await fetcher.FetchAsync(new Uri(url), "snapshot", default);

        Assert.Equal("input.fetch_failed", result.Problem?.Code);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_allowed_host_and_its_subdomains_are_fetched()
    {
        var (fetcher, handler) = Fetcher(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) });
        Assert.Equal([1, 2, 3], (await fetcher.FetchAsync(new Uri("https://images.exam.test/a.jpg"), "snapshot", default)).Bytes);
        Assert.NotNull((await fetcher.FetchAsync(new Uri("https://eu.cdn.test/a.jpg"), "snapshot", default)).Bytes);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_body_past_the_cap_is_too_large_even_without_a_content_length()
    {
        var (fetcher, _) = Fetcher(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new MemoryStream(new byte[5000])),   // StreamContent declares no length
        });
        var result = await fetcher.FetchAsync(new Uri("https://images.exam.test/big.jpg"), "snapshot", default);
        Assert.Equal("input.too_large", result.Problem?.Code);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        var (fetcher, handler) = Fetcher(() => new HttpResponseMessage(HttpStatusCode.Redirect) { Headers = { Location = new Uri("https://evil.test/") } });
        var result = await fetcher.FetchAsync(new Uri("https://images.exam.test/a.jpg"), "snapshot", default);
        Assert.Equal("input.fetch_failed", result.Problem?.Code);
        Assert.Single(handler.Requests);
    }
}
