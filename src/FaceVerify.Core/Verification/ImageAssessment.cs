using FaceVerify.Core.Analysis;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Verification;

/// <summary>An image's decode outcome (pixels dropped) and reading; what a cache can keep.</summary>
public sealed record ImageAssessment(DecodeOutcome Decoded, ImageReading? Reading, IReadOnlyDictionary<string, double> TimingsMs);
