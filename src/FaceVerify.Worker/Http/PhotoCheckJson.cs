using FaceVerify.Core.Policy;
using FaceVerify.Core.Verification;

namespace FaceVerify.Worker.Http;

/// <summary>The JSON line of <c>faceverify check-photo --json</c>; the upload page and the CLI read the same shape.</summary>
public sealed record PhotoCheckJson(string? File, bool Accepted, IReadOnlyList<Finding> Violations, IReadOnlyDictionary<string, double> Measurements)
{
    public static PhotoCheckJson From(string? file, PhotoCheckResult result) =>
        new(file, result.Accepted, result.Violations, result.Measurements);
}
