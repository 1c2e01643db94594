using System.Text.Json;
using FaceVerify.Core.Json;
using FaceVerify.Core.Verification;

namespace FaceVerify.Cli;

/// <summary>Reads a result saved from <c>verify --json</c>, for the report's "what changed" section.</summary>
internal static class EarlierResult
{
    public static bool TryRead(string path, out VerificationResult? result, out string problem)
    {
        result = null;
        problem = "";
        try
        {
            result = JsonSerializer.Deserialize<VerificationResult>(File.ReadAllText(path), FaceVerifyJson.Options);
            if (result is not null) return true;
            problem = $"{path}: empty JSON";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            problem = $"{path}: not a 'verify --json' result ({ex.Message})";
        }
        return false;
    }
}
