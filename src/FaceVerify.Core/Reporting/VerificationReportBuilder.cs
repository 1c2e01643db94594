using FaceVerify.Core.Analysis;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Verification;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Reporting;

/// <summary>
/// Pairs a result with the pictures it was computed on. Face geometry comes from the result when it has
/// it (<see cref="VerificationResult.Faces"/>); a result stored without it is re-analysed, which an admin
/// page can afford. Empty bytes stand for a picture no longer kept (retention): the page is rendered without it.
/// </summary>
public sealed class VerificationReportBuilder(IImageDecoder decoder, IFaceAnalyzer analyzer, IModelSetInfo models, IOptions<ReportOptions> options)
{
    public VerificationReportInput ForVerification(ReadOnlyMemory<byte> idPhoto, ReadOnlyMemory<byte> snapshot, VerificationResult result,
        VerificationResult? earlier, CancellationToken cancellationToken) =>
        new(result,
            Picture(idPhoto, ReportRole.Photo, result.IdPhotoSha256, result.Faces?.IdPhoto, cancellationToken),
            Picture(snapshot, ReportRole.Snapshot, result.SnapshotSha256, result.Faces?.Snapshot, cancellationToken),
            earlier);

    public PhotoCheckReportInput ForPhotoCheck(ReadOnlyMemory<byte> photo, PhotoCheckResult result, CancellationToken cancellationToken) =>
        new(result, Picture(photo, ReportRole.Photo, result.Sha256, result.Faces, cancellationToken), models.ModelSet);

    private ReportPicture Picture(ReadOnlyMemory<byte> bytes, ReportRole role, string resultSha256, ImageGeometry? known, CancellationToken cancellationToken)
    {
        if (bytes.IsEmpty) return new ReportPicture(role, null, known) { Retained = false };
        var decoded = decoder.Decode(bytes, cancellationToken);
        // Boxes drawn on a different picture than the one judged would mislead the person reading the page.
        if (!string.Equals(decoded.Sha256, resultSha256, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"the {role} bytes are not the ones the result was computed on (sha256 differs)", nameof(bytes));
        if (decoded.Image is not { } image) return new ReportPicture(role, null, null);
        var geometry = known ?? ImageGeometry.From(analyzer.Analyze(image, ScopeFor(role), new StageClock(), cancellationToken));
        return new ReportPicture(role, EmbeddedJpeg.Encode(image.Image, options.Value.MaxEmbeddedSide, cancellationToken), geometry);
    }

    private static AnalysisScope ScopeFor(ReportRole role) =>
        new(AllFaces: true, Liveness: role == ReportRole.Snapshot, Background: false);
}
