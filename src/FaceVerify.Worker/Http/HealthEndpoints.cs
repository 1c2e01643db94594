using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace FaceVerify.Worker.Http;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary>Live: the process serves HTTP. Ready: the broker is connected and the models verified.</summary>
    public static void MapFaceVerifyHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
    }
}
