using FaceVerify.Core.Verification;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FaceVerify.Worker.Http;

/// <summary>Ready only when the model set resolves: the core checks the models' hashes on first use.</summary>
public sealed class ModelsHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var modelSet = services.GetRequiredService<IModelSetInfo>().ModelSet;
            return Task.FromResult(HealthCheckResult.Healthy($"model set {modelSet}"));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("models unavailable", e));
        }
    }
}
