namespace FaceVerify.Contracts;

/// <summary>Response to <see cref="ValidateIdPhoto"/>.</summary>
public sealed record IdPhotoValidated
{
    public required bool Accepted { get; init; }
    public required IReadOnlyList<FindingDto> Violations { get; init; }
    public IReadOnlyDictionary<string, double> Measurements { get; init; } = new Dictionary<string, double>();
    public string? Policy { get; init; }
    public string? Sha256 { get; init; }
}
