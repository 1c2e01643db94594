using FaceVerify.Core.Analysis;
using FaceVerify.Core.Policy;
using FaceVerify.Contracts;

namespace FaceVerify.Core.Verification;

public sealed class IdPhotoChecker(ImageAssessor assessor, PolicyCatalog policies) : IIdPhotoChecker
{
    public Task<PhotoCheckResult> CheckAsync(ReadOnlyMemory<byte> photo, string? policy, CancellationToken cancellationToken)
    {
        if (!policies.TryGet(policy, out var options))
            return Task.FromResult(UnknownPolicy(photo, policy));
        var assessment = assessor.AssessIdPhoto(photo, cancellationToken);
        var violations = IdPhotoRules.Evaluate(assessment.Decoded, assessment.Reading, options);
        var measurements = assessment.Reading is { } r ? MeasurementMap.From(r) : new Dictionary<string, double> { ["fileBytes"] = assessment.Decoded.ByteLength };
        return Task.FromResult(new PhotoCheckResult
        {
            Accepted = violations.TrueForAll(v => v.Severity != Severity.Block),
            Violations = violations,
            Measurements = measurements,
            Policy = options.Label,
            Sha256 = assessment.Decoded.Sha256,
            Unreadable = assessment.Reading is null,
            Faces = assessment.Reading is { } reading ? ImageGeometry.From(reading) : null,
        });
    }

    private static PhotoCheckResult UnknownPolicy(ReadOnlyMemory<byte> photo, string? policy) => new()
    {
        Accepted = false,
        Violations = [new Finding(ReasonCodes.RequestUnknownPolicy, $"no policy named '{policy}'", null, null, Severity.Block)],
        Measurements = new Dictionary<string, double>(),
        Policy = policy ?? "",
        Sha256 = Sha256Hex.Of(photo.Span),
    };
}
