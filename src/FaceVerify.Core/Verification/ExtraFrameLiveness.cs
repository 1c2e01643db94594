using System.Diagnostics;
using FaceVerify.Core.Analysis;
using FaceVerify.Core.Liveness;

namespace FaceVerify.Core.Verification;

/// <summary>Reads the request's extra frames and lets them move the snapshot's liveness score (bounded; see <see cref="IFrameLivenessEvidence"/>).</summary>
internal static class ExtraFrameLiveness
{
    public static ImageAssessment Apply(ImageAssessment snapshot, IReadOnlyList<ReadOnlyMemory<byte>> frames, ImageAssessor assessor, IFrameLivenessEvidence evidence, CancellationToken cancellationToken)
    {
        if (frames.Count == 0 || snapshot.Reading?.Primary is not { Liveness: not null } primary) return snapshot;
        var started = Stopwatch.GetTimestamp();
        var faces = new List<FaceReading>(frames.Count);
        foreach (var frame in frames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (assessor.Assess(frame, AnalysisScope.Frame, cancellationToken).Reading?.Primary is { } face) faces.Add(face);
        }
        var timings = new Dictionary<string, double>(snapshot.TimingsMs) { ["frames"] = Stopwatch.GetElapsedTime(started).TotalMilliseconds };
        if (faces.Count == 0) return snapshot with { TimingsMs = timings };
        var reading = snapshot.Reading with { Primary = primary with { Liveness = evidence.Apply(primary, faces) } };
        return snapshot with { Reading = reading, TimingsMs = timings };
    }
}
