using FaceVerify.Cli.Liveness;

namespace FaceVerify.Cli.Tests.Liveness;

/// <summary>The splits behind the leave-one-source-out table: no source, and no person, on both sides.</summary>
public sealed class LivenessSplitsTests
{
    private static readonly List<LivenessEntry> Entries = Build();

    private static List<LivenessEntry> Build()
    {
        var list = new List<LivenessEntry>();
        // Three multi-person sources sharing person ids on purpose: a person id means one person only within its source.
        foreach (var source in new[] { "a", "b", "c" })
            for (var p = 0; p < 11; p++)
                for (var k = 0; k < 3; k++)
                    list.Add(new LivenessEntry(source, source, $"{source}/{p}_{k}.jpg", k == 0, k == 0 ? "live" : "print", $"p{p}"));
        for (var k = 0; k < 6; k++) list.Add(new LivenessEntry("solo", "solo", $"solo/{k}.jpg", k % 2 == 0, k % 2 == 0 ? "live" : "replay_screen", "one"));
        list.Add(new LivenessEntry(LivenessSources.Small, "tiny", "tiny/0.jpg", false, "print", "tiny"));
        return list;
    }

    [Fact]
    public void Leaving_a_source_out_trains_on_every_other_source_and_nothing_of_it()
    {
        var folds = LivenessSplits.LeaveOneSourceOut(Entries).ToList();
        Assert.Equal(["a", "b", "c", "solo"], folds.Select(f => f.HeldOut).ToArray());
        foreach (var (held, train, test) in folds)
        {
            Assert.All(test, i => Assert.Equal(held, Entries[i].Source));
            Assert.All(train, i => Assert.NotEqual(held, Entries[i].Source));
            Assert.Equal(Entries.Count, train.Length + test.Length);
            Assert.Contains(train, i => Entries[i].Source == LivenessSources.Small);  // the tiny sets only ever train
        }
    }

    [Fact]
    public void Person_folds_keep_each_person_of_a_source_in_one_fold_and_are_seeded()
    {
        var folds = LivenessSplits.PersonFolds(Entries, 5, 20261126);
        foreach (var person in Entries.Select((e, i) => (Key: e.Source + "|" + e.Person, Fold: folds[i])).GroupBy(t => t.Key))
            Assert.Single(person.Select(t => t.Fold).Distinct());
        Assert.Equal(5, folds.Distinct().Count());
        Assert.Equal(folds, LivenessSplits.PersonFolds(Entries, 5, 20261126));
        Assert.NotEqual(folds, LivenessSplits.PersonFolds(Entries, 5, 7));
    }

    [Fact]
    public void The_test_subset_holds_whole_people_and_leaves_single_person_sources_to_training()
    {
        var held = LivenessSplits.TestSubset(Entries, 20261126);
        var heldPeople = Entries.Where((_, i) => held[i]).Select(e => e.Source + "|" + e.Person).ToHashSet();
        var trainPeople = Entries.Where((_, i) => !held[i]).Select(e => e.Source + "|" + e.Person).ToHashSet();
        Assert.Empty(heldPeople.Intersect(trainPeople));
        foreach (var source in new[] { "a", "b", "c" }) Assert.Equal(2, heldPeople.Count(p => p.StartsWith(source + "|", StringComparison.Ordinal)));
        Assert.DoesNotContain(Entries.Where((_, i) => held[i]), e => e.Source is "solo" or LivenessSources.Small);
    }

    [Fact]
    public void Source_folds_give_each_held_out_source_its_own_fold()
    {
        var folds = LivenessSplits.SourceFolds(Entries);
        foreach (var source in Entries.GroupBy(e => e.Source))
            Assert.Single(source.Select(e => folds[Entries.IndexOf(e)]).Distinct());
        Assert.Equal(-1, folds[Entries.FindIndex(e => e.Source == LivenessSources.Small)]);
    }
}
