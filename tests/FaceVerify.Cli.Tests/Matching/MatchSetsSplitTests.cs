using FaceVerify.Cli.Evaluation;

namespace FaceVerify.Cli.Tests.Matching;

public sealed class MatchSetsSplitTests
{
    [Fact]
    public void People_are_split_in_halves_per_group_and_the_control_group_is_never_calibrated()
    {
        var people = Enumerable.Range(0, 9).Select(i => ("nuaa_live", $"p{i}"))
            .Concat(Enumerable.Range(0, 4).Select(i => (MatchSets.LfwOther, $"q{i}"))).ToList();

        var split = MatchSets.Split(people, seed: 7);
        var again = MatchSets.Split(people.AsEnumerable().Reverse(), seed: 7);

        Assert.Equal(5, split.Count(kv => kv.Key.Group == "nuaa_live" && kv.Value == MatchSets.Calibration));
        Assert.Equal(4, split.Count(kv => kv.Key.Group == "nuaa_live" && kv.Value == MatchSets.Evaluation));
        Assert.All(split.Where(kv => kv.Key.Group == MatchSets.LfwOther), kv => Assert.Equal(MatchSets.Control, kv.Value));
        Assert.Equal(split.OrderBy(kv => kv.Key), again.OrderBy(kv => kv.Key));  // order of the input does not matter
        Assert.NotEqual(split.OrderBy(kv => kv.Key), MatchSets.Split(people, seed: 8).OrderBy(kv => kv.Key));
    }
}
