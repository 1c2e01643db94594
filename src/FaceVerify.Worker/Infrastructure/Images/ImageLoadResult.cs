using FaceVerify.Contracts;

namespace FaceVerify.Worker.Images;

/// <summary>Either the image's bytes or the finding that explains why there are none.</summary>
public sealed record ImageLoadResult
{
    public byte[]? Bytes { get; private init; }
    public FindingDto? Problem { get; private init; }

    public static ImageLoadResult Loaded(byte[] bytes) => new() { Bytes = bytes };
    public static ImageLoadResult Failed(FindingDto problem) => new() { Problem = problem };
}
