namespace FaceVerify.Worker.Options;

/// <summary>Section <c>FaceVerify:ImageFetch</c>: what an image URL may point at, and how much is read.</summary>
public sealed record ImageFetchOptions
{
    /// <summary>Host names served over https; <c>*.example.org</c> allows sub-domains. Empty: no URL is fetched.</summary>
    public string[] AllowedHosts { get; init; } = [];
    public bool AllowFileUrls { get; init; }
    /// <summary>When set, <c>file</c> URLs must point below this folder.</summary>
    public string? FileRoot { get; init; }
    public long MaxBytes { get; init; } = 10 * 1024 * 1024;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    public int RetryCount { get; init; } = 3;
}
