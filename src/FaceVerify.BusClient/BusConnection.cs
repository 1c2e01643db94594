using FaceVerify.Messaging;
using MassTransit;

namespace FaceVerify.BusClient;

/// <summary>Where a bus client connects and where it leaves image bytes for the worker.</summary>
/// <param name="Bus">e.g. <c>rabbitmq://localhost/</c>; user and password from the URI or FaceVerify__RabbitMQ__Username/Password.</param>
/// <param name="MessageDataPath">The claim-check folder the worker reads too.</param>
public sealed record BusConnection(Uri Bus, string MessageDataPath)
{
    public static string DefaultMessageDataPath =>
        Environment.GetEnvironmentVariable("FaceVerify__MessageData__Path") ?? MessageDataOptions.DefaultPath;

    /// <summary>The folder, or the shared PostgreSQL store when FaceVerify__MessageData__Provider=Postgres.</summary>
    public IMessageDataRepository CreateRepository() => MessageDataRepositories.FromEnvironment(MessageDataPath);

    /// <summary>A RabbitMQ bus, not yet started; <paramref name="configure"/> adds receive endpoints.</summary>
    public IBusControl CreateBus(IMessageDataRepository repository, Action<IRabbitMqBusFactoryConfigurator>? configure = null) =>
        MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            RabbitMqHost.Configure(cfg, new RabbitMqOptions
            {
                Uri = Bus,
                Username = Environment.GetEnvironmentVariable("FaceVerify__RabbitMQ__Username"),
                Password = Environment.GetEnvironmentVariable("FaceVerify__RabbitMQ__Password"),
            });
            cfg.UseMessageData(repository);
            configure?.Invoke(cfg);
        });
}
