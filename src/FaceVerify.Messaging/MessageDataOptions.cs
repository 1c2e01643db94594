namespace FaceVerify.Messaging;

/// <summary>FileSystem: a folder senders and workers share. Postgres: a table every worker and publisher reaches.</summary>
public enum MessageDataProvider { FileSystem, Postgres }

/// <summary>Section <c>FaceVerify:MessageData</c>: the claim-check folder shared by senders and workers.</summary>
public sealed record MessageDataOptions
{
    public MessageDataProvider Provider { get; init; } = MessageDataProvider.FileSystem;
    public string Path { get; init; } = DefaultPath;
    /// <summary>How long senders keep the bytes; the sweeper deletes older files.</summary>
    public TimeSpan TimeToLive { get; init; } = TimeSpan.FromDays(7);

    /// <summary>A machine-wide default so that a local CLI and a local worker agree without configuration.</summary>
    public static string DefaultPath => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "faceverify", "message-data");
}
