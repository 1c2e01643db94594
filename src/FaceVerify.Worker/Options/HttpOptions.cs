namespace FaceVerify.Worker.Options;

/// <summary>Section <c>FaceVerify:Http</c>: body limits, enforced before a body is read.</summary>
public sealed record HttpOptions
{
    public long MaxRequestBodyBytes { get; init; } = 64 * 1024;
    public long ValidateMaxBytes { get; init; } = 12 * 1024 * 1024;
    /// <summary>A whole verification upload: ID photo, snapshot and extra frames.</summary>
    public long SubmitMaxBytes { get; init; } = 30 * 1024 * 1024;
    /// <summary>How long <c>POST /v1/verifications</c> waits for the completed event before answering 202.</summary>
    public TimeSpan SubmitWaitTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
