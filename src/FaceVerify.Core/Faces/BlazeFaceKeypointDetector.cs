using FaceVerify.Core.Imaging;
using FaceVerify.Core.Models;

namespace FaceVerify.Core.Faces;

/// <summary>
/// MediaPipe BlazeFace (short range, 128×128, NHWC, RGB in [−1, 1]) run on a square 1.6× the detected box, used
/// only for its key points: it was trained with masked faces in view and places eyes, nose and mouth on them
/// where fr_landmark.onnx drifts. Its 896 anchors (16×16×2 at stride 8, 8×8×6 at stride 16) each regress a box
/// and six points as offsets in input pixels from the anchor centre; the best-scoring anchor is the face.
/// </summary>
public sealed class BlazeFaceKeypointDetector : IFaceKeypointDetector, IDisposable
{
    private const int Size = 128;
    private const float CropScale = 1.6f;
    private static readonly TensorLayout Layout = TensorLayout.Uniform(ChannelOrder.Rgb, 127.5f, 1 / 127.5f);
    private static readonly (int Cells, int Anchors, string Scores, string Regressors)[] Grids =
        [(16, 2, "Identity:0", "Identity_2:0"), (8, 6, "Identity_1:0", "Identity_3:0")];
    private readonly OnnxModel _model;
    private readonly (int Scores, int Regressors)[] _outputs;

    public BlazeFaceKeypointDetector(OnnxModelLoader loader)
    {
        _model = loader.Load("keypoints");
        _outputs = Grids.Select(g => (_model.OutputIndex(g.Scores), _model.OutputIndex(g.Regressors))).ToArray();
    }

    public FaceKeypoints? Detect(RgbImage image, FaceBox box)
    {
        var side = MathF.Max(box.Width, box.Height) * CropScale;
        float x0 = box.CenterX - side / 2, y0 = box.CenterY - side / 2;
        // Black outside the picture needs the general warp; a crop wholly inside it takes the vectorised resampler
        // (the same bilinear taps, several times faster).
        var inside = x0 >= 0 && y0 >= 0 && x0 + side <= image.Width - 1 && y0 + side <= image.Height - 1;
        var planar = PixelSampler.ToTensor(image, Affine.ForCrop(x0, y0, side, side, Size, Size), Size, Size, Layout, outsideBlack: !inside);
        var outputs = _model.Run(Interleave(planar));

        var (bestScore, bestGrid, bestIndex) = (float.NegativeInfinity, -1, -1);
        for (var g = 0; g < Grids.Length; g++)
        {
            var scores = outputs[_outputs[g].Scores];
            for (var i = 0; i < scores.Length; i++)
                if (scores[i] > bestScore) (bestScore, bestGrid, bestIndex) = (scores[i], g, i);
        }
        if (bestGrid < 0) return null;

        var (cells, anchors, _, _) = Grids[bestGrid];
        var cell = bestIndex / anchors;
        var anchorX = (cell % cells + 0.5f) / cells * side;
        var anchorY = (cell / cells + 0.5f) / cells * side;
        var regressors = outputs[_outputs[bestGrid].Regressors];
        var row = 16 * bestIndex;
        var scale = side / Size;
        Point2 At(int k) => new(x0 + anchorX + regressors[row + k] * scale, y0 + anchorY + regressors[row + k + 1] * scale);
        var centre = At(0);
        // An anchor off the detected face (another face in the crop, or nothing face-like) is not this face's points.
        if (centre.X < box.X || centre.X > box.Right || centre.Y < box.Y || centre.Y > box.Bottom) return null;
        var points = new FaceKeypoints(At(4), At(6), At(8), At(10));
        return points.EyeDistance >= 0.1f * box.Width ? points : null;
    }

    /// <summary>Planar RGB (what the sampler writes) to the interleaved HWC this model takes.</summary>
    private static float[] Interleave(float[] planar)
    {
        const int plane = Size * Size;
        var hwc = new float[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            hwc[3 * i] = planar[i];
            hwc[3 * i + 1] = planar[plane + i];
            hwc[3 * i + 2] = planar[2 * plane + i];
        }
        return hwc;
    }

    public void Dispose() => _model.Dispose();
}
