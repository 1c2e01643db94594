using System.Globalization;
using FaceVerify.Core.Challenge;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Pose;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Training;

/// <summary>
/// The pose network's reading and the raw landmark readings of one picture's largest face (the face the service judges).
/// Landmark readings are null where the points are degenerate; <see cref="LandmarkPose"/> turns them into degrees.
/// <paramref name="Picture"/> is relative to the data root, so a flipped decision can be looked at.
/// </summary>
internal sealed record PoseCascadeReading(string Picture, string Source, string Group, string Class, bool Fit,
    double ModelYaw, double ModelPitch, double ModelRoll, double? YawRatio, double? PitchRatio, double? Roll)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    public const string Header = "picture,source,group,class,fit,model_yaw,model_pitch,model_roll,yaw_ratio,pitch_ratio,roll";

    public string ToCsv() => string.Join(',', Picture, Source, Group.Replace(',', ' '), Class.Replace(',', ' '), Fit ? "1" : "0",
        ModelYaw.ToString("0.###", Inv), ModelPitch.ToString("0.###", Inv), ModelRoll.ToString("0.###", Inv),
        YawRatio?.ToString("0.######", Inv) ?? "", PitchRatio?.ToString("0.######", Inv) ?? "", Roll?.ToString("0.####", Inv) ?? "");

    public static PoseCascadeReading FromCsv(string line)
    {
        var c = line.Split(',');
        static double? N(string s) => s.Length == 0 ? null : double.Parse(s, Inv);
        return new(c[0], c[1], c[2], c[3], c[4] == "1", double.Parse(c[5], Inv), double.Parse(c[6], Inv), double.Parse(c[7], Inv), N(c[8]), N(c[9]), N(c[10]));
    }
}

/// <summary>Decode, detect, 68 landmarks and the pose network on the largest face, as <see cref="FaceVerify.Core.Analysis.FaceAnalyzer"/> does; nothing else.</summary>
internal sealed class PoseCascadeReader(IServiceProvider services)
{
    private readonly IImageDecoder _decoder = services.GetRequiredService<IImageDecoder>();
    private readonly IFaceDetector _detector = services.GetRequiredService<IFaceDetector>();
    private readonly ILandmarkDetector _landmarks = services.GetRequiredService<ILandmarkDetector>();
    private readonly IHeadPoseEstimator _pose = services.GetRequiredService<IHeadPoseEstimator>();

    public PoseCascadeReading? Read(PoseCascadeSample sample, CancellationToken ct)
    {
        if (!File.Exists(sample.File)) return null;
        var image = _decoder.Decode(File.ReadAllBytes(sample.File), ct).Image;
        if (image is null) return null;
        var face = _detector.Detect(image.Image).OrderByDescending(d => d.Box.Area).FirstOrDefault();
        if (face is null) return null;
        var points = _landmarks.Detect(image.Image, face.Box);
        var pose = _pose.Estimate(image.Image, face.Box);
        return new(sample.Picture, sample.Source, sample.Group, sample.Class, sample.Fit, pose.Yaw, pose.Pitch, pose.Roll,
            LandmarkTurn.Ratio(points), LandmarkPose.PitchRatio(points), LandmarkPose.Roll(points));
    }

    public async Task<List<PoseCascadeReading>> ReadAllAsync(IReadOnlyList<PoseCascadeSample> samples, CancellationToken ct) =>
        (await ParallelReads.InOrderAsync(samples.Count, (i, token) => Read(samples[i], token), "pose readings", 100, ct)).OfType<PoseCascadeReading>().ToList();
}
