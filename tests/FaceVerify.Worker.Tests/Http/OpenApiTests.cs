using System.Text.Json;
using System.Text.RegularExpressions;

namespace FaceVerify.Worker.Tests;

/// <summary>
/// The OpenAPI document of a running worker against the README's route table: every route the README names is
/// described, with its shapes and, for the admin routes, the API-key scheme. The reference page loads nothing
/// from outside the worker.
/// </summary>
public sealed partial class OpenApiTests(InProcessWorker worker) : IClassFixture<InProcessWorker>
{
    [Fact]
    public async Task The_document_lists_every_route_the_readme_names()
    {
        var readmeRoutes = ReadmeRoutes();
        Assert.True(readmeRoutes.Count >= 7, $"the README's route table was not found ({readmeRoutes.Count} routes read)");

        using var document = JsonDocument.Parse(await worker.Http.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var (method, path) in readmeRoutes)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in /openapi/v1.json");
            Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is not in /openapi/v1.json");
            Assert.True(operation.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('2')), $"{method} {path} has no success response");
            var secured = operation.TryGetProperty("security", out var security)
                && security.EnumerateArray().Any(s => s.TryGetProperty("ApiKey", out _));
            Assert.Equal(path.StartsWith("/v1/verifications", StringComparison.Ordinal) || path.StartsWith("/v1/challenges", StringComparison.Ordinal), secured);
        }
    }

    [Fact]
    public async Task Shapes_and_the_api_key_scheme_are_described()
    {
        using var document = JsonDocument.Parse(await worker.Http.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"),
            (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));

        var validate = root.GetProperty("paths").GetProperty("/v1/id-photos/validate").GetProperty("post");
        var photoCheck = validate.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal(["accepted", "file", "measurements", "policy", "sha256", "violations"], PropertyNames(photoCheck));
        Assert.Equal(["code", "message", "severity", "threshold", "value"], PropertyNames(photoCheck.GetProperty("properties").GetProperty("violations").GetProperty("items")));

        var submit = root.GetProperty("paths").GetProperty("/v1/verifications").GetProperty("post");
        var form = submit.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Equal(["idPhoto", "snapshot"], form.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).Order().ToArray());
        var completed = Resolve(root, submit.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.Contains("verdict", PropertyNames(completed));
        Assert.Contains("retakeAllowed", PropertyNames(completed));
        Assert.Contains("findings", PropertyNames(completed));
    }

    [Fact]
    public async Task The_reference_page_loads_only_scripts_the_worker_serves()
    {
        var page = await worker.Http.GetStringAsync("/scalar/v1");
        var sources = ScriptSource().Matches(page).Select(m => m.Groups["src"].Value).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, src => Assert.DoesNotContain("//", src));
        Assert.DoesNotContain("\"withDefaultFonts\":true", page);
        foreach (var src in sources)
        {
            using var script = await worker.Http.GetAsync($"/scalar/{src}");
            Assert.True(script.IsSuccessStatusCode, $"/scalar/{src}: {script.StatusCode}");
            Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 1000, $"/scalar/{src} is nearly empty");
        }
    }

    /// <summary>"`GET /v1/verifications/{id}/report?lang=zh|en`" and the like, from the README's route table.</summary>
    private static List<(string Method, string Path)> ReadmeRoutes() =>
        File.ReadLines(Path.Combine(TestPaths.RepoRoot, "README.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(line => ReadmeRoute().Matches(line.Split('|')[1]))
            .Select(m => (m.Groups["method"].Value, m.Groups["path"].Value))
            .Distinct()
            .ToList();

    private static string[] PropertyNames(JsonElement schema) =>
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    private static JsonElement Resolve(JsonElement root, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    [GeneratedRegex(@"`(?<method>GET|POST|PUT|DELETE) (?<path>/[^`?\s]*)")]
    private static partial Regex ReadmeRoute();

    [GeneratedRegex("<script[^>]*\\ssrc=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptSource();
}
