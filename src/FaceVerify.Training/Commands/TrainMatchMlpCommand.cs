using System.CommandLine;
using System.Globalization;
using FaceVerify.Cli.Evaluation;
using FaceVerify.Cli.Training;

namespace FaceVerify.Cli.Commands;

/// <summary>
/// <c>train-match-mlp [--hidden 64] [--epochs 100] [--lr 1e-4] [--margin 0.45]</c>: a residual MLP on the frozen
/// embedding (<see cref="ResidualMlp"/>) trained on East Asian CALIBRATION people, 5 folds by person: TAR at each
/// group's own FAR-0.1% point out of fold, the web portraits' threshold placed on the out-of-fold scores, then the
/// evaluation people and LFW folds 1–6 overall at that threshold with the map trained on all calibration people.
/// <c>--epochs 0</c> is the untrained map (the identity): today's embedding through the same path.
/// </summary>
internal static class TrainMatchMlpCommand
{
    private static readonly string[] EastAsian = TrainMatchAdaptationCommand.EastAsian;

    public static Command Build()
    {
        var cache = new Option<string>("--cache") { DefaultValueFactory = _ => Path.Combine("artifacts", "match-vectors.bin") };
        var hidden = new Option<int>("--hidden") { DefaultValueFactory = _ => 64 };
        var epochs = new Option<int>("--epochs") { DefaultValueFactory = _ => 100 };
        var rate = new Option<double>("--lr") { DefaultValueFactory = _ => 1e-4 };
        var margin = new Option<double>("--margin") { DefaultValueFactory = _ => 0.45 };
        var decay = new Option<double>("--weight-decay") { DefaultValueFactory = _ => 1e-4 };
        var gates = new Option<string?>("--gates") { Description = "match-gates output: also TAR over pairs whose probe passes the snapshot rules" };
        var folds = new Option<int>("--folds") { DefaultValueFactory = _ => 5 };
        var lfwHalf = new Option<bool>("--with-lfw-half")
        {
            Description = "Also train on the LFW control people of one half (by person, seeded; those with 2+ pictures), so the map keeps other faces apart too; LFW is then also measured on the other half alone",
        };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => MatchSets.DefaultSeed };
        var command = new Command("train-match-mlp", "Residual MLP on the embedding, East Asian calibration people, folds by person") { cache, hidden, epochs, rate, margin, decay, gates, folds, lfwHalf, seed };
        command.SetAction(async (parse, ct) =>
        {
            var images = MatchSets.Build(SharedData.Root, parse.GetValue(seed));
            using var provider = CliHost.Build(o => o["FaceVerify:Models:IntraOpThreads"] = "1");
            var table = await MatchVectorCache.BuildAsync(images.Select(i => i.File).Distinct().ToList(), GroupedMatch.Extractor(provider), parse.GetValue(cache), ct);
            float[]? Plain(string file) => table.GetValueOrDefault(file)?.Plain;
            var options = new MlpOptions(parse.GetValue(hidden), parse.GetValue(epochs), parse.GetValue(rate), parse.GetValue(decay), parse.GetValue(margin), Seed: parse.GetValue(seed));
            Console.Out.WriteLine($"options: {options}");
            var calibration = images.Where(i => i.Split == MatchSets.Calibration).ToList();
            var foldOf = GroupFolds.Assign(calibration.Select(i => i.Identity).ToList(), parse.GetValue(folds), parse.GetValue(seed));
            var control = images.Where(i => i.Group == MatchSets.LfwOther).ToList();
            var halfOf = GroupFolds.Assign(control.Select(i => i.Identity).ToList(), 2, parse.GetValue(seed));
            var lfwTrain = parse.GetValue(lfwHalf)
                ? control.Where((_, i) => halfOf[i] == 0).GroupBy(i => i.Identity).Where(g => g.Count() > 1).SelectMany(g => g).ToList()
                : [];
            var lfwTrainPeople = lfwTrain.Select(i => i.Identity).ToHashSet(StringComparer.Ordinal);
            var outOfFold = new Dictionary<string, float[]?>(StringComparer.Ordinal);
            for (var k = 0; k < parse.GetValue(folds); k++)
            {
                var fold = k;
                var mlp = Train(calibration.Where((_, i) => foldOf[i] != fold).Concat(lfwTrain), Plain, options);
                foreach (var file in calibration.Where((_, i) => foldOf[i] == fold).Select(i => i.File).Distinct())
                    outOfFold[file] = Plain(file) is { } v ? mlp.Apply(v) : null;
                Console.Error.WriteLine($"fold {k} trained");
            }
            var scores = MatchAdaptationStudy.InsideFolds(calibration, foldOf, f => outOfFold[f]);
            var own = GroupedMatch.Figures(scores, threshold: 1);
            var (worstGroup, t) = GroupScores.Worst(own, GroupedMatch.Fars[0]);
            var atT = GroupedMatch.Figures(scores, t);
            Console.Out.WriteLine("out of fold (calibration people), own FAR-0.1% point TAR: " +
                string.Join(" ", EastAsian.Select(e => $"{e} {own.Single(f => f.Group == e).Points[0].Tar:P2}")) +
                $" | worst {worstGroup} t={t:0.0000}, TAR/FAR there: " + string.Join(" ", EastAsian.Select(e => atT.Single(f => f.Group == e)).Select(f => $"{f.TarAtThreshold:P2}/{f.FarAtThreshold:P3}")));

            var final = Train(calibration.Concat(lfwTrain), Plain, options);
            var mapped = images.Select(i => i.File).Distinct().ToDictionary(f => f, f => Plain(f) is { } v ? final.Apply(v) : null);
            var evaluation = images.Where(i => i.Split == MatchSets.Evaluation).ToList();
            var groupOf = evaluation.GroupBy(i => i.File).ToDictionary(x => x.Key, x => x.First().Group);
            Console.Out.WriteLine($"evaluation people at t={t:0.0000} (map trained on all calibration people):");
            var evaluationScores = GroupedScores.FromLabels(evaluation.Select(i => (i.File, i.Identity)).ToList(), (file, _) => groupOf[file], f => mapped[f]);
            foreach (var figure in GroupedMatch.Figures(evaluationScores, t)) Console.Out.WriteLine("   " + figure.Describe());
            var lfw = images.Where(i => i.Group is MatchSets.LfwEastAsian or MatchSets.LfwOther).ToList();
            var carried = mapped.ToDictionary(kv => kv.Key, kv => ScoreNormStudy.Carry(kv.Value, null));
            var (genuine, impostors, tar, far) = ScoreNormStudy.AllPairs(lfw.Select(i => (i.File, i.Identity)).ToList(), f => carried[f], t);
            Console.Out.WriteLine($"   LFW folds 1-6 overall: {genuine} genuine / {impostors} impostor pairs: TAR {tar:P2} FAR {far:P4}");
            if (lfwTrain.Count > 0)
            {
                var heldOut = lfw.Where(i => !lfwTrainPeople.Contains(i.Identity)).Select(i => (i.File, i.Identity)).ToList();
                var (hg, hi, htar, hfar) = ScoreNormStudy.AllPairs(heldOut, f => carried[f], t);
                Console.Out.WriteLine($"   LFW folds 1-6 without the {lfwTrainPeople.Count} training people: {hg} genuine / {hi} impostor pairs: TAR {htar:P2} FAR {hfar:P4}");
            }
            if (parse.GetValue(gates) is { } g)
            {
                var reasons = ProbeGate.Read(g);
                foreach (var group in EastAsian)
                {
                    var (judged, gatedTar) = ProbeGate.GatedTar(evaluation.Where(i => i.Group == group).ToList(), f => mapped[f], FaceVerify.Core.Faces.Similarity.Cosine, t, reasons);
                    Console.Out.WriteLine($"   gated {group} evaluation: {judged} judged genuine directions, TAR {gatedTar:P2}");
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static ResidualMlp Train(IEnumerable<MatchImage> people, Func<string, float[]?> plain, MlpOptions options)
    {
        // NUAA's near-identical frames would weigh 5 people as hundreds of genuine pairs.
        var samples = people.Where(i => i.Group != MatchSets.NuaaLive && plain(i.File) is not null)
            .Select(i => (plain(i.File)!, i.Identity, i.Group)).ToList();
        return ResidualMlp.Train(samples, options, line => Console.Error.WriteLine(line));
    }
}
