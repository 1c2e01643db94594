using System.Collections.Concurrent;
using System.Diagnostics;

namespace FaceVerify.Core.Models;

/// <summary>
/// Counts time spent inside ONNX Runtime alone, per model, so a benchmark can set the pipeline's
/// end-to-end time against the pure model time of the same run.
/// </summary>
public sealed class InferenceMeter
{
    private readonly ConcurrentDictionary<string, long> _ticksByModel = new();

    public double TotalMilliseconds => _ticksByModel.Values.Sum() * 1000.0 / Stopwatch.Frequency;

    /// <summary>Milliseconds spent in each model so far.</summary>
    public IReadOnlyDictionary<string, double> MillisecondsByModel =>
        _ticksByModel.ToDictionary(kv => kv.Key, kv => kv.Value * 1000.0 / Stopwatch.Frequency);

    public void Record(string modelId, long elapsedTicks) => _ticksByModel.AddOrUpdate(modelId, elapsedTicks, (_, t) => t + elapsedTicks);
}
