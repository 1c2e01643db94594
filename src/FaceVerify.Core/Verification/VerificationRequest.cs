namespace FaceVerify.Core.Verification;

/// <summary>What a verification needs: the registered ID photo, the exam-time snapshot, optional extra frames.</summary>
public sealed record VerificationRequest
{
    public required ReadOnlyMemory<byte> IdPhoto { get; init; }
    public required ReadOnlyMemory<byte> Snapshot { get; init; }
    public IReadOnlyList<ReadOnlyMemory<byte>> ExtraFrames { get; init; } = [];
    /// <summary>Policy name (<c>default</c>, <c>strict</c>, …); null means the configured default.</summary>
    public string? Policy { get; init; }
}
