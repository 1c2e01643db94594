namespace PhotoUpload;

/// <summary>Section <c>PhotoUpload</c> of appsettings.json, overridden by environment variables (<c>PhotoUpload__WorkerBaseUrl</c>).</summary>
public sealed record PhotoUploadOptions
{
    /// <summary>The FaceVerify worker; only this server talks to it, never the browser.</summary>
    public Uri WorkerBaseUrl { get; init; } = new("http://127.0.0.1:8080/");
    /// <summary>Named policy; null: the worker's default.</summary>
    public string? Policy { get; init; }
    /// <summary>The worker's own cap is 12 MB; refusing more here spares it the upload.</summary>
    public long MaxBytes { get; init; } = 12 * 1024 * 1024;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
