namespace FaceVerify.Worker.Options;

public enum TelemetryExporter { None, Console, Otlp }

/// <summary>Section <c>FaceVerify:Telemetry</c>: off unless an exporter is named.</summary>
public sealed record TelemetryOptions
{
    public TelemetryExporter Exporter { get; init; } = TelemetryExporter.None;
    /// <summary>OTLP endpoint; null means the exporter's default or OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public Uri? OtlpEndpoint { get; init; }
}
