using FaceVerify.Contracts;
using FaceVerify.Core.Policy;

namespace FaceVerify.Core.Verification;

/// <summary>The core's results in their published shapes: one mapping for the CLI, the HTTP routes and the bus.</summary>
public static class ContractAnswers
{
    public static FindingDto ToDto(this Finding f) =>
        new(f.Code, f.Message, f.Value, f.Threshold, f.Severity == Severity.Block ? "block" : "warn");

    public static Finding ToFinding(this FindingDto f) =>
        new(f.Code, f.Message, f.Value, f.Threshold, f.Severity == "warn" ? Severity.Warn : Severity.Block);

    /// <param name="file">The checked file's name where there is one (CLI, multipart upload), else null.</param>
    public static IdPhotoValidated ToAnswer(this PhotoCheckResult result, string? file) => new()
    {
        File = file,
        Accepted = result.Accepted,
        Violations = result.Violations.Select(ToDto).ToArray(),
        Measurements = result.Measurements,
        Policy = result.Policy,
        Sha256 = result.Sha256,
    };
}
