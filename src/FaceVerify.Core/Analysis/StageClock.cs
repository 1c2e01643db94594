using System.Diagnostics;

namespace FaceVerify.Core.Analysis;

/// <summary>Wall-clock milliseconds per pipeline stage for one request (not shared between requests).</summary>
public sealed class StageClock
{
    private readonly Dictionary<string, double> _ms = new();

    public IReadOnlyDictionary<string, double> Milliseconds => _ms;

    public T Time<T>(string stage, Func<T> work)
    {
        var started = Stopwatch.GetTimestamp();
        try { return work(); }
        finally { Add(stage, Stopwatch.GetElapsedTime(started).TotalMilliseconds); }
    }

    public void Add(string stage, double milliseconds) =>
        _ms[stage] = _ms.GetValueOrDefault(stage) + milliseconds;

    public void Merge(StageClock other)
    {
        foreach (var (stage, ms) in other._ms) Add(stage, ms);
    }
}
