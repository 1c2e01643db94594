using System.Diagnostics;

namespace FaceVerify.Core.Models;

/// <summary>
/// Counts time spent inside ONNX Runtime alone, so a benchmark can set the pipeline's end-to-end time
/// against the pure model time of the same run.
/// </summary>
public sealed class InferenceMeter
{
    private long _ticks;
    private long _runs;

    public double TotalMilliseconds => Interlocked.Read(ref _ticks) * 1000.0 / Stopwatch.Frequency;
    public long Runs => Interlocked.Read(ref _runs);

    public void Record(long elapsedTicks)
    {
        Interlocked.Add(ref _ticks, elapsedTicks);
        Interlocked.Increment(ref _runs);
    }
}
