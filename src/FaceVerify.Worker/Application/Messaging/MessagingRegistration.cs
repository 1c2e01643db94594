using FaceVerify.Worker.Options;
using MassTransit;

namespace FaceVerify.Worker.Messaging;

/// <summary>The bus: consumers from their definitions, the transport named in configuration, claim-check message data.</summary>
public static class MessagingRegistration
{
    public static IServiceCollection AddFaceVerifyMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var transport = configuration.GetSection("FaceVerify").Get<TransportOptions>() ?? new TransportOptions();
        services.AddSingleton<ConsumerEndpointPolicy>();
        services.AddSingleton<CompletedEventWaiter>();
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = false;   // the HTTP checks serve while the broker is away; /health/ready says so
            o.StopTimeout = TimeSpan.FromSeconds(30);
            o.ConsumerStopTimeout = TimeSpan.FromSeconds(25);
        });

        services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(EndpointNames.Formatter);
            x.AddConsumer<VerifyIdentityConsumer, VerifyIdentityConsumerDefinition>();
            x.AddConsumer<ValidateIdPhotoConsumer, ValidateIdPhotoConsumerDefinition>();
            x.AddConsumer<RerunVerificationConsumer, RerunVerificationConsumerDefinition>();
            x.AddConsumer<IssueLivenessChallengeConsumer, IssueLivenessChallengeConsumerDefinition>();
            // One auto-deleted queue per process: each worker hears every completed event, for its own HTTP waiters.
            x.AddConsumer<CompletedEventRelay>().Endpoint(e =>
            {
                e.Temporary = true;
                e.InstanceId = NewId.NextGuid().ToString("N");
            });

            if (transport.Transport == TransportKind.RabbitMQ)
                x.UsingRabbitMq((context, cfg) =>
                {
                    RabbitMqHost.Configure(cfg, transport.RabbitMQ);
                    ConfigureBus(cfg, context);
                });
            else
                x.UsingInMemory((context, cfg) => ConfigureBus(cfg, context));
        });
        return services;
    }

    private static void ConfigureBus<TEndpoint>(IBusFactoryConfigurator<TEndpoint> cfg, IBusRegistrationContext context)
        where TEndpoint : IReceiveEndpointConfigurator
    {
        cfg.UseMessageData(context.GetRequiredService<IMessageDataRepository>());
        cfg.ConfigureEndpoints(context);
    }
}
