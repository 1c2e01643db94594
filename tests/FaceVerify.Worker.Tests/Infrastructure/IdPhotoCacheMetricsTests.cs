using System.Diagnostics.Metrics;
using FaceVerify.Core.Verification;
using FaceVerify.Worker.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Worker.Tests;

/// <summary>The worker's meter reports the ID-photo cache: lookups by outcome, hit rate, entries and bytes.</summary>
public sealed class IdPhotoCacheMetricsTests
{
    [Fact]
    public void The_cache_counts_are_observed_on_the_worker_meter()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var cache = new FixedCounts { Hits = 3, Misses = 1, Entries = 1, Bytes = 45_000 };
        using var telemetry = new WorkerTelemetry(services.GetRequiredService<IMeterFactory>(), cache);
        var seen = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WorkerTelemetry.SourceName && instrument.Name.StartsWith("faceverify.id_photo_cache", StringComparison.Ordinal))
                l.EnableMeasurementEvents(instrument);
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var outcome = tags.ToArray().FirstOrDefault(t => t.Key == "outcome").Value;
            seen[instrument.Name + (outcome is null ? "" : $"/{outcome}")] = value;
        }
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal(3, seen["faceverify.id_photo_cache.lookups/hit"]);
        Assert.Equal(1, seen["faceverify.id_photo_cache.lookups/miss"]);
        Assert.Equal(0.75, seen["faceverify.id_photo_cache.hit_rate"], 6);
        Assert.Equal(1, seen["faceverify.id_photo_cache.entries"]);
        Assert.Equal(45_000, seen["faceverify.id_photo_cache.bytes"]);
    }

    private sealed class FixedCounts : IIdPhotoCacheStatistics
    {
        public long Hits { get; init; }
        public long Misses { get; init; }
        public int Entries { get; init; }
        public long Bytes { get; init; }
    }
}
