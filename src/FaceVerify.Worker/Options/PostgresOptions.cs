namespace FaceVerify.Worker.Options;

/// <summary>
/// Section <c>FaceVerify:Postgres</c>: the server database shared by every worker (records, claims, evidence, and
/// message data when its provider is Postgres). The connection string comes from configuration or the environment
/// (<c>FaceVerify__Postgres__ConnectionString</c>), never from the repository.
/// </summary>
public sealed record PostgresOptions
{
    public string? ConnectionString { get; init; }
    /// <summary>How long the readiness check waits for <c>SELECT 1</c>.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(3);
}
