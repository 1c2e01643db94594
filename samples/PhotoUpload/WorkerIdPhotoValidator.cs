using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace PhotoUpload;

/// <summary>Posts the photo as a raw JPEG body to the worker's <c>/v1/id-photos/validate</c>.</summary>
public sealed class WorkerIdPhotoValidator(HttpClient http, IOptions<PhotoUploadOptions> options, ILogger<WorkerIdPhotoValidator> logger)
    : IIdPhotoValidator
{
    public async Task<PhotoCheck?> ValidateAsync(byte[] photo, CancellationToken cancellationToken)
    {
        var path = "v1/id-photos/validate" + (options.Value.Policy is { } policy ? $"?policy={Uri.EscapeDataString(policy)}" : "");
        using var content = new ByteArrayContent(photo);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        try
        {
            using var response = await http.PostAsync(path, content, cancellationToken);
            if (response.IsSuccessStatusCode) return await response.Content.ReadFromJsonAsync<PhotoCheck>(cancellationToken);
            logger.LogWarning("The photo check answered {Status}", (int)response.StatusCode);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The photo check is unreachable: {Error}", e.Message);
            return null;
        }
    }
}
