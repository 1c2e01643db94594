using System.CommandLine;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Training;
using FaceVerify.Core.Policy;
using FaceVerify.Core.Pose;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Commands;

/// <summary>
/// <c>study-pose-cascade [--data DIR] [--readings CSV] [--safe-fraction F]</c>: whether the landmarks can stand in for the
/// pose network on clearly frontal heads without changing a pose-rule decision (<see cref="PoseCascadeStudy"/>).
/// </summary>
internal static class StudyPoseCascadeCommand
{
    public static Command Build()
    {
        var data = new Option<string?>("--data") { Description = "the shared data root (default: FACEVERIFY_SHARED_DATA, else ../shared/data)" };
        var readingsCsv = new Option<string?>("--readings") { Description = "cache of the per-face readings (no file names): read if it exists, else written" };
        var safe = new Option<double>("--safe-fraction") { DefaultValueFactory = _ => 0.75, Description = "inside the box the network may read at most this fraction of the tightest built-in limits" };
        var look = new Option<string?>("--look") { Description = "write every held-out picture with a flipped decision as PNG into this folder, to look at" };
        var fixedBox = new Option<double[]?>("--box") { Arity = new ArgumentArity(3, 3), AllowMultipleArgumentsPerToken = true, Description = "check this box (yaw pitch roll, degrees) instead of choosing one" };
        var command = new Command("study-pose-cascade", "Choose and check the frontal box in which the landmarks replace the pose network") { data, readingsCsv, safe, look, fixedBox };
        command.SetAction(async (parse, ct) =>
        {
            var root = parse.GetValue(data) ?? SharedData.Root;
            using var provider = CliHost.Build(o => o["FaceVerify:Models:IntraOpThreads"] = "1");
            List<PoseCascadeReading> readings;
            if (parse.GetValue(readingsCsv) is { } cached && File.Exists(cached))
                readings = File.ReadLines(cached).Skip(1).Select(PoseCascadeReading.FromCsv).ToList();
            else
            {
                var samples = PoseCascadeSamples.Load(root);
                readings = await new PoseCascadeReader(provider).ReadAllAsync(samples, ct);
                Console.Out.WriteLine($"{samples.Count} pictures, {readings.Count} with a face.");
                if (parse.GetValue(readingsCsv) is { } path)
                    File.WriteAllLines(path, readings.Select(r => r.ToCsv()).Prepend(PoseCascadeReading.Header));
            }
            var catalog = provider.GetRequiredService<PolicyCatalog>();
            var limits = new[] { "default", "strict" }.SelectMany(n =>
            {
                catalog.TryGet(n, out var p);
                return new[] { new PoseLimit($"{n}.idPhoto", p.IdPhoto.MaxYaw, p.IdPhoto.MaxPitch, p.IdPhoto.MaxRoll),
                    new PoseLimit($"{n}.snapshot", p.Snapshot.MaxYaw, p.Snapshot.MaxPitch, p.Snapshot.MaxRoll) };
            }).ToList();
            Console.Out.WriteLine($"{readings.Count(r => r.Fit)} faces in the fit half, {readings.Count(r => !r.Fit)} held out (split by person within each source).");
            var study = new PoseCascadeStudy(readings, limits, parse.GetValue(safe), Console.Out);
            var box = study.ChooseBox(study.Calibrate(new PoseOptions()));
            if (parse.GetValue(fixedBox) is [var yaw, var pitch, var roll])
            {
                box = box with { FrontalMaxYaw = yaw, FrontalMaxPitch = pitch, FrontalMaxRoll = roll };
                Console.Out.WriteLine($"Checked instead: the given box {yaw}° / {pitch}° / {roll}°.");
            }
            var flipped = study.Report(box);
            if (parse.GetValue(look) is { } folder)
            {
                Directory.CreateDirectory(folder);
                foreach (var picture in flipped)
                {
                    using var image = SixLabors.ImageSharp.Image.Load(Path.Combine(root, picture));
                    await SixLabors.ImageSharp.ImageExtensions.SaveAsPngAsync(image, Path.Combine(folder, picture.Replace('/', '_') + ".png"), ct);
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
