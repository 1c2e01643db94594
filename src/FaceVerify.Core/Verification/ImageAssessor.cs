using FaceVerify.Core.Analysis;
using FaceVerify.Core.Imaging;
using Microsoft.Extensions.Options;
using FaceVerify.Contracts;

namespace FaceVerify.Core.Verification;

/// <summary>Cache of ID-photo assessments (<c>FaceVerify:IdPhotoCache</c>).</summary>
public sealed record IdPhotoCacheOptions
{
    public bool Enabled { get; init; } = true;
    public int MaxEntries { get; init; } = 2000;
    /// <summary>Bound of the cache's approximate heap size (<see cref="IdPhotoCache.SizeOf"/>; about 45 KB per one-face photo).</summary>
    public long MaxBytes { get; init; } = 128L * 1024 * 1024;
    public TimeSpan SlidingExpiration { get; init; } = TimeSpan.FromHours(6);
}

/// <summary>
/// Decodes and analyses an image. ID photos are cached by their sha256: the same photo is checked at
/// upload and then read again at every exam session, and its measurements never change.
/// </summary>
public sealed class ImageAssessor(IImageDecoder decoder, IFaceAnalyzer analyzer, IOptions<IdPhotoCacheOptions> cacheOptions, IdPhotoCache idPhotos)
{

    public ImageAssessment AssessIdPhoto(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (!cacheOptions.Value.Enabled) return Assess(bytes, AnalysisScope.IdPhoto, cancellationToken);
        var key = Sha256Hex.Of(bytes.Span);
        if (idPhotos.TryGet(key, out var cached) && cached is not null)
            return cached with { TimingsMs = new Dictionary<string, double> { ["cacheHit"] = 1 } };
        var assessment = Assess(bytes, AnalysisScope.IdPhoto, cancellationToken);
        idPhotos.Set(key, assessment);
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
}
