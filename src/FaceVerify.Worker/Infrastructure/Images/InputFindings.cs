using FaceVerify.Contracts;
using FaceVerify.Core.Policy;

namespace FaceVerify.Worker.Images;

/// <summary>The findings for images that could not be obtained: results, never retries.</summary>
internal static class InputFindings
{
    public static FindingDto FetchFailed(string role, string why) =>
        new(ReasonCodes.InputFetchFailed, $"The {role} could not be obtained: {why}.", null, null, "block");

    public static FindingDto TooLarge(string role, long limit, long? size = null) =>
        new(ReasonCodes.InputTooLarge, $"The {role} is larger than the limit.", size, limit, "block");
}
