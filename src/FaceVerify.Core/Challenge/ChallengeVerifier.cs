using FaceVerify.Core.Analysis;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Policy;
using FaceVerify.Core.Verification;

namespace FaceVerify.Core.Challenge;

/// <summary>
/// Reads a challenge's frames and judges them: the steps and the motion (<see cref="IChallengeChecker"/>), and every
/// frame against the ID photo under the match rules (a challenge answered by someone else proves nothing). No expiry
/// or single use here: those need the service's challenge store.
/// </summary>
public sealed class ChallengeVerifier(ImageAssessor assessor, PolicyCatalog policies, IChallengeChecker checker)
{
    /// <param name="frames">Frame 0 (before the first step; the CLI uses the snapshot), then one per step.</param>
    public ChallengeOutcome Verify(ReadOnlyMemory<byte> idPhoto, IReadOnlyList<ReadOnlyMemory<byte>> frames, IReadOnlyList<ChallengeStep> steps,
        string? policyName, CancellationToken cancellationToken)
    {
        // An unknown policy is already reported by the verification; its findings are judged under the default too.
        if (!policies.TryGet(policyName, out var policy)) policies.TryGet(null, out policy);
        var photo = assessor.AssessIdPhoto(idPhoto, cancellationToken).Reading?.Primary;
        var faces = frames.Select(f => assessor.Assess(f, AnalysisScope.Frame, cancellationToken).Reading?.Primary).ToList();
        var challengeFrames = faces.Select(f => f is null ? null : ChallengeFrame.From(f)).ToList();
        var outcome = checker.Check(steps, challengeFrames, policy);
        var similarities = Similarities(photo, faces);
        return outcome with { Findings = [.. outcome.Findings, .. MatchFindings(photo is null ? null : similarities, challengeFrames, policy)], Similarities = similarities };
    }

    private static List<double?> Similarities(FaceReading? photo, List<FaceReading?> faces) =>
        faces.Select(f => photo is null || f is null ? (double?)null : Math.Round(Similarity.Cosine(photo.Embedding, f.Embedding), 4)).ToList();

    /// <param name="similarities">Null when the ID photo has no usable face: the verification already says so.</param>
    /// <param name="frames">The frames' readings: a turned frame after frame 0 is judged at the policy's turned threshold (<see cref="FrameMatchThreshold"/>).</param>
    internal static IEnumerable<Finding> MatchFindings(IReadOnlyList<double?>? similarities, IReadOnlyList<ChallengeFrame?> frames, PolicyOptions policy)
    {
        if (similarities is null) yield break;
        var below = similarities.Select((s, i) => (s, i, t: FrameMatchThreshold.For(i, i < frames.Count ? frames[i] : null, policy)))
            .Where(x => x.s < x.t).ToList();  // a frame without a face is the step checker's finding
        if (below.Count == 0) yield break;
        // The finding names the frame furthest below its own threshold, with the threshold that frame was judged at.
        var worst = below.MinBy(x => x.s - x.t);
        yield return new FindingFactory(policy).Make(ReasonCodes.MatchBelowThreshold,
            $"challenge frame(s) {string.Join(", ", below.Select(x => x.i))} do not match the ID photo", worst.s, worst.t, retakeCanFix: false);
    }
}
