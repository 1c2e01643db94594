namespace FaceVerify.Worker.Records;

/// <summary>Which verifications an administrator lists: newest first, optionally one candidate's or one exam's.</summary>
public sealed record VerificationQuery(string? CandidateId, string? ExamId, int Limit)
{
    public const int MaxLimit = 200;
    public const int DefaultLimit = 50;
}

/// <summary>One line of a listing: enough to pick a verification and open its record or report; no images, no scores.</summary>
public sealed record VerificationSummary(
    Guid VerificationId, string CandidateId, string ExamId, string Verdict, string Policy, int Attempts, DateTimeOffset CompletedAt);
