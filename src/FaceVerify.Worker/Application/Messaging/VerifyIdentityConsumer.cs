using FaceVerify.Contracts;
using FaceVerify.Worker.Verification;
using MassTransit;

namespace FaceVerify.Worker.Messaging;

/// <summary>Answers every VerifyIdentity with one completed event: computed once, re-published from the record for repeats.</summary>
public sealed class VerifyIdentityConsumer(IVerificationService verifications) : IConsumer<VerifyIdentity>
{
    public async Task Consume(ConsumeContext<VerifyIdentity> context)
    {
        var outcome = await verifications.VerifyAsync(context.Message, context.CancellationToken);
        await context.Publish(outcome.Completed, context.CancellationToken);
    }
}

public sealed class VerifyIdentityConsumerDefinition(ConsumerEndpointPolicy policy) : PolicyConsumerDefinition<VerifyIdentityConsumer>(policy);
