using FaceVerify.Core.Policy;

namespace FaceVerify.Core.Verification;

/// <summary>Which registration rules an ID photo breaks; what the upload page needs, quickly.</summary>
public sealed record PhotoCheckResult
{
    public required bool Accepted { get; init; }
    public required IReadOnlyList<Finding> Violations { get; init; }
    public required IReadOnlyDictionary<string, double> Measurements { get; init; }
    public required string Policy { get; init; }
    public required string Sha256 { get; init; }
    /// <summary>True when the bytes could not be read as an image at all (CLI exit code 2).</summary>
    public bool Unreadable { get; init; }
    /// <summary>Where the faces are (pixels), for the report; null when the photo could not be read.</summary>
    public ImageGeometry? Faces { get; init; }
}
