namespace FaceVerify.Contracts;

/// <summary>Event: the outcome of one verification attempt (first run or re-run).</summary>
public sealed record IdentityVerificationCompleted
{
    public required Guid VerificationId { get; init; }
    public required string CandidateId { get; init; }
    public required string ExamId { get; init; }
    /// <summary><c>pass</c> or <c>fail</c>.</summary>
    public required string Verdict { get; init; }
    /// <summary>True when a new snapshot can fix every blocking finding; false when a person must look.</summary>
    public required bool RetakeAllowed { get; init; }
    public required IReadOnlyList<FindingDto> Findings { get; init; }
    public required VerificationScoresDto Scores { get; init; }
    /// <summary>Policy name and version that produced the verdict, e.g. <c>default@3</c>.</summary>
    public required string Policy { get; init; }
    public required string ModelSet { get; init; }
    /// <summary>1 for the first computation, incremented by every re-run.</summary>
    public required int Attempt { get; init; }
    /// <summary>Set on a re-run: the verification whose stored evidence was evaluated again.</summary>
    public Guid? RerunOf { get; init; }
    public string? RerunReason { get; init; }
    public IReadOnlyDictionary<string, double> TimingsMs { get; init; } = new Dictionary<string, double>();
    public required DateTimeOffset CompletedAt { get; init; }
}
