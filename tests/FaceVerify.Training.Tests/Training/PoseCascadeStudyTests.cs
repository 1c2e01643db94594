using FaceVerify.Cli.Training;
using FaceVerify.Core.Pose;

namespace FaceVerify.Cli.Tests.Training;

/// <summary>
/// study-pose-cascade's arithmetic on made-up readings: the pitch calibration recovers the scale it was made with, the
/// chosen box keeps out a fit face the network reads beyond the safe fraction, and a held-out face inside the box whose
/// network reading breaks only the strict limit counts as one flip there and nowhere else.
/// </summary>
public sealed class PoseCascadeStudyTests
{
    private static readonly PoseLimit[] Limits =
    [
        new("default.idPhoto", 15, 20, 15), new("default.snapshot", 25, 25, 20),
        new("strict.idPhoto", 12, 20, 12), new("strict.snapshot", 22, 25, 20),
    ];

    [Fact]
    public void The_box_keeps_out_what_the_network_reads_as_turned_and_held_out_flips_are_counted_per_limit()
    {
        var random = new Random(7);
        var readings = new List<PoseCascadeReading>();
        for (var i = 0; i < 2000; i++)
        {
            double yaw = random.NextDouble() * 20 - 10, pitch = random.NextDouble() * 20 - 10, roll = random.NextDouble() * 20 - 10;
            readings.Add(Face($"f{i}", fit: i % 2 == 0, yaw, pitch, roll, network: new HeadPose(yaw, pitch, roll)));
        }
        // A fit face the landmarks read as 5° of yaw that the network reads as 20°: no chosen box may hold it.
        readings.Add(Face("outlier", fit: true, 5, 0, 0, network: new HeadPose(20, 0, 0)));
        // A held-out face well inside any box whose network yaw breaks only strict.idPhoto's 12°.
        readings.Add(Face("strict-only", fit: false, 0.5, 0.5, 0.5, network: new HeadPose(13, 0, 0)));

        var output = new StringWriter();
        var study = new PoseCascadeStudy(readings, Limits, 0.75, output);
        var calibrated = study.Calibrate(new PoseOptions());
        Assert.Equal(0.44, calibrated.FrontalPitchRatio, 0.01);
        Assert.Equal(-56, calibrated.PitchPerRatio, 2.0);

        var box = study.ChooseBox(calibrated);
        Assert.True(box.FrontalMaxYaw < 5, $"the box must leave out the outlier: {box.FrontalMaxYaw}");
        Assert.True(box.FrontalMaxYaw >= 1 && box.FrontalMaxPitch >= 1 && box.FrontalMaxRoll >= 1);
        Assert.True(box.FrontalMaxPitch <= 15 && box.FrontalMaxRoll <= 9, "never wider than 75 % of the tightest limits");

        var flipped = study.Report(box);
        Assert.Equal(["strict-only"], flipped);
        var text = output.ToString();
        Assert.Contains("| strict.idPhoto (12 / 20 / 12) | 3003 | 1 / 0 / 0 |", text);
        Assert.Contains("| default.idPhoto (15 / 20 / 15) | 3003 | 0 / 0 / 0 |", text);
    }

    /// <summary>A face whose landmarks read the given degrees (with the study's own pitch scale) and the network the given pose.</summary>
    private static PoseCascadeReading Face(string picture, bool fit, double yaw, double pitch, double roll, HeadPose network) =>
        new(picture, "synthetic", picture, "frontal", fit, network.Yaw, network.Pitch, network.Roll, yaw / 105, 0.44 + pitch / -56, roll);
}
