namespace FaceVerify.Worker.Idempotency;

/// <summary>Names this worker process in the claims it holds: machine, process id and a random suffix, for diagnosis only.</summary>
public sealed class WorkerInstance
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
