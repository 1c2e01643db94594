using System.Diagnostics;
using System.Diagnostics.Metrics;
using FaceVerify.Contracts;
using FaceVerify.Core.Verification;

namespace FaceVerify.Worker.Telemetry;

/// <summary>Our meter and activity source: durations by stage, verdicts by reason code, work saved by records.</summary>
public sealed class WorkerTelemetry : IDisposable
{
    public const string SourceName = "FaceVerify.Worker";

    private readonly Histogram<double> _stageDuration;
    private readonly Counter<long> _verdicts;
    private readonly Counter<long> _computed;
    private readonly Counter<long> _answeredFromRecord;

    public WorkerTelemetry(IMeterFactory meters, IIdPhotoCacheStatistics? idPhotoCache = null)
    {
        var meter = meters.Create(SourceName);
        _stageDuration = meter.CreateHistogram<double>("faceverify.verification.duration", "ms", "Time spent per verification stage");
        _verdicts = meter.CreateCounter<long>("faceverify.verdicts", description: "Verdicts by blocking reason code (none for a pass)");
        _computed = meter.CreateCounter<long>("faceverify.verifications.computed", description: "Verifications computed, re-runs included");
        _answeredFromRecord = meter.CreateCounter<long>("faceverify.verifications.answered_from_record", description: "Duplicates answered without computing");
        if (idPhotoCache is not null) IdPhotoCacheInstruments(meter, idPhotoCache);
    }

    public ActivitySource Activities { get; } = new(SourceName);

    public void Computed(IdentityVerificationCompleted completed)
    {
        _computed.Add(1, new KeyValuePair<string, object?>("rerun", completed.RerunOf is not null));
        foreach (var (stage, ms) in completed.TimingsMs)
            _stageDuration.Record(ms, new KeyValuePair<string, object?>("stage", stage));
        var blocking = completed.Findings.Where(f => f.Severity == "block").Select(f => f.Code).DefaultIfEmpty("none");
        foreach (var reason in blocking)
            _verdicts.Add(1, new("verdict", completed.Verdict), new("reason", reason));
    }

    /// <summary>The ID-photo cache read when the exporter collects: lookups by outcome, its hit rate, its size.</summary>
    private static void IdPhotoCacheInstruments(Meter meter, IIdPhotoCacheStatistics cache)
    {
        meter.CreateObservableCounter("faceverify.id_photo_cache.lookups", () => new[]
        {
            new Measurement<long>(cache.Hits, new KeyValuePair<string, object?>("outcome", "hit")),
            new Measurement<long>(cache.Misses, new KeyValuePair<string, object?>("outcome", "miss")),
        }, description: "ID-photo cache lookups by outcome");
        meter.CreateObservableGauge("faceverify.id_photo_cache.hit_rate", () => cache.Hits + cache.Misses is var n and > 0 ? (double)cache.Hits / n : 0, description: "Share of ID-photo lookups answered from the cache since start");
        meter.CreateObservableGauge("faceverify.id_photo_cache.entries", () => cache.Entries, description: "ID photos in the cache");
        meter.CreateObservableGauge("faceverify.id_photo_cache.bytes", () => cache.Bytes, "By", "Approximate heap size of the cached ID-photo assessments");
    }

    public void AnsweredFromRecord() => _answeredFromRecord.Add(1);

    public void Dispose() => Activities.Dispose();
}
