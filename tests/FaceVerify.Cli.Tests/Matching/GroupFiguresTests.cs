using FaceVerify.Cli.Evaluation;

namespace FaceVerify.Cli.Tests.Matching;

public sealed class GroupFiguresTests
{
    // 1,000 impostor scores 0.000 … 0.999 and 10 genuine scores 0.50 … 0.95.
    private static GroupScores Synthetic()
    {
        var scores = new GroupScores { Images = 20 };
        for (var i = 0; i < 1000; i++) scores.Impostors.Add(i / 1000.0);
        for (var i = 0; i < 10; i++) scores.Genuine.Add(0.5 + i * 0.05);
        return scores;
    }

    [Fact]
    public void Far_and_tar_are_counted_at_the_threshold()
    {
        var figure = Synthetic().Figure("g", threshold: 0.9, fars: [0.001, 0.01]);

        Assert.Equal(0.1, figure.FarAtThreshold, 6);   // 0.900 … 0.999 are accepted: 100 of 1,000
        Assert.Equal(0.2, figure.TarAtThreshold, 6);   // 0.90 and 0.95
        Assert.Equal(1.0, figure.HardestFarAtThreshold, 6);  // the 10 most similar impostors are all above 0.9
    }

    [Fact]
    public void The_far_point_lets_through_at_most_that_share_of_impostors()
    {
        var figure = Synthetic().Figure("g", threshold: 0.5, fars: [0.001, 0.01]);

        // FAR 0.1% of 1,000 = one impostor (0.999) accepted; the threshold sits just above the second highest.
        Assert.InRange(figure.Points[0].Threshold, 0.998, 0.999);
        Assert.InRange(figure.Points[1].Threshold, 0.989, 0.990);
        Assert.Equal(0.0, figure.Points[0].Tar);
        Assert.Equal(0.5, figure.FarAtThreshold, 6);   // 0.500 … 0.999
    }

    [Fact]
    public void The_worst_group_is_the_one_needing_the_highest_threshold()
    {
        var easy = new GroupScores();
        for (var i = 0; i < 1000; i++) easy.Impostors.Add(i / 2000.0);   // all below 0.5
        var figures = new[] { Synthetic().Figure("hard", 0.5, [0.001]), easy.Figure("easy", 0.5, [0.001]) };

        var (group, threshold) = GroupScores.Worst(figures, 0.001);

        Assert.Equal("hard", group);
        Assert.True(threshold > 0.99);
    }

    [Fact]
    public void Look_alikes_count_people_whose_closest_other_person_is_accepted()
    {
        var scores = new GroupScores();
        scores.AddImpostor("a", "b", 0.6);
        scores.AddImpostor("a", "c", 0.2);
        scores.AddImpostor("b", "c", 0.1);
        scores.AddImpostor("c", "d", 0.3);

        var figure = scores.Figure("g", threshold: 0.5, fars: [0.001]);

        // a and b find each other at 0.6; c's closest is d at 0.3, d's is c: 2 of 4 people.
        Assert.Equal(0.5, figure.LookAlikeAcceptedAtThreshold);
        Assert.Equal(0.25, figure.FarAtThreshold);
    }
}
