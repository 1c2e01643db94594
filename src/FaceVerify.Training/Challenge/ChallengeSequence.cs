using FaceVerify.Core.Analysis;
using FaceVerify.Core.Challenge;

namespace FaceVerify.Cli.Challenge;

/// <summary>
/// One calibration sequence: frame 0, then the frames after each step. <paramref name="Genuine"/> = a real 3-D head
/// turn of one person; otherwise a flat picture moved. <paramref name="Fit"/> = its person is on the side that chooses
/// the thresholds. <paramref name="Steps"/> null: the attacker's best labelling is tried (both turn orders).
/// </summary>
/// <param name="TurnDegrees">For renders: the smallest rendered turn in the sequence (0 when unknown).</param>
/// <param name="Reference">The ID photo's stand-in every frame must match: for flat attacks the very picture that was printed
/// (the attacker's best case); null = frame 0.</param>
internal sealed record ChallengeSequence(string Source, string Person, bool Fit, bool Genuine, string Kind, IReadOnlyList<ChallengeStep>? Steps,
    IReadOnlyList<FaceReading?> Frames, int TurnDegrees = 0, FaceReading? Reference = null)
{
    /// <summary>Every frame has a face that matches the reference at the match threshold (the match rules of a challenge).</summary>
    public bool AllMatch(double threshold) => (Reference ?? Frames[0]) is { } r
        && Frames.All(f => f is not null && Core.Faces.Similarity.Cosine(r.Embedding, f.Embedding) >= threshold);

    /// <summary>Every frame matches the reference under the policy's challenge rule: turned frames after frame 0 at the turned threshold (<see cref="FrameMatchThreshold"/>).</summary>
    public bool AllMatch(Core.Policy.PolicyOptions policy) => (Reference ?? Frames[0]) is { } r
        && Frames.Select((f, i) => f is not null && Core.Faces.Similarity.Cosine(r.Embedding, f.Embedding) >= FrameMatchThreshold.For(i, ChallengeFrame.From(f), policy)).All(m => m);

    public IReadOnlyList<ChallengeFrame?> ChallengeFrames => Frames.Select(f => f is null ? null : ChallengeFrame.From(f)).ToList();
}
