using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Quality;

namespace FaceVerify.Core.Analysis;

/// <summary>What one decoded image shows: every detected face, the full reading of the ones analysed, image measures.</summary>
public sealed record ImageReading
{
    public required ImageFacts Image { get; init; }
    /// <summary>All detections, most confident first.</summary>
    public required IReadOnlyList<DetectedFace> Detections { get; init; }
    /// <summary>The largest face, fully analysed; null when there is no face.</summary>
    public FaceReading? Primary { get; init; }
    /// <summary>Readings of the other faces (only when every face was asked for).</summary>
    public IReadOnlyList<FaceReading> Others { get; init; } = [];
    public required double Colourfulness { get; init; }
    public BackgroundReading? Background { get; init; }
}
