using MassTransit;

namespace FaceVerify.Messaging;

/// <summary>How the worker and the bus clients reach the broker: one place, so both read credentials alike.</summary>
public static class RabbitMqHost
{
    public static void Configure(IRabbitMqBusFactoryConfigurator cfg, RabbitMqOptions options) =>
        cfg.Host(options.Uri, h =>
        {
            if (options.Username is { Length: > 0 } user) h.Username(user);
            if (options.Password is { Length: > 0 } password) h.Password(password);
        });
}
