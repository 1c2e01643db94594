using FaceVerify.Core.Liveness;

namespace FaceVerify.Cli.Liveness;

/// <summary>One cell of the leave-one-source-out table: a held-out source's live BPCER or one attack type's APCER.</summary>
internal sealed record LosoCell(string Source, string Attack, int Count, int Errors, double Threshold)
{
    public string Kind => Attack == "live" ? "BPCER" : "APCER";
    public double Rate => Count == 0 ? 0 : (double)Errors / Count;

    /// <summary>The bound: APCER ≤ 10% and BPCER ≤ 5%; tight face crops (no context around the face) ≤ 20% and ≤ 10%.</summary>
    public double Bound => (Attack == "live" ? 0.05 : 0.10) * (LivenessSources.IsTightCrop(Source) ? 2 : 1);
    /// <summary>Cells of fewer than 20 pictures are shown but not held to the bound.</summary>
    public bool Judged => Count >= 20;
    public bool Meets => !Judged || Rate <= Bound + 1e-12;
}

/// <summary>
/// Leave-one-source-out: for each source, a head is fitted on every other source, its operating point is chosen
/// from person-disjoint out-of-fold scores of those training sources only, and the held-out source is scored once.
/// </summary>
internal static class LosoEvaluation
{
    public static List<LosoCell> Run(LivenessHeadTrainer trainer, IReadOnlyList<HeadSample> samples) => Run(trainer, samples, []);

    /// <param name="heldOutLogits">Filled with every held-out picture's log-odds, for threshold-free figures.</param>
    /// <param name="runs">When given, filled with each run's training (out-of-fold) and held-out margins, for the step-up study (<see cref="LosoStepUp"/>).</param>
    public static List<LosoCell> Run(LivenessHeadTrainer trainer, IReadOnlyList<HeadSample> samples, List<(LivenessEntry Entry, double Logit)> heldOutLogits, List<LosoRun>? runs = null)
    {
        var cells = new List<LosoCell>();
        foreach (var (held, train, test) in LivenessSplits.LeaveOneSourceOut(samples.Select(s => s.Entry).ToList()))
        {
            var training = train.Select(i => samples[i]).ToList();
            var recipe = trainer.Recipe;
            var outOfFold = trainer.OutOfFold(training);
            for (var i = 0; i < training.Count; i++) outOfFold[i] = recipe.Guarded(training[i], outOfFold[i] + (recipe.AddV1 ? training[i].V1Margin : 0));
            // The operating point is chosen on the pictures the head will score (with a gate: those without context).
            var scoredByHead = training.Select((s, i) => (s, i)).Where(t => recipe.HeadScores(t.s)).ToList();
            var threshold = recipe.Threshold(scoredByHead.Select(t => t.s).ToList(), scoredByHead.Select(t => outOfFold[t.i]).ToList());
            var model = trainer.FitScorer(training);
            // Margins over the threshold in force: the head's, or fusion v1's for pictures the gate leaves to it.
            var scored = test.Select(i => (samples[i].Entry, recipe.HeadScores(samples[i]) ? recipe.Margin(samples[i], model(samples[i].X) + (recipe.AddV1 ? samples[i].V1Margin : 0), threshold) : samples[i].V1Margin)).ToList();
            heldOutLogits.AddRange(scored);
            runs?.Add(new LosoRun(held, training.Select((s, i) => (s.Entry, recipe.HeadScores(s) ? recipe.Margin(s, outOfFold[i], threshold) : s.V1Margin)).ToList(), scored));
            cells.AddRange(Cells(held, scored, 0));
        }
        return cells;
    }

    /// <summary>The same table for a fixed scorer (the shipped fusion v1 at its own threshold): nothing is fitted.</summary>
    public static List<LosoCell> Fixed(IReadOnlyList<(LivenessEntry Entry, double Logit)> scored, double threshold) =>
        LivenessSources.HeldOutSources(scored.Select(s => s.Entry)).SelectMany(source => Cells(source, scored.Where(s => s.Entry.Source == source).ToList(), threshold)).ToList();

    private static IEnumerable<LosoCell> Cells(string source, List<(LivenessEntry Entry, double Logit)> scored, double threshold) =>
        scored.GroupBy(s => s.Entry.Attack).OrderBy(g => g.Key == "live" ? "" : g.Key, StringComparer.Ordinal).Select(g =>
            new LosoCell(source, g.Key, g.Count(), g.Count(s => g.Key == "live" ? s.Logit < threshold : s.Logit >= threshold), threshold));

    /// <summary>Per source with both classes: the area under the ROC of its held-out log-odds (live above attack), threshold-free.</summary>
    public static Dictionary<string, double> Auc(IReadOnlyList<(LivenessEntry Entry, double Logit)> scored)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var g in scored.GroupBy(s => s.Entry.Source))
        {
            var live = g.Where(s => s.Entry.Live).Select(s => s.Logit).ToArray();
            var attack = g.Where(s => !s.Entry.Live).Select(s => s.Logit).ToArray();
            if (live.Length == 0 || attack.Length == 0) continue;
            result[g.Key] = live.Sum(l => attack.Sum(a => l > a ? 1.0 : l == a ? 0.5 : 0)) / (live.Length * (double)attack.Length);
        }
        return result;
    }

    /// <summary>How far a table is from the bounds: judged cells that miss, and the summed excess over their bounds.</summary>
    public static (int Misses, double Excess, double WorstRate) Shortfall(IReadOnlyList<LosoCell> cells) =>
        (cells.Count(c => c.Judged && !c.Meets), cells.Where(c => c.Judged).Sum(c => Math.Max(0, c.Rate - c.Bound)), cells.Where(c => c.Judged).Max(c => c.Rate));
}
