namespace FaceVerify.Messaging;

public enum TransportKind { InMemory, RabbitMQ }

/// <summary>Section <c>FaceVerify</c>: which broker carries the messages.</summary>
public sealed record TransportOptions
{
    public TransportKind Transport { get; init; } = TransportKind.InMemory;
    public RabbitMqOptions RabbitMQ { get; init; } = new();
}

/// <summary>Credentials come from configuration or the environment, never from the repository.</summary>
public sealed record RabbitMqOptions
{
    public Uri Uri { get; init; } = new("rabbitmq://localhost/");
    public string? Username { get; init; }
    public string? Password { get; init; }
}
