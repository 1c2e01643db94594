using FaceVerify.Core.Verification;

namespace FaceVerify.Core.Reporting;

/// <summary>Which picture of a verification: the <c>data-role</c> of its overlay.</summary>
public enum ReportRole
{
    Photo,
    Snapshot,
}

/// <summary>A picture as the page embeds it: re-encoded upright JPEG (no metadata) and the faces in source pixels.</summary>
/// <param name="Jpeg">Null when the bytes could not be read as an image.</param>
/// <param name="Geometry">Null when the bytes could not be read as an image.</param>
public sealed record ReportPicture(ReportRole Role, byte[]? Jpeg, ImageGeometry? Geometry)
{
    /// <summary>False when the evidence picture was deleted after its retention period: the page says so instead of "unreadable".</summary>
    public bool Retained { get; init; } = true;
}

/// <summary>Everything a verification report shows.</summary>
/// <param name="Earlier">For a re-run: the earlier result, so the page can say what changed.</param>
public sealed record VerificationReportInput(VerificationResult Result, ReportPicture IdPhoto, ReportPicture Snapshot, VerificationResult? Earlier = null)
{
    /// <summary>A liveness challenge's frames in order (frame 0 = the snapshot, before the first step); empty without a challenge.</summary>
    public IReadOnlyList<ReportFrame> ChallengeFrames { get; init; } = [];
}

/// <summary>One challenge frame as the page embeds it (no face geometry: the step readings are the result's measurements).</summary>
/// <param name="Jpeg">Null when the picture was not kept or could not be read.</param>
public sealed record ReportFrame(int Index, byte[]? Jpeg);

/// <summary>Everything an ID-photo check report shows.</summary>
public sealed record PhotoCheckReportInput(PhotoCheckResult Result, ReportPicture Photo, string ModelSet);
