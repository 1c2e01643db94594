using System.CommandLine;
using System.Globalization;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Output;
using FaceVerify.Cli.Training;

namespace FaceVerify.Cli.Commands;

/// <summary>
/// <c>train-attributes [--data DIR] [--out FILE] [--manifest FILE]</c>: trains the mask, sunglasses and
/// hair-over-eyes heads on shared/data, prints cross-validated figures, writes the weights and pins their
/// sha256 in the manifest.
/// </summary>
internal static class TrainAttributesCommand
{
    internal sealed record SourceCount(string Source, int Pictures, int NoFace, int WithoutKeypoints);
    internal sealed record ReportedScores(string Source, int Faces, double MaskFlagged, double SunglassesFlagged, double HairFlagged, double MeanMask, double MeanSunglasses, double MeanHair);
    internal sealed record NamedFigures(string Name, AttributeFigures Figures);
    internal sealed record Report(string Weights, string Sha256, IReadOnlyList<SourceCount> Sources, IReadOnlyList<AttributeFigures> Attributes,
        IReadOnlyList<NamedFigures> MaskBySource, int OrdinaryFrontalFaces, double FalseOcclusionRate, double ClearGlassesFlaggedRate,
        HairOverEyesSet.Outcome HairSet, IReadOnlyList<ReportedScores> Reported);

    public static Command Build()
    {
        var data = new Option<string?>("--data") { Description = "the shared data root (default: FACEVERIFY_SHARED_DATA, else ../shared/data)" };
        var output = new Option<string>("--out") { DefaultValueFactory = _ => "models/attributes/occlusion-v3.json" };
        var manifest = new Option<string>("--manifest") { DefaultValueFactory = _ => "models/manifest.json", Description = "its trained entry for the file gets the new sha256" };
        var folds = new Option<int>("--folds") { DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 20261126 };
        var lambda = new Option<double>("--lambda") { DefaultValueFactory = _ => 0.3, Description = "L2 penalty of the logistic heads" };
        var embeddingLambda = new Option<double>("--embedding-lambda") { DefaultValueFactory = _ => 1, Description = "L2 penalty of the 512 embedding features" };
        var audit = new Option<string>("--audit") { DefaultValueFactory = _ => "models/attributes/label-audit.csv", Description = "corrected labels (file,attribute,verdict,note); \"none\" trains on the sets' own labels" };
        var mapLambda = new Option<double>("--map-lambda") { DefaultValueFactory = _ => 3, Description = "L2 penalty of the pooled feature-map features" };
        var f1Tolerance = new Option<double>("--f1-tolerance") { DefaultValueFactory = _ => 0.01, Description = "each threshold is the lowest whose cross-validated F1 is within this of the best (leans to recall)" };
        var sweep = new Option<string[]>("--sweep") { Description = "LAMBDA:EMBEDDING_LAMBDA:MAP_LAMBDA triples: only print cross-validated figures for each (model selection), write nothing" };
        var lfw = new Option<int>("--lfw-per-fold") { DefaultValueFactory = _ => 120, Description = "LFW people per View-2 fold (folds 1–4) as ordinary faces" };
        var maxRate = new Option<double>("--max-ordinary-rate") { DefaultValueFactory = _ => 0.01, Description = "share of ordinary frontal faces one head may flag (cross-validated)" };
        var examples = new Option<string?>("--save-hair-examples") { Description = "folder for a few synthetic hair pictures to look at" };
        var scoresCsv = new Option<string?>("--scores-csv") { Description = "write every training picture's out-of-fold scores (file names and scores only) for error analysis" };
        var mirror = new Option<bool>("--mirror") { Description = "also train on each face mirrored left-right (never counted in the figures)" };
        var gateStudy = new Option<double[]>("--gate-study") { Description = "second-crop gates in eye distances: only print cross-validated figures behind each gate (OcclusionGateStudy), write nothing", AllowMultipleArgumentsPerToken = true };
        var cascadeStudy = new Option<double[]>("--cascade-study") { Description = "key-point skip levels (head probability on the identity crop) behind the 0.20 gate: only print cross-validated figures (OcclusionCascadeStudy), write nothing", AllowMultipleArgumentsPerToken = true };
        var json = CommonOptions.Json();
        var command = new Command("train-attributes", "Train the occlusion heads (mask, sunglasses, hair over the eyes) with cross-validated figures")
            { data, output, manifest, audit, folds, seed, lambda, embeddingLambda, mapLambda, f1Tolerance, sweep, lfw, maxRate, examples, scoresCsv, mirror, gateStudy, cascadeStudy, json };
        command.SetAction(async (parse, ct) =>
        {
            var root = parse.GetValue(data) ?? SharedData.Root;
            if (!Directory.Exists(Path.Combine(root, "occlusion"))) { ConsoleOutput.Error($"{root}: no occlusion data there"); return ExitCodes.UsageOrUnreadable; }
            var s = parse.GetValue(seed);
            var auditPath = parse.GetValue(audit)!;
            var labelAudit = auditPath == "none" ? LabelAudit.None : LabelAudit.Load(auditPath);
            var samples = AttributeSamples.Load(root, parse.GetValue(lfw), s, labelAudit);
            // The heads are fitted on the key-point crop of every face (occlusion v3); the service's gate hands them the
            // identity crop only where the two crops nearly coincide, and --gate-study measures what that costs.
            using var provider = CliHost.Build(o =>
            {
                o["FaceVerify:Models:IntraOpThreads"] = "1";
                o["FaceVerify:Occlusion:SecondCropAbove"] = "0";
            });
            var pass = new FeaturePass(provider);
            var read = await pass.ReadAllAsync(samples.Training, "pictures", ct);
            var reported = await pass.ReadAllAsync(samples.Reported, "reported", ct);
            var donors = reported.Where(r => r.Sample.Source == "forehead_covered").ToList();
            var hair = await HairOverEyesSet.BuildAsync(pass, donors, samples.HairTargets, s, parse.GetValue(examples), ct);

            var training = read.Where(r => r.Detected).Concat(hair.Composites).ToList();
            if (parse.GetValue(mirror)) training.AddRange(training.AsParallel().AsOrdered().Select(pass.Mirror).OfType<FaceSample>().ToList());
            if (parse.GetValue(gateStudy) is { Length: > 0 } gates)
            {
                OcclusionGateStudy.Print(new OcclusionTrainer(parse.GetValue(folds), s, parse.GetValue(lambda), parse.GetValue(embeddingLambda), parse.GetValue(mapLambda), parse.GetValue(maxRate), parse.GetValue(f1Tolerance)),
                    training, gates, parse.GetValue(maxRate), parse.GetValue(f1Tolerance), Console.Out);
                return ExitCodes.Ok;
            }
            if (parse.GetValue(cascadeStudy) is { Length: > 0 } levels)
            {
                OcclusionCascadeStudy.Print(new OcclusionTrainer(parse.GetValue(folds), s, parse.GetValue(lambda), parse.GetValue(embeddingLambda), parse.GetValue(mapLambda), parse.GetValue(maxRate), parse.GetValue(f1Tolerance)),
                    training, new Core.Occlusion.OcclusionOptions().SecondCropAbove, levels, 0.005, parse.GetValue(maxRate), parse.GetValue(f1Tolerance), Console.Out);
                return ExitCodes.Ok;
            }
            if (parse.GetValue(sweep) is { Length: > 0 } penalties)
            {
                foreach (var penalty in penalties)
                {
                    var pair = penalty.Split(':').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                    var cv = new OcclusionTrainer(parse.GetValue(folds), s, pair[0], pair[1], pair.Length > 2 ? pair[2] : parse.GetValue(mapLambda), parse.GetValue(maxRate), parse.GetValue(f1Tolerance)).Train(training, "sweep", [], []);
                    Console.Out.WriteLine($"lambda {penalty}: " + string.Join("  ", cv.Figures.Select(f => $"{f.Attribute} F1 {f.F1:0.000} (P {f.Precision:0.000} R {f.Recall:0.000})")));
                    if (parse.GetValue(scoresCsv) is { } sweepCsv) WriteScores($"{sweepCsv}.{penalty}.csv", root, training, cv);
                }
                return ExitCodes.Ok;
            }
            if (labelAudit.Count > 0) Console.Error.WriteLine($"label audit: {labelAudit.Count} corrected labels from {auditPath}");
            var command = $"faceverify train-attributes --folds {parse.GetValue(folds)} --seed {s} --lambda {parse.GetValue(lambda).ToString(CultureInfo.InvariantCulture)} --embedding-lambda {parse.GetValue(embeddingLambda).ToString(CultureInfo.InvariantCulture)} --map-lambda {parse.GetValue(mapLambda).ToString(CultureInfo.InvariantCulture)} --lfw-per-fold {parse.GetValue(lfw)} --max-ordinary-rate {parse.GetValue(maxRate).ToString(CultureInfo.InvariantCulture)} --f1-tolerance {parse.GetValue(f1Tolerance).ToString(CultureInfo.InvariantCulture)} --audit {auditPath}" + (parse.GetValue(mirror) ? " --mirror" : "");
            var trainer = new OcclusionTrainer(parse.GetValue(folds), s, parse.GetValue(lambda), parse.GetValue(embeddingLambda), parse.GetValue(mapLambda), parse.GetValue(maxRate), parse.GetValue(f1Tolerance));
            var outcome = trainer.Train(training, Path.GetFileNameWithoutExtension(parse.GetValue(output)!), samples.HeldOut,
                new Dictionary<string, string> { ["command"] = command, ["data"] = DataNote });

            if (parse.GetValue(scoresCsv) is { } csv) WriteScores(csv, root, training, outcome);
            var outPath = parse.GetValue(output)!;
            var sha = await WeightsFile.WriteAsync(outPath, outcome.Model.ToJson(), ct);
            var pinned = WeightsFile.PinInManifest(parse.GetValue(manifest)!, Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(outPath)))! + "/" + Path.GetFileName(outPath), sha);

            var report = BuildReport(outPath, sha, read.Concat(reported).ToList(), training, outcome, hair, reported);
            if (parse.GetValue(json)) ConsoleOutput.JsonLine(report);
            else Print(report, pinned);
            return ExitCodes.Ok;
        });
        return command;
    }

    private const string DataNote =
        "shared/data: occlusion/mask/chandrikadeb7 (with_mask, every 10th held out; without_mask), occlusion/sunglasses/selfies_with_sunglasses (every 10th held out), "
        + "occlusion/glasses/yale_faces (all but subject 03 glasses, as negatives), hair_forehead/celebamaskhq_male_forehead (class 2 as negatives, class 0 as hair donors), "
        + "identity/lfw folds 1-4 (seeded sample, one image per person; other people of those folds as synthetic hair targets); "
        + "labels corrected by models/attributes/label-audit.csv (every sunglasses and masked picture, and every LFW, without_mask and CelebA-HQ negative looked at)";

    private static Report BuildReport(string outPath, string sha, List<FaceSample> everything, List<FaceSample> training, TrainingOutcome outcome,
        HairOverEyesSet.Outcome hair, List<FaceSample> reported)
    {
        var sources = everything.GroupBy(r => r.Sample.Source).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SourceCount(g.Key, g.Count(), g.Count(r => !r.Detected), g.Count(r => r.View is { OnKeypoints: false }))).ToList();
        var t = outcome.Figures.Select(f => f.Threshold).ToArray();
        bool AnyFlag(double[] scores) => scores.Where((v, h) => v > t[h]).Any();
        var ordinary = Enumerable.Range(0, training.Count).Where(i => OcclusionTrainer.IsOrdinaryFrontal(training[i]) && training[i].Sample.Source == "lfw").ToList();
        var clear = Enumerable.Range(0, training.Count).Where(i => !training[i].Sample.Mirrored && training[i].Sample.Source == "yale_clear_glasses").ToList();
        var reportedScores = reported.Where(r => r.Detected).GroupBy(r => r.Sample.Source).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var scores = g.Select(r => outcome.Model.Score(r.Features!)).ToList();
            return new ReportedScores(g.Key, scores.Count,
                Share(scores, o => o.Mask > t[0]), Share(scores, o => o.Sunglasses > t[1]), Share(scores, o => o.HairOverEyes > t[2]),
                R(scores.Average(o => o.Mask)), R(scores.Average(o => o.Sunglasses)), R(scores.Average(o => o.HairOverEyes)));
        }).ToList();
        return new Report(outPath, sha, sources, outcome.Figures, MaskBySource(everything, training, outcome), ordinary.Count,
            ordinary.Count == 0 ? 0 : R((double)ordinary.Count(i => AnyFlag(outcome.OutOfFold[i])) / ordinary.Count),
            clear.Count == 0 ? 0 : R((double)clear.Count(i => AnyFlag(outcome.OutOfFold[i])) / clear.Count),
            hair with { Composites = [] }, reportedScores);
    }

    private static List<NamedFigures> MaskBySource(List<FaceSample> everything, List<FaceSample> training, TrainingOutcome outcome)
    {
        var head = Array.IndexOf(OcclusionTrainer.Heads, Training.Attribute.Mask);
        var scored = Enumerable.Range(0, training.Count).Where(i => !training[i].Sample.Mirrored)
            .Select(i => (training[i].Sample, outcome.OutOfFold[i][head])).ToList();
        return MaskBreakdown.Of(scored, everything.Count(r => !r.Detected && r.Sample.Mask == true), outcome.Figures[head].Threshold)
            .Select(b => new NamedFigures(b.Name, b.Figures)).ToList();
    }

    private static void WriteScores(string path, string root, List<FaceSample> training, TrainingOutcome outcome)
    {
        static string L(bool? v) => v is null ? "" : v.Value ? "1" : "0";
        static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
        var lines = Enumerable.Range(0, training.Count).Where(i => !training[i].Sample.Mirrored).Select(i =>
        {
            var s = training[i];
            return string.Join(',', Path.GetRelativePath(root, s.Sample.File), s.Sample.Source, L(s.Sample.Mask), L(s.Sample.Sunglasses), L(s.Sample.Hair),
                string.Join(',', outcome.OutOfFold[i].Select(v => F(v, "0.0000"))), F(s.Reading!.Pose.Yaw, "0.0"));
        });
        File.WriteAllLines(path, lines.Prepend("file,source,mask,sunglasses,hair,oof_mask,oof_sunglasses,oof_hair,yaw"));
    }

    private static double Share<T>(List<T> items, Func<T, bool> test) => items.Count == 0 ? 0 : R((double)items.Count(test) / items.Count);
    private static double R(double v) => Math.Round(v, 4);

    private static void Print(Report r, bool pinned)
    {
        Console.Out.WriteLine("pictures through the full pipeline (no face = the detector found none; those are left out):");
        foreach (var s in r.Sources) Console.Out.WriteLine($"  {s.Source,-26} {s.Pictures,5} pictures, {s.NoFace,4} without a detected face, {s.WithoutKeypoints,3} read on the identity crop (no key points)");
        Console.Out.WriteLine($"  synthetic hair: {r.HairSet.DonorsUsable}/{r.HairSet.DonorsTried} donors usable, {r.HairSet.TargetsWithoutFace} targets and {r.HairSet.CompositesWithoutFace} composites without a face");
        Console.Out.WriteLine("cross-validated (out-of-fold) figures at the chosen thresholds:");
        foreach (var f in r.Attributes)
            Console.Out.WriteLine($"  {f.Attribute,-13} threshold {f.Threshold:0.0000}  {f.Positives} pos / {f.Negatives} neg  precision {f.Precision:P1}  recall {f.Recall:P1}  F1 {f.F1:0.000}  ordinary frontal flagged {f.OrdinaryFlaggedRate:P2}");
        foreach (var m in r.MaskBySource)
            Console.Out.WriteLine($"  mask head, {m.Name}: {m.Figures.Positives} pos / {m.Figures.Negatives} neg  precision {m.Figures.Precision:P1}  recall {m.Figures.Recall:P1}  F1 {m.Figures.F1:0.000}");
        Console.Out.WriteLine($"false-occlusion rate (any head) on {r.OrdinaryFrontalFaces} frontal LFW faces: {r.FalseOcclusionRate:P2}; Yale clear glasses flagged: {r.ClearGlassesFlaggedRate:P1}");
        Console.Out.WriteLine("pictures never trained on, scored by the final heads (share flagged: mask / sunglasses / hair; mean scores):");
        foreach (var s in r.Reported)
            Console.Out.WriteLine($"  {s.Source,-26} {s.Faces,4} faces  {s.MaskFlagged:P0} / {s.SunglassesFlagged:P0} / {s.HairFlagged:P0}   ({s.MeanMask:0.00} / {s.MeanSunglasses:0.00} / {s.MeanHair:0.00})");
        Console.Out.WriteLine($"weights: {r.Weights} sha256 {r.Sha256} ({(pinned ? "pinned in the manifest" : "NOT in the manifest: add a trained entry")})");
    }
}
