using FaceVerify.Core.Analysis;
using FaceVerify.Core.Imaging;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using FaceVerify.Contracts;

namespace FaceVerify.Core.Verification;

/// <summary>Cache of ID-photo assessments (<c>FaceVerify:IdPhotoCache</c>).</summary>
public sealed record IdPhotoCacheOptions
{
    public bool Enabled { get; init; } = true;
    public int MaxEntries { get; init; } = 2000;
    public TimeSpan SlidingExpiration { get; init; } = TimeSpan.FromHours(6);
}

/// <summary>
/// Decodes and analyses an image. ID photos are cached by their sha256: the same photo is checked at
/// upload and then read again at every exam session, and its measurements never change.
/// </summary>
public sealed class ImageAssessor(IImageDecoder decoder, IFaceAnalyzer analyzer, IOptions<IdPhotoCacheOptions> cacheOptions) : IDisposable
{
    private readonly MemoryCache _idPhotos = new(new MemoryCacheOptions { SizeLimit = cacheOptions.Value.MaxEntries });

    public ImageAssessment AssessIdPhoto(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (!cacheOptions.Value.Enabled) return Assess(bytes, AnalysisScope.IdPhoto, cancellationToken);
        var key = Sha256Hex.Of(bytes.Span);
        if (_idPhotos.TryGetValue(key, out ImageAssessment? cached) && cached is not null)
            return cached with { TimingsMs = new Dictionary<string, double> { ["cacheHit"] = 1 } };
        var assessment = Assess(bytes, AnalysisScope.IdPhoto, cancellationToken);
        _idPhotos.Set(key, assessment, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = cacheOptions.Value.SlidingExpiration });
        return assessment;
    }

    public ImageAssessment Assess(ReadOnlyMemory<byte> bytes, AnalysisScope scope, CancellationToken cancellationToken)
    {
        var clock = new StageClock();
        var decoded = clock.Time("decode", () => decoder.Decode(bytes, cancellationToken));
        var reading = decoded.Image is { } image ? analyzer.Analyze(image, scope, clock, cancellationToken) : null;
        // Pixels are dropped here so a cached assessment costs kilobytes, not the whole image.
        return new ImageAssessment(decoded with { Image = null }, reading, clock.Milliseconds.ToDictionary());
    }

    public void Dispose() => _idPhotos.Dispose();
}
