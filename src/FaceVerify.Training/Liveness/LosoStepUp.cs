using FaceVerify.Core.Liveness;

namespace FaceVerify.Cli.Liveness;

/// <summary>One leave-one-source-out run's margins over the threshold in force: its training pictures' (out-of-fold) and the held-out source's.</summary>
internal sealed record LosoRun(string HeldOut, IReadOnlyList<(LivenessEntry Entry, double Margin)> Training, IReadOnlyList<(LivenessEntry Entry, double Margin)> Scored);

/// <summary>
/// One held-out cell under a step-up band [0, Edge): a margin at or above the edge passes outright, a margin in the band
/// asks for the active challenge, a margin below 0 is refused. The edge is chosen on the run's training folds only.
/// </summary>
internal sealed record StepUpCell(string Rule, string Source, string Attack, int Count, double Edge, int Passed, int SteppedUp, int Refused);

/// <summary>A held-out attack cell's smallest edge that meets its bound, and the share of that source's live faces it steps up (illustration only).</summary>
internal sealed record StepUpOracleCell(string Source, string Attack, double Edge, double LiveSteppedUp);

/// <summary>
/// Risk-based step-up measured inside the leave-one-source-out runs (issue 13): a passive score only marginally live
/// does not pass on its own but asks for the head-turn/blink challenge (docs/challenge.md), which refuses flat attacks.
/// Each rule picks the band's upper edge from the training pictures' out-of-fold margins of that run, never from the held-out source.
/// </summary>
internal static class LosoStepUp
{
    /// <summary>The rules measured: a share of the training live faces stepped up, or training APCER ≤ 1 % in every training attack cell.</summary>
    public static readonly IReadOnlyList<(string Name, Func<LosoRun, double> Edge)> Rules =
    [
        ("10 % of training live stepped up", r => LiveShareEdge(r.Training, 0.10)),
        ("20 % of training live stepped up", r => LiveShareEdge(r.Training, 0.20)),
        ("training APCER <= 1 % per cell", r => AttackEdge(r.Training, 0.01)),
    ];

    public static List<StepUpCell> Measure(IReadOnlyList<LosoRun> runs) =>
        (from rule in Rules
         from run in runs
         let edge = rule.Edge(run)
         from g in run.Scored.GroupBy(s => s.Entry.Attack).OrderBy(g => g.Key == "live" ? "" : g.Key, StringComparer.Ordinal)
         select new StepUpCell(rule.Name, run.HeldOut, g.Key, g.Count(), edge,
             g.Count(s => s.Margin >= edge), g.Count(s => s.Margin >= 0 && s.Margin < edge), g.Count(s => s.Margin < 0))).ToList();

    /// <summary>The smallest edge above which all but <paramref name="share"/> of the passing training live faces stay (pooled over training sources).</summary>
    public static double LiveShareEdge(IReadOnlyList<(LivenessEntry Entry, double Margin)> training, double share)
    {
        var live = training.Where(t => t.Entry.Live).Select(t => t.Margin).Order().ToArray();
        if (live.Length == 0) return 0;
        var below = live.Count(m => m < 0);
        var k = below + (int)Math.Ceiling(share * live.Length);
        // Stepped up = margins in [0, edge): the edge is the k-th smallest margin, so exactly k - below faces fall in the band (ties aside).
        return k >= live.Length ? live[^1] + 1e-9 : Math.Max(0, live[k]);
    }

    /// <summary>The smallest edge at which every training (source, attack) cell of ≥ 10 attacks passes at most <paramref name="apcer"/> outright.</summary>
    public static double AttackEdge(IReadOnlyList<(LivenessEntry Entry, double Margin)> training, double apcer)
    {
        var edge = 0.0;
        foreach (var cell in training.Where(t => !t.Entry.Live).GroupBy(t => (t.Entry.Source, t.Entry.Attack)).Where(g => g.Count() >= 10))
        {
            var margins = cell.Select(t => t.Margin).OrderDescending().ToArray();
            var allowed = (int)Math.Floor(apcer * margins.Length);
            // Passing = margin ≥ edge; just above the (allowed+1)-th largest margin lets exactly `allowed` through.
            edge = Math.Max(edge, margins[allowed] + 1e-9);
        }
        return edge;
    }

    /// <summary>
    /// For illustration only (chosen on the held-out source itself, so not an operating point): per held-out attack
    /// cell, the smallest edge at which the attacks passing outright meet the cell's bound, and the share of the same
    /// source's live faces that edge steps up. It shows what a band would have to cost on that camera.
    /// </summary>
    public static List<StepUpOracleCell> Oracle(IReadOnlyList<LosoRun> runs) =>
        (from run in runs
         from g in run.Scored.Where(s => !s.Entry.Live).GroupBy(s => s.Entry.Attack)
         let bound = new LosoCell(run.HeldOut, g.Key, g.Count(), 0, 0).Bound
         let margins = g.Select(s => s.Margin).OrderDescending().ToArray()
         let allowed = (int)Math.Floor(bound * margins.Length + 1e-9)
         let edge = allowed >= margins.Length ? 0 : Math.Max(0, margins[allowed] + 1e-9)
         let live = run.Scored.Where(s => s.Entry.Live).Select(s => s.Margin).ToArray()
         where live.Length > 0
         select new StepUpOracleCell(run.HeldOut, g.Key, edge, live.Count(m => m >= 0 && m < edge) / (double)live.Length)).ToList();
}
