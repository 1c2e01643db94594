using FaceVerify.Contracts;
using MassTransit;

namespace FaceVerify.Messaging;

/// <summary>
/// Hands completed events to whoever waits for that VerificationId. Only expected ids are held, so a
/// long-running process that sees every completed event keeps nothing for the ones nobody waits for.
/// </summary>
public sealed class CompletedEventWaiter
{
    private readonly Dictionary<Guid, List<TaskCompletionSource<IdentityVerificationCompleted>>> _waiting = [];
    private readonly Lock _lock = new();

    /// <summary>Call before publishing, so an answer that arrives before the caller awaits is not missed.</summary>
    public PendingCompletion Expect(Guid verificationId)
    {
        var slot = new TaskCompletionSource<IdentityVerificationCompleted>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (!_waiting.TryGetValue(verificationId, out var slots)) _waiting[verificationId] = slots = [];
            slots.Add(slot);
        }
        return new PendingCompletion(slot.Task, () => Forget(verificationId, slot));
    }

    public void Deliver(IdentityVerificationCompleted completed)
    {
        List<TaskCompletionSource<IdentityVerificationCompleted>>? slots;
        lock (_lock)
        {
            if (!_waiting.Remove(completed.VerificationId, out slots)) return;
        }
        foreach (var slot in slots) slot.TrySetResult(completed);
    }

    /// <summary>Adds the handler to a receive endpoint bound to <see cref="IdentityVerificationCompleted"/>.</summary>
    public void Attach(IReceiveEndpointConfigurator endpoint) =>
        endpoint.Handler<IdentityVerificationCompleted>(context =>
        {
            Deliver(context.Message);
            return Task.CompletedTask;
        });

    private void Forget(Guid verificationId, TaskCompletionSource<IdentityVerificationCompleted> slot)
    {
        lock (_lock)
        {
            if (_waiting.TryGetValue(verificationId, out var slots) && slots.Remove(slot) && slots.Count == 0)
                _waiting.Remove(verificationId);
        }
    }
}

/// <summary>One caller's wait for a completed event; disposing it stops waiting.</summary>
public sealed class PendingCompletion(Task<IdentityVerificationCompleted> completion, Action forget) : IDisposable
{
    public Task<IdentityVerificationCompleted> Completion => completion;

    public void Dispose() => forget();
}

/// <summary>The worker's own listener: every completed event reaches the waiter of this process (e.g. the HTTP submit route).</summary>
public sealed class CompletedEventRelay(CompletedEventWaiter waiter) : IConsumer<IdentityVerificationCompleted>
{
    public Task Consume(ConsumeContext<IdentityVerificationCompleted> context)
    {
        waiter.Deliver(context.Message);
        return Task.CompletedTask;
    }
}
