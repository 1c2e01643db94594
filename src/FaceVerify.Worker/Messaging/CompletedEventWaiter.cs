using System.Collections.Concurrent;
using FaceVerify.Contracts;
using MassTransit;

namespace FaceVerify.BusClient;

/// <summary>Collects completed events from a receive endpoint and lets callers await the one for a given id.</summary>
public sealed class CompletedEventWaiter
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<IdentityVerificationCompleted>> _waiting = new();

    /// <summary>Adds the handler to a receive endpoint bound to <see cref="IdentityVerificationCompleted"/>.</summary>
    public void Attach(IReceiveEndpointConfigurator endpoint) =>
        endpoint.Handler<IdentityVerificationCompleted>(context =>
        {
            Slot(context.Message.VerificationId).TrySetResult(context.Message);
            return Task.CompletedTask;
        });

    public Task<IdentityVerificationCompleted> WaitAsync(Guid verificationId, CancellationToken cancellationToken) =>
        Slot(verificationId).Task.WaitAsync(cancellationToken);

    private TaskCompletionSource<IdentityVerificationCompleted> Slot(Guid id) =>
        _waiting.GetOrAdd(id, _ => new TaskCompletionSource<IdentityVerificationCompleted>(TaskCreationOptions.RunContinuationsAsynchronously));
}
