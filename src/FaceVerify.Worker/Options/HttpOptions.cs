namespace FaceVerify.Worker.Options;

/// <summary>Section <c>FaceVerify:Http</c>: body limits, enforced before a body is read.</summary>
public sealed record HttpOptions
{
    public long MaxRequestBodyBytes { get; init; } = 64 * 1024;
    public long ValidateMaxBytes { get; init; } = 12 * 1024 * 1024;
}
