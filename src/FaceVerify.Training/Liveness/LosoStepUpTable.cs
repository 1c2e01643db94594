using System.Globalization;

namespace FaceVerify.Cli.Liveness;

/// <summary>Prints the step-up lines after the leave-one-source-out table (docs/liveness.md, "Step-up to the active challenge").</summary>
internal static class LosoStepUpTable
{
    public static void Print(IReadOnlyList<StepUpCell> cells, IReadOnlyList<StepUpOracleCell> oracle, TextWriter output)
    {
        foreach (var rule in cells.GroupBy(c => c.Rule))
        {
            output.WriteLine($"\nstep-up band [0, edge) chosen on each run's training folds: {rule.Key} (attacks in the band must pass the active challenge; live in the band are asked for it):");
            output.WriteLine("| held-out source | attack | n | edge | passed outright | stepped up | refused | rate with step-up | bound | |");
            output.WriteLine("|---|---|---:|---:|---:|---:|---:|---|---:|---|");
            foreach (var c in rule)
            {
                var live = c.Attack == "live";
                var cell = new LosoCell(c.Source, c.Attack, c.Count, live ? c.Refused : c.Passed, c.Edge);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {c.Source} | {c.Attack} | {c.Count} | {c.Edge:0.00} | {c.Passed} | {c.SteppedUp} ({Share(c.SteppedUp, c.Count)}) | {c.Refused} | {cell.Kind} {cell.Rate:P1} | {cell.Bound:P0} | {(!cell.Judged ? "n < 20" : cell.Meets ? "ok" : "MISS")} |"));
            }
            var judged = rule.Select(c => new LosoCell(c.Source, c.Attack, c.Count, c.Attack == "live" ? c.Refused : c.Passed, c.Edge)).ToList();
            var (misses, excess, _) = LosoEvaluation.Shortfall(judged);
            var liveCost = rule.Where(c => c.Attack == "live" && c.Count > 0).Max(c => (double)c.SteppedUp / c.Count);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"misses with step-up (APCER = passed outright): {misses}, excess {excess:0.000}; largest live share stepped up {liveCost:P1}; live stepped up overall {Share(rule.Where(c => c.Attack == "live").Sum(c => c.SteppedUp), rule.Where(c => c.Attack == "live").Sum(c => c.Count))}"));
        }
        output.WriteLine("\nillustration only, chosen on the held-out source itself: the smallest edge at which its attacks passing outright meet the bound, and its live faces that edge steps up:");
        output.WriteLine("| held-out source | attack | edge | live stepped up |");
        output.WriteLine("|---|---|---:|---:|");
        foreach (var o in oracle)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {o.Source} | {o.Attack} | {o.Edge:0.00} | {o.LiveSteppedUp:P1} |"));
    }

    private static string Share(int part, int whole) => whole == 0 ? "-" : ((double)part / whole).ToString("P1", CultureInfo.InvariantCulture);
}
