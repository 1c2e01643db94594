namespace FaceVerify.Contracts;

/// <summary>
/// The one answer shape of an ID-photo check: the response to <see cref="ValidateIdPhoto"/>, the body of
/// <c>POST /v1/id-photos/validate</c> and each line of <c>faceverify check-photo --json</c>.
/// </summary>
public sealed record IdPhotoValidated
{
    /// <summary>The checked file's name (CLI, multipart upload); null for a raw body or a bus request.</summary>
    public string? File { get; init; }
    public required bool Accepted { get; init; }
    public required IReadOnlyList<FindingDto> Violations { get; init; }
    public IReadOnlyDictionary<string, double> Measurements { get; init; } = new Dictionary<string, double>();
    public string? Policy { get; init; }
    public string? Sha256 { get; init; }
}
