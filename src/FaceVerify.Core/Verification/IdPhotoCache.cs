using FaceVerify.Core.Analysis;

namespace FaceVerify.Core.Verification;

/// <summary>Counts of the ID-photo cache, read by the worker's metrics.</summary>
public interface IIdPhotoCacheStatistics
{
    long Hits { get; }
    long Misses { get; }
    int Entries { get; }
    long Bytes { get; }
}

/// <summary>
/// ID-photo assessments by sha256, least recently used first out, bounded in entries and in bytes
/// (<see cref="IdPhotoCacheOptions"/>), entries unread for the sliding expiration dropped when next looked up.
/// A plain lock: a lookup is a dictionary probe, nothing beside a verification's tens of milliseconds.
/// </summary>
public sealed class IdPhotoCache(IdPhotoCacheOptions options, TimeProvider clock) : IIdPhotoCacheStatistics
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _lock = new();
    private long _hits, _misses, _bytes;

    private sealed record Entry(string Key, ImageAssessment Value, long Bytes)
    {
        public DateTimeOffset LastRead { get; set; }
    }

    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);
    public int Entries { get { lock (_lock) return _byKey.Count; } }
    public long Bytes { get { lock (_lock) return _bytes; } }

    public bool TryGet(string key, out ImageAssessment? value)
    {
        lock (_lock)
        {
            if (_byKey.TryGetValue(key, out var node))
            {
                var now = clock.GetUtcNow();
                if (now - node.Value.LastRead <= options.SlidingExpiration)
                {
                    node.Value.LastRead = now;
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    _hits++;
                    value = node.Value.Value;
                    return true;
                }
                Remove(node);
            }
            _misses++;
            value = null;
            return false;
        }
    }

    public void Set(string key, ImageAssessment value)
    {
        var bytes = SizeOf(value);
        if (bytes > options.MaxBytes || options.MaxEntries <= 0) return;
        lock (_lock)
        {
            if (_byKey.TryGetValue(key, out var existing)) Remove(existing);
            var node = _recency.AddFirst(new Entry(key, value, bytes) { LastRead = clock.GetUtcNow() });
            _byKey[key] = node;
            _bytes += bytes;
            while (_byKey.Count > options.MaxEntries || _bytes > options.MaxBytes) Remove(_recency.Last!);
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _byKey.Remove(node.Value.Key);
        _bytes -= node.Value.Bytes;
    }

    /// <summary>
    /// What an assessment holds on the heap, approximately: per face its 112×112 crop, its encoding and landmarks,
    /// plus a fixed allowance for the records, strings and timings. Pixels of the picture itself are never kept.
    /// </summary>
    public static long SizeOf(ImageAssessment value)
    {
        const long Overhead = 4096, PerFace = 1024;
        var faces = value.Reading is { } reading ? new[] { reading.Primary }.Concat(reading.Others).OfType<FaceReading>() : [];
        return Overhead + faces.Sum(f => PerFace + f.Aligned.Pixels.Length
            + 4L * (f.Encoding.Embedding.Length + f.Encoding.RegionFeatures.Length) + 8L * (f.Landmarks68.Length + f.Landmarks5.Length));
    }
}
