namespace FaceVerify.Messaging;

/// <summary>Section <c>FaceVerify:MessageData</c>: the claim-check folder shared by senders and workers.</summary>
public sealed record MessageDataOptions
{
    public string Path { get; init; } = DefaultPath;
    /// <summary>How long senders keep the bytes; the sweeper deletes older files.</summary>
    public TimeSpan TimeToLive { get; init; } = TimeSpan.FromDays(7);

    /// <summary>A machine-wide default so that a local CLI and a local worker agree without configuration.</summary>
    public static string DefaultPath => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "faceverify", "message-data");
}
