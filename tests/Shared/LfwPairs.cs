namespace FaceVerify.Tests;

/// <summary>One labelled LFW View-2 pair, paths absolute.</summary>
public sealed record LfwPair(string FileA, string FileB, bool Same, int Fold);

/// <summary>The LFW View-2 pairs list of shared/data (folds 1–6), in file order.</summary>
public static class LfwPairs
{
    public static string Folder => SharedData.Path("identity/lfw");

    /// <summary>The first <paramref name="perLabel"/> same-person pairs of a fold, then as many different-person pairs.</summary>
    public static IReadOnlyList<LfwPair> First(int fold, int perLabel)
    {
        var pairs = File.ReadLines(Path.Combine(Folder, "pairs.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(c => new LfwPair(Path.Combine(Folder, c[0]), Path.Combine(Folder, c[1]), c[2] == "same", int.Parse(c[3])))
            .Where(p => p.Fold == fold)
            .ToList();
        return pairs.Where(p => p.Same).Take(perLabel).Concat(pairs.Where(p => !p.Same).Take(perLabel)).ToList();
    }
}
