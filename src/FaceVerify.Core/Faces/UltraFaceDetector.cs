using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Faces;

/// <summary>
/// The UltraFace RFB-320 style detector of fr_detect.onnx. Its outputs are already decoded boxes
/// (relative corners), so the prior-box decoding of the reference code is not needed; suppression is
/// standard IoU NMS by score (the reference orders by bottom edge, which drops the better box).
/// </summary>
public sealed class UltraFaceDetector : IFaceDetector, IDisposable
{
    private const int InputWidth = 320, InputHeight = 240;
    private static readonly TensorLayout Layout = TensorLayout.Uniform(ChannelOrder.Rgb, 127f, 1 / 128f);
    private readonly OnnxModel _model;
    private readonly DetectorOptions _options;
    private readonly int _scoresIndex, _boxesIndex;

    public UltraFaceDetector(OnnxModelLoader loader, IOptions<DetectorOptions> options)
    {
        _model = loader.Load("detector");
        _options = options.Value;
        _scoresIndex = _model.OutputIndex("scores");
        _boxesIndex = _model.OutputIndex("boxes");
    }

    public IReadOnlyList<DetectedFace> Detect(RgbImage image)
    {
        // Up to twice the input size (on either side) bilinear sampling is enough; larger photos are area-averaged
        // first, so they do not alias. The same rule as PixelSampler.ResizeArea, on which the thresholds were measured.
        var input = image.Width <= 2 * InputWidth || image.Height <= 2 * InputHeight
            ? PixelSampler.ToTensor(image, Affine.ForCrop(0, 0, image.Width, image.Height, InputWidth, InputHeight), InputWidth, InputHeight, Layout)
            : PixelSampler.ToTensor(PixelSampler.ResizeArea(image, InputWidth, InputHeight), Layout);
        var faces = DetectIn(image, input, 0, 0, image.Width, image.Height);
        if (faces.Count > 0) return faces;
        // The largest anchors (256 px of 320) miss a face that fills the frame, as when a candidate sits
        // close to the webcam: look again with the picture shrunk inside a dark border.
        float padX = image.Width * Padding, padY = image.Height * Padding;
        float w = image.Width + 2 * padX, h = image.Height + 2 * padY;
        var padded = PixelSampler.ToTensor(image, Affine.ForCrop(-padX, -padY, w, h, InputWidth, InputHeight), InputWidth, InputHeight, Layout, outsideBlack: true);
        return DetectIn(image, padded, -padX, -padY, w, h);
    }

    private const float Padding = 0.35f;

    /// <summary>Runs the model on an input that shows the region (x, y, width, height) of the image.</summary>
    private List<DetectedFace> DetectIn(RgbImage image, float[] input, float x, float y, float width, float height)
    {
        var outputs = _model.Run(input);
        var scores = outputs[_scoresIndex];
        var boxes = outputs[_boxesIndex];
        var candidates = new List<DetectedFace>();
        for (var i = 0; i < scores.Length / 2; i++)
        {
            var score = scores[2 * i + 1];
            if (score < _options.ScoreThreshold) continue;
            var box = FaceBox.FromCorners(x + boxes[4 * i] * width, y + boxes[4 * i + 1] * height,
                x + boxes[4 * i + 2] * width, y + boxes[4 * i + 3] * height);
            if (box.Width > 1 && box.Height > 1 && box.Width < 2 * image.Width) candidates.Add(new DetectedFace(box, score));
        }
        return Suppress(candidates, _options.NmsIou);
    }

    internal static List<DetectedFace> Suppress(List<DetectedFace> candidates, float iou)
    {
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var kept = new List<DetectedFace>();
        foreach (var face in candidates)
            if (kept.TrueForAll(k => k.Box.IntersectionOverUnion(face.Box) <= iou)) kept.Add(face);
        return kept;
    }

    public void Dispose() => _model.Dispose();
}
