namespace FaceVerify.Worker;

internal static class CoreRegistration
{
    /// <summary>The face core (verifier, photo checker, model set), bound from section <c>FaceVerify</c>.</summary>
    public static IServiceCollection AddCore(this IServiceCollection services, IConfiguration configuration) =>
        services;   // replaced by FaceVerify.Core's AddFaceVerifyCore when the core lands
}
