using MassTransit;

namespace FaceVerify.Worker.Messaging;

/// <summary>A consumer definition that applies the shared <see cref="ConsumerEndpointPolicy"/>; hosts only wire.</summary>
public abstract class PolicyConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    private readonly ConsumerEndpointPolicy _policy;

    protected PolicyConsumerDefinition(ConsumerEndpointPolicy policy)
    {
        _policy = policy;
        ConcurrentMessageLimit = policy.ConcurrentMessageLimit;
        Endpoint(e => e.PrefetchCount = policy.ConcurrentMessageLimit);
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        _policy.ApplyFaultHandling(endpointConfigurator, context);
}
