namespace FaceVerify.Worker.Records;

/// <summary>Who holds a claim, for diagnosis only: machine, process and a random suffix (a restarted process may reuse a pid).</summary>
public sealed record WorkerInstance(string Id)
{
    public static WorkerInstance ForThisProcess() =>
        new($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}");
}
