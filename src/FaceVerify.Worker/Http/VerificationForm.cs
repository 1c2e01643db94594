using FaceVerify.Core.Policy;

namespace FaceVerify.Worker.Http;

/// <summary>
/// The multipart body of <c>POST /v1/verifications</c>: files <c>idPhoto</c>, <c>snapshot</c>, any number of
/// <c>frame</c>; fields <c>verificationId</c> (a new one when omitted), <c>candidateId</c>, <c>examId</c>, <c>policy</c>,
/// <c>challengeId</c> (the snapshot is then the frame before the first step, the <c>frame</c> parts those after each step).
/// </summary>
public sealed record VerificationForm(
    Guid? VerificationId, string CandidateId, string ExamId, string? Policy,
    byte[] IdPhoto, byte[] Snapshot, IReadOnlyList<byte[]> Frames)
{
    public string? ChallengeId { get; init; }

    private const string Unnamed = "api";

    /// <returns>The form, or why it cannot be used (<paramref name="problem"/>).</returns>
    public static async Task<(VerificationForm? Form, string? Problem)> ReadAsync(IFormCollection form, PolicyCatalog policies,
        CancellationToken cancellationToken)
    {
        Guid? id = null;
        if (Field(form, "verificationId") is { } idText)
        {
            if (!Guid.TryParse(idText, out var parsed)) return (null, $"verificationId '{idText}' is not a GUID");
            id = parsed;
        }
        var policy = Field(form, "policy");
        // An unknown policy would fail in the consumer and only time out here; say so at once.
        if (policy is not null && !policies.TryGet(policy, out _))
            return (null, $"no policy '{policy}'; known: {string.Join(", ", policies.Names)}");
        if (form.Files.GetFile("idPhoto") is not { Length: > 0 } idPhoto) return (null, "the idPhoto file part is missing or empty");
        if (form.Files.GetFile("snapshot") is not { Length: > 0 } snapshot) return (null, "the snapshot file part is missing or empty");

        var frames = new List<byte[]>();
        foreach (var frame in form.Files.GetFiles("frame").Where(f => f.Length > 0))
            frames.Add(await BytesAsync(frame, cancellationToken));
        return (new VerificationForm(id, Field(form, "candidateId") ?? Unnamed, Field(form, "examId") ?? Unnamed, policy,
            await BytesAsync(idPhoto, cancellationToken), await BytesAsync(snapshot, cancellationToken), frames)
            { ChallengeId = Field(form, "challengeId") }, null);
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;

    private static async Task<byte[]> BytesAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
