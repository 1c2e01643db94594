namespace FaceVerify.Worker.Options;

/// <summary>Section <c>FaceVerify:Admin</c>. Without a key the admin routes stay closed.</summary>
public sealed record AdminOptions
{
    public string? ApiKey { get; init; }
}
