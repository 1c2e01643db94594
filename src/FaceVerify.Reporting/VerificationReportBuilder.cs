using FaceVerify.Core.Imaging;
using FaceVerify.Core.Verification;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Reporting;

/// <summary>
/// Pairs a result with the pictures it was computed on. Face geometry comes only from the result
/// (<see cref="VerificationResult.Faces"/>, kept with the record): a report never runs a model, so it draws what the
/// decision read. A result without geometry shows its pictures without boxes. Empty bytes stand for a picture no
/// longer kept (retention): the page is rendered without it.
/// </summary>
public sealed class VerificationReportBuilder(IImageDecoder decoder, IModelSetInfo models, IOptions<ReportOptions> options)
{
    /// <param name="extraFrames">The frames after the snapshot; shown side by side with the step readings when the result judged a challenge.</param>
    public VerificationReportInput ForVerification(ReadOnlyMemory<byte> idPhoto, ReadOnlyMemory<byte> snapshot, VerificationResult result,
        VerificationResult? earlier, CancellationToken cancellationToken, IReadOnlyList<ReadOnlyMemory<byte>>? extraFrames = null)
    {
        var snapshotPicture = Picture(snapshot, ReportRole.Snapshot, result.SnapshotSha256, result.Faces?.Snapshot, cancellationToken);
        return new(result, Picture(idPhoto, ReportRole.Photo, result.IdPhotoSha256, result.Faces?.IdPhoto, cancellationToken), snapshotPicture, earlier)
        {
            // Frame 0 is the snapshot, already encoded for its own picture.
            ChallengeFrames = result.Scores.Measurements.Keys.Any(k => k.StartsWith("challenge.", StringComparison.Ordinal))
                ? [new ReportFrame(0, snapshotPicture.Jpeg), .. (extraFrames ?? []).Select((f, i) => Frame(i + 1, f, cancellationToken))]
                : [],
        };
    }

    private ReportFrame Frame(int index, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        bytes.IsEmpty || decoder.Decode(bytes, cancellationToken).Image is not { } image ? new ReportFrame(index, null)
            : new ReportFrame(index, EmbeddedJpeg.Encode(image.Image, options.Value.MaxEmbeddedSide, cancellationToken));

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
        var geometry = known ?? new ImageGeometry(image.Image.Width, image.Image.Height, []);
        return new ReportPicture(role, EmbeddedJpeg.Encode(image.Image, options.Value.MaxEmbeddedSide, cancellationToken), geometry);
    }
}
