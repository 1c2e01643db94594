using FaceVerify.Core.Analysis;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Verification;

namespace FaceVerify.Core.Tests;

/// <summary>The ID-photo cache stays within its entry and byte bounds, evicts the least recently read first, and counts its hits.</summary>
public sealed class IdPhotoCacheTests
{
    [Fact]
    public void It_holds_no_more_entries_than_allowed_and_evicts_the_least_recently_read()
    {
        var cache = new IdPhotoCache(new IdPhotoCacheOptions { MaxEntries = 2 }, new ManualClock());
        cache.Set("a", Assessment(faces: 1));
        cache.Set("b", Assessment(faces: 1));
        Assert.True(cache.TryGet("a", out _));

        cache.Set("c", Assessment(faces: 1));

        Assert.Equal(2, cache.Entries);
        Assert.True(cache.TryGet("a", out _));
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal(3, cache.Hits);
        Assert.Equal(1, cache.Misses);
    }

    [Fact]
    public void It_holds_no_more_bytes_than_allowed()
    {
        var one = IdPhotoCache.SizeOf(Assessment(faces: 1));
        Assert.True(one > 112 * 112 * 3, "a face's crop must count");
        var cache = new IdPhotoCache(new IdPhotoCacheOptions { MaxEntries = 100, MaxBytes = 3 * one + one / 2 }, new ManualClock());

        for (var i = 0; i < 10; i++) cache.Set($"k{i}", Assessment(faces: 1));

        Assert.Equal(3, cache.Entries);
        Assert.True(cache.Bytes <= 3 * one + one / 2);
        Assert.True(cache.TryGet("k9", out _));
        Assert.False(cache.TryGet("k6", out _));
    }

    [Fact]
    public void An_assessment_larger_than_the_whole_bound_is_not_kept_and_evicts_nothing()
    {
        var cache = new IdPhotoCache(new IdPhotoCacheOptions { MaxBytes = IdPhotoCache.SizeOf(Assessment(faces: 1)) * 2 }, new ManualClock());
        cache.Set("small", Assessment(faces: 1));

        cache.Set("crowd", Assessment(faces: 5));

        Assert.False(cache.TryGet("crowd", out _));
        Assert.True(cache.TryGet("small", out _));
    }

    [Fact]
    public void An_entry_unread_for_the_sliding_expiration_is_gone()
    {
        var clock = new ManualClock();
        var cache = new IdPhotoCache(new IdPhotoCacheOptions { SlidingExpiration = TimeSpan.FromHours(1) }, clock);
        cache.Set("a", Assessment(faces: 1));
        clock.Advance(TimeSpan.FromMinutes(50));
        Assert.True(cache.TryGet("a", out _));
        clock.Advance(TimeSpan.FromMinutes(50));
        Assert.True(cache.TryGet("a", out _));

        clock.Advance(TimeSpan.FromMinutes(61));

        Assert.False(cache.TryGet("a", out _));
        Assert.Equal(0, cache.Entries);
        Assert.Equal(0, cache.Bytes);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }

    private static ImageAssessment Assessment(int faces)
    {
        var readings = Enumerable.Range(0, faces).Select(_ => Face()).ToList();
        var decoded = new DecodeOutcome(null, DecodeProblem.None, "", "jpeg", 1000, "sha");
        return new ImageAssessment(decoded, new ImageReading
        {
            Image = null!, Detections = [], Primary = readings[0], Others = readings.Skip(1).ToList(), Colourfulness = 0,
        }, new Dictionary<string, double>());
    }

    private static FaceReading Face() => new()
    {
        Detection = null!, Landmarks68 = new Point2[68], Landmarks5 = new Point2[5],
        Encoding = new FaceEncoding(new float[512], new float[1024]), Pose = null!, Eyes = null!, Quality = null!,
        Aligned = new RgbImage(112, 112, new byte[112 * 112 * 3]),
    };
}
