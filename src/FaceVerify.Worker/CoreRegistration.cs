using FaceVerify.Core;

namespace FaceVerify.Worker;

internal static class CoreRegistration
{
    /// <summary>The face core (verifier, photo checker with its hash cache, model set), bound from section <c>FaceVerify</c>.</summary>
    public static IServiceCollection AddCore(this IServiceCollection services, IConfiguration configuration) =>
        services.AddFaceVerifyCore(configuration);
}
