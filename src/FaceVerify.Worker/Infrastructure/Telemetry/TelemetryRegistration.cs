using FaceVerify.Worker.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FaceVerify.Worker.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>MassTransit's and our sources and meters, exported only when configuration names an exporter.</summary>
    public static IServiceCollection AddFaceVerifyTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<WorkerTelemetry>();
        var options = configuration.GetSection("FaceVerify:Telemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Exporter == TelemetryExporter.None) return services;

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("faceverify-worker"))
            .WithMetrics(m =>
            {
                m.AddMeter("MassTransit", WorkerTelemetry.SourceName);
                if (options.Exporter == TelemetryExporter.Console) m.AddConsoleExporter();
                else m.AddOtlpExporter(o => { if (options.OtlpEndpoint is { } e) o.Endpoint = e; });
            })
            .WithTracing(t =>
            {
                t.AddSource("MassTransit", WorkerTelemetry.SourceName);
                if (options.Exporter == TelemetryExporter.Console) t.AddConsoleExporter();
                else t.AddOtlpExporter(o => { if (options.OtlpEndpoint is { } e) o.Endpoint = e; });
            });
        return services;
    }
}
