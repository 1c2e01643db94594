using System.Text.Json.Serialization;
using FaceVerify.Core.Policy;

namespace FaceVerify.Core.Verification;

[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    [JsonStringEnumMemberName("pass")] Pass,
    [JsonStringEnumMemberName("fail")] Fail,
}

/// <summary>Scores behind the verdict; null where the stage could not run (no face, unreadable image).</summary>
public sealed record VerificationScores
{
    /// <summary>Cosine similarity of the two faces' embeddings, −1..1.</summary>
    public double? Similarity { get; init; }
    public double? SimilarityThreshold { get; init; }
    /// <summary>Probability that the snapshot shows a live person, 0..1.</summary>
    public double? Liveness { get; init; }
    public double? LivenessThreshold { get; init; }
    /// <summary>Per-rule measurements of both images, keyed <c>photo.*</c> / <c>snapshot.*</c>.</summary>
    public IReadOnlyDictionary<string, double> Measurements { get; init; } = new Dictionary<string, double>();
}

/// <summary>The outcome of one verification, as the exam backend and the CLI see it.</summary>
public sealed record VerificationResult
{
    public required Verdict Verdict { get; init; }
    /// <summary>True when every blocking finding is one the candidate can fix with a new snapshot.</summary>
    public required bool RetakeAllowed { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required VerificationScores Scores { get; init; }
    /// <summary>Policy name and version, e.g. <c>default@3</c>.</summary>
    public required string Policy { get; init; }
    public required string ModelSet { get; init; }
    public required IReadOnlyDictionary<string, double> TimingsMs { get; init; }
    /// <summary>Hex sha256 of the ID photo and snapshot bytes, for records; never the bytes.</summary>
    public required string IdPhotoSha256 { get; init; }
    public required string SnapshotSha256 { get; init; }
    /// <summary>Where the faces are in both images (pixels), so a report can draw what the decision read.</summary>
    public VerificationFaces? Faces { get; init; }
}
