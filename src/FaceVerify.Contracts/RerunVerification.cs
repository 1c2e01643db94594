namespace FaceVerify.Contracts;

/// <summary>Admin command: evaluate a stored verification's evidence again, optionally under another policy.</summary>
public sealed record RerunVerification
{
    public required Guid VerificationId { get; init; }
    public string? Policy { get; init; }
    public required string Reason { get; init; }
    public required string RequestedBy { get; init; }
}
