using FaceVerify.Contracts;
using FaceVerify.Worker.Verification;
using MassTransit;

namespace FaceVerify.Worker.Messaging;

/// <summary>Evaluates stored evidence again and publishes a new completed event marked as a re-run.</summary>
public sealed class RerunVerificationConsumer(IVerificationService verifications) : IConsumer<RerunVerification>
{
    public async Task Consume(ConsumeContext<RerunVerification> context)
    {
        var completed = await verifications.RerunAsync(context.Message, context.CancellationToken);
        await context.Publish(completed, context.CancellationToken);
    }
}

public sealed class RerunVerificationConsumerDefinition(ConsumerEndpointPolicy policy) : PolicyConsumerDefinition<RerunVerificationConsumer>(policy);
