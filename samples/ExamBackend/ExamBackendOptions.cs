namespace ExamBackend;

/// <summary>Section <c>ExamBackend</c> of appsettings.json, overridden by environment variables (<c>ExamBackend__RabbitMQ__Uri</c>, …).</summary>
public sealed record ExamBackendOptions
{
    public RabbitMqSettings RabbitMQ { get; init; } = new();
    /// <summary>This backend's own durable queue for <c>IdentityVerificationCompleted</c>.</summary>
    public string QueueName { get; init; } = "exam-backend-verification-completed";
    /// <summary>
    /// The claim-check folder the worker reads (its <c>FaceVerify__MessageData__Path</c>), mounted on this machine too.
    /// Null: pictures must be given as https URLs on a host the worker allows.
    /// </summary>
    public string? ClaimCheckFolder { get; init; }
    public TimeSpan ImageTimeToLive { get; init; } = TimeSpan.FromDays(1);
    /// <summary>How long a candidate waits for the answer before a proctor takes over.</summary>
    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Named policy (<c>default</c>, <c>strict</c>); null: the worker's default.</summary>
    public string? Policy { get; init; }
}

/// <summary>User name and password come from the environment (<c>ExamBackend__RabbitMQ__Password</c>), never from this repository.</summary>
public sealed record RabbitMqSettings
{
    public Uri Uri { get; init; } = new("rabbitmq://localhost/");
    public string? Username { get; init; }
    public string? Password { get; init; }
}
