namespace FaceVerify.Worker.Records;

/// <summary>The images of one verification, kept so that it can be re-run under another policy or model set.</summary>
public sealed record VerificationEvidence(byte[] IdPhoto, byte[] Snapshot, IReadOnlyList<byte[]> ExtraFrames)
{
    /// <summary>The extra frames as the core reads them.</summary>
    public ReadOnlyMemory<byte>[] ExtraFrameMemories() => ExtraFrames.Select(f => (ReadOnlyMemory<byte>)f).ToArray();
}
