using FaceVerify.Core;
using FaceVerify.Core.Reporting;

namespace FaceVerify.Worker;

internal static class CoreRegistration
{
    /// <summary>
    /// The face core (verifier, photo checker with its hash cache, model set) and the report, bound from section
    /// <c>FaceVerify</c>.
    /// </summary>
    public static IServiceCollection AddCore(this IServiceCollection services, IConfiguration configuration) =>
        services.AddFaceVerifyCore(configuration).AddFaceVerifyReporting(configuration.GetSection("FaceVerify"));
}
