using FaceVerify.Core.Policy;
using FaceVerify.Core.Verification;

namespace FaceVerify.Worker.Tests;

/// <summary>A verifier that counts its computations and always passes.</summary>
internal sealed class CountingVerifier : IIdentityVerifier
{
    private int _calls;
    public int Calls => _calls;
    /// <summary>When set, every computation waits for it first (a test holds a computation open while something else happens).</summary>
    public Task? Gate { get; set; }

    public async Task<VerificationResult> VerifyAsync(VerificationRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (Gate is { } gate) await gate.WaitAsync(cancellationToken);
        return new VerificationResult
        {
            Verdict = Verdict.Pass,
            RetakeAllowed = false,
            Findings = [new Finding("snapshot.blurry", "a little soft", 0.4, 0.3, Severity.Warn)],
            Scores = new VerificationScores { Similarity = 0.8, SimilarityThreshold = 0.5, Liveness = 0.9, LivenessThreshold = 0.5 },
            Policy = request.Policy ?? "default@1",
            ModelSet = "fake",
            TimingsMs = new Dictionary<string, double> { ["embed"] = 1 },
            IdPhotoSha256 = "id",
            SnapshotSha256 = "snap",
        };
    }
}

internal sealed class FakeModelSet : IModelSetInfo
{
    public string ModelSet => "fake";
}
