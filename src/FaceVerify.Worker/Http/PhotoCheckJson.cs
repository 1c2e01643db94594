using FaceVerify.Core.Policy;
using FaceVerify.Core.Verification;

namespace FaceVerify.Worker.Http;

/// <summary>
/// The JSON line of <c>faceverify check-photo --json</c> (the CLI's <c>CheckPhotoCommand.Line</c>):
/// the upload page and the CLI read the same shape, serialized with the same options.
/// </summary>
public sealed record PhotoCheckJson(string? File, bool Accepted, IReadOnlyList<Finding> Violations,
    IReadOnlyDictionary<string, double> Measurements, string Policy)
{
    public static PhotoCheckJson From(string? file, PhotoCheckResult result) =>
        new(file, result.Accepted, result.Violations, result.Measurements, result.Policy);
}
