using System.Security.Cryptography;

namespace FaceVerify.Contracts;

/// <summary>The one form of a content hash everywhere (<see cref="ImageInput.Sha256"/>, records, results, the model
/// manifest): SHA-256 as 64 lower-case hex characters.</summary>
public static class Sha256Hex
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
