namespace FaceVerify.Contracts;

/// <summary>Numbers behind a verdict; null where a stage could not run.</summary>
public sealed record VerificationScoresDto
{
    public double? Similarity { get; init; }
    public double? SimilarityThreshold { get; init; }
    public double? Liveness { get; init; }
    public double? LivenessThreshold { get; init; }
    public IReadOnlyDictionary<string, double> Measurements { get; init; } = new Dictionary<string, double>();
}
