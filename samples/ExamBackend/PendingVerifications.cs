using System.Collections.Concurrent;
using FaceVerify.Contracts;

namespace ExamBackend;

/// <summary>Check-ins of this process waiting for their completed event, by VerificationId.</summary>
public sealed class PendingVerifications
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<IdentityVerificationCompleted>> _waiting = new();

    /// <summary>Register before publishing, so an answer that comes back at once is not missed.</summary>
    public Task<IdentityVerificationCompleted> Expect(Guid verificationId) =>
        _waiting.GetOrAdd(verificationId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(Guid verificationId) => _waiting.TryRemove(verificationId, out _);

    /// <returns>False when no check-in of this process waits for it (another instance's, or an administrator's re-run).</returns>
    public bool Deliver(IdentityVerificationCompleted completed) =>
        _waiting.TryRemove(completed.VerificationId, out var slot) && slot.TrySetResult(completed);
}
