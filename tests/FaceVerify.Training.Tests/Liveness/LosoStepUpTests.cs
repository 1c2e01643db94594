using FaceVerify.Cli.Liveness;

namespace FaceVerify.Cli.Tests.Liveness;

/// <summary>The step-up band rules of the leave-one-source-out study: edges from training margins, held-out cells split three ways.</summary>
public sealed class LosoStepUpTests
{
    private static (LivenessEntry, double) Live(string source, double margin) => (new LivenessEntry(source, source, $"{source}/{margin}.jpg", true, "live", "p"), margin);
    private static (LivenessEntry, double) Attack(string source, double margin) => (new LivenessEntry(source, source, $"{source}/a{margin}.jpg", false, "print", "p"), margin);

    [Fact]
    public void The_live_share_edge_steps_up_that_share_of_the_training_live_faces_above_zero()
    {
        // 2 refused live faces (below 0), then margins 0.5, 1.0, ... 4.0: ten live faces in all.
        var training = new[] { -1.0, -0.5, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0 }.Select(m => Live("a", m)).ToList();

        Assert.Equal(1.0, LosoStepUp.LiveShareEdge(training, 0.10));   // one face (0.5) in [0, 1.0)
        Assert.Equal(1.5, LosoStepUp.LiveShareEdge(training, 0.20));   // two faces (0.5, 1.0) in [0, 1.5)
    }

    [Fact]
    public void The_attack_edge_lets_at_most_the_allowed_share_of_every_training_attack_cell_pass_outright()
    {
        var training = Enumerable.Range(0, 10).Select(i => Attack("a", i - 5.0))                          // -5 … 4
            .Concat(Enumerable.Range(0, 10).Select(i => Attack("b", i * 0.1)))                             // 0 … 0.9
            .Concat([Attack("small", 50)])                                                                  // a cell under 10 pictures: ignored
            .ToList();

        var edge = LosoStepUp.AttackEdge(training, 0.01);

        Assert.True(edge > 4 && edge < 4.001, $"edge {edge}");
    }

    [Fact]
    public void Held_out_pictures_are_passed_stepped_up_or_refused_by_the_band()
    {
        var training = new[] { 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0 }.Select(m => Live("train", m)).ToList();
        var scored = new List<(LivenessEntry, double)> { Live("held", -0.1), Live("held", 0.2), Live("held", 3.0), Attack("held", 0.9), Attack("held", 1.5), Attack("held", -2) };
        var run = new LosoRun("held", training, scored);

        var cells = LosoStepUp.Measure([run]).Where(c => c.Rule.StartsWith("10 %", StringComparison.Ordinal)).ToList();

        // Edge 1.0 (one training live face, 0.5, falls in [0, 1.0)).
        var live = Assert.Single(cells, c => c.Attack == "live");
        Assert.Equal((1.0, 1, 1, 1), (live.Edge, live.Passed, live.SteppedUp, live.Refused));
        var attacks = Assert.Single(cells, c => c.Attack == "print");
        Assert.Equal((1, 1, 1), (attacks.Passed, attacks.SteppedUp, attacks.Refused));
    }
}
