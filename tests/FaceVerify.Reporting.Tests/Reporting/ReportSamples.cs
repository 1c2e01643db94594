using FaceVerify.Core.Imaging;
using FaceVerify.Core.Policy;
using FaceVerify.Core.Pose;
using FaceVerify.Core.Reporting;
using FaceVerify.Core.Verification;

namespace FaceVerify.Core.Tests.Reporting;

/// <summary>Hand-made results and pictures for renderer tests that need no model.</summary>
internal static class ReportSamples
{
    public static VerificationResult Refused() => new()
    {
        Verdict = Verdict.Fail,
        RetakeAllowed = false,
        Findings =
        [
            new Finding(ReasonCodes.MatchBelowThreshold, "the snapshot does not match the ID photo", 0.12, 0.3, Severity.Block),
            new Finding(ReasonCodes.Snapshot(ReasonCodes.Face.HeadTurned), "the head is turned sideways (31.0°)", 31, 25, Severity.Block),
            new Finding(ReasonCodes.PhotoFileTooSmall, "the file has 33.3 KB, under 40 KB", 34086, 40960, Severity.Warn),
        ],
        Scores = new VerificationScores
        {
            Similarity = 0.12, SimilarityThreshold = 0.3, Liveness = 0.91, LivenessThreshold = 0.5,
            Measurements = new Dictionary<string, double> { ["snapshot.yaw"] = 31, ["photo.width"] = 120 },
        },
        Policy = "default@1",
        ModelSet = "test-models",
        TimingsMs = new Dictionary<string, double>(),
        IdPhotoSha256 = "aa",
        SnapshotSha256 = "bb",
        Faces = new VerificationFaces(Geometry(120, 160, 1), Geometry(200, 150, 2)),
    };

    public static ImageGeometry Geometry(int width, int height, int faces) => new(width, height,
        Enumerable.Range(0, faces).Select(i => new FaceGeometry(i, new PixelBox(10 + 60 * i, 20.5, 50 - 10 * i, 60.2), 0.99 - 0.1 * i)
        {
            Landmarks5 = i == 0 ? [new(25, 40), new(45, 40), new(35, 55), new(27, 65), new(43, 65)] : null,
            Pose = i == 0 ? new HeadPose(31, -5, 2) : null,
            LivenessCrop = i == 0 ? new PixelBox(-30, -20, 135, 135) : null,
        }).ToList());

    public static ReportPicture Picture(ReportRole role, ImageGeometry geometry, CancellationToken cancellationToken)
    {
        var pixels = new byte[geometry.Width * geometry.Height * 3];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 7);
        return new ReportPicture(role, EmbeddedJpeg.Encode(new RgbImage(geometry.Width, geometry.Height, pixels), 1280, cancellationToken), geometry);
    }

    public static VerificationReportInput Input(VerificationResult result, VerificationResult? earlier = null) =>
        new(result,
            Picture(ReportRole.Photo, result.Faces!.IdPhoto!, CancellationToken.None),
            Picture(ReportRole.Snapshot, result.Faces!.Snapshot!, CancellationToken.None),
            earlier);
}
