using FaceVerify.Cli.Evaluation;

namespace FaceVerify.Cli.Training;

internal enum Attribute { Mask, Sunglasses, HairOverEyes }

/// <summary>
/// One labelled picture: null = unknown for that attribute (the head neither trains nor is scored on it).
/// <paramref name="Group"/> keeps a person (or a scrape batch, or a hair donor) inside one fold.
/// <paramref name="Ordinary"/>: an ordinary unoccluded face, counted in the false-occlusion rate.
/// </summary>
/// <paramref name="Mirrored"/>: a left-right mirror of the picture, trained on but never counted in a figure.
internal sealed record AttributeSample(string File, string Source, string Group, bool? Mask, bool? Sunglasses, bool? Hair, bool Ordinary, bool Mirrored = false)
{
    public bool? Label(Attribute a) => a switch { Attribute.Mask => Mask, Attribute.Sunglasses => Sunglasses, _ => Hair };

    public AttributeSample WithLabel(Attribute a, bool? label) => a switch
    {
        Attribute.Mask => this with { Mask = label },
        Attribute.Sunglasses => this with { Sunglasses = label },
        _ => this with { Hair = label },
    };
}

/// <summary>The pictures of shared/data the occlusion heads learn from, with the held-out ones kept apart.</summary>
internal sealed class AttributeSamples
{
    public required List<AttributeSample> Training { get; init; }
    /// <summary>Never trained on (relative to the data root): the tests' masked and sunglassed pictures.</summary>
    public required List<string> HeldOut { get; init; }
    /// <summary>Forehead-covered faces (source class 0): real hair to cut out for the synthetic hair-over-eyes set.</summary>
    public required List<string> HairDonors { get; init; }
    /// <summary>LFW faces of people outside the training sample that receive pasted hair.</summary>
    public required List<string> HairTargets { get; init; }
    /// <summary>Scored after training, never trained on: what the heads say about them is reported.</summary>
    public required List<AttributeSample> Reported { get; init; }

    /// <summary>Every tenth masked and sunglassed picture (ordinal order) is held out for the tests.</summary>
    public static bool IsHeldOut(int ordinalIndex) => ordinalIndex % 10 == 0;

    public static AttributeSamples Load(string root, int lfwPerFold, int seed, LabelAudit audit)
    {
        var training = new List<AttributeSample>();
        var heldOut = new List<string>();
        var reported = new List<AttributeSample>();
        string Rel(string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

        var masks = LabelsCsv.ReadRows(Path.Combine(root, "occlusion/mask/chandrikadeb7/labels.csv"));
        foreach (var (row, i) in masks.Where(r => r["label"] == "with_mask").OrderBy(r => r["file"], StringComparer.Ordinal).Select((r, i) => (r, i)))
        {
            if (IsHeldOut(i)) { if (audit.Shows(Rel(row["file"]), Attribute.Mask)) heldOut.Add(Rel(row["file"])); continue; }
            // No identities in this set: each picture is its own group.
            // Sunglasses unknown here: some masked people wear them too. The label audit looked at every masked
            // picture and names the ones in sunglasses (taking all as "none" without looking cost both heads F1).
            training.Add(new(row["file"], "mask", Rel(row["file"]), true, null, false, false));
        }
        foreach (var row in masks.Where(r => r["label"] == "without_mask"))
            training.Add(new(row["file"], "no_mask", Rel(row["file"]), false, false, false, false));

        var sunglasses = LabelsCsv.ReadRows(Path.Combine(root, "occlusion/sunglasses/selfies_with_sunglasses/labels.csv"))
            .OrderBy(r => r["file"], StringComparer.Ordinal).ToList();
        for (var i = 0; i < sunglasses.Count; i++)
        {
            var file = sunglasses[i]["file"];
            if (IsHeldOut(i)) { if (audit.Shows(Rel(file), Attribute.Sunglasses)) heldOut.Add(Rel(file)); continue; }
            // selfies_N is a scrape batch; keeping a batch in one fold is the safe side if a batch repeats a person.
            var batch = Path.GetFileName(file).Split("__")[0];
            // Mask unknown here; the label audit looked at every picture (nobody wears one).
            training.Add(new(file, "sunglasses", "selfies:" + batch, null, true, false, false));
        }

        foreach (var row in LabelsCsv.ReadRows(Path.Combine(root, "occlusion/glasses/yale_faces/labels.csv")))
        {
            var subject = row["identity"];
            // Subject 03's "glasses" are dark, nearly sunglasses: neither side of the sunglasses head, only reported.
            if (subject.EndsWith("03") && row["label"] == "glasses")
            {
                reported.Add(new(row["file"], "yale_03_dark_glasses", subject, false, null, false, false));
                continue;
            }
            var source = row["label"] switch { "glasses" => "yale_clear_glasses", "noglasses" => "yale_noglasses", _ => "yale_other" };
            training.Add(new(row["file"], source, subject, false, false, false, source != "yale_other"));
        }

        var forehead = LabelsCsv.ReadRows(Path.Combine(root, "hair_forehead/celebamaskhq_male_forehead/labels.csv"));
        var donors = new List<string>();
        foreach (var row in forehead)
        {
            var file = row["file"];
            switch (row["source_forehead_class"])
            {
                case "2": training.Add(new(file, "forehead_visible", "celebahq:" + Path.GetFileName(file), false, false, false, false)); break;
                case "0":
                    donors.Add(file);
                    reported.Add(new(file, "forehead_covered", "celebahq:" + Path.GetFileName(file), false, false, null, false));
                    break;
                case "1": reported.Add(new(file, "forehead_partly_covered", "celebahq:" + Path.GetFileName(file), false, false, null, false)); break;
                default: break; // hats and unusable pictures say nothing about these three attributes
            }
        }

        var (lfwTrain, lfwTargets) = LfwPools(root, lfwPerFold, seed);
        training.AddRange(lfwTrain.Select(f => new AttributeSample(f.File, "lfw", "lfw:" + f.Identity, false, false, false, true)));

        foreach (var row in LabelsCsv.ReadRows(Path.Combine(root, "makeup/beautygan_mt_samples/labels.csv")))
            reported.Add(new(row["file"], "makeup_" + row["label"], "mt:" + Path.GetFileName(row["file"]), false, false, false, false));

        return new AttributeSamples
        {
            Training = training.Select(s => audit.Apply(s, Rel(s.File))).ToList(), HeldOut = heldOut, HairDonors = donors.OrderBy(d => d, StringComparer.Ordinal).ToList(),
            HairTargets = lfwTargets, Reported = reported,
        };
    }

    /// <summary>
    /// One image per person from LFW View-2 folds 1–4 (identity-disjoint folds): a seeded sample for training and
    /// the false-occlusion rate, and further people of the same folds as hair targets. Folds 5–6 stay for the tests.
    /// </summary>
    private static (List<(string File, string Identity)> Train, List<string> Targets) LfwPools(string root, int perFold, int seed)
    {
        var pairs = File.ReadAllLines(Path.Combine(root, "identity/lfw/pairs.csv")).Skip(1).Select(l => l.Split(','));
        var byFold = new SortedDictionary<int, SortedDictionary<string, string>>();
        foreach (var cells in pairs)
        {
            var fold = int.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture);
            if (fold > 4) continue;
            var people = byFold.TryGetValue(fold, out var p) ? p : byFold[fold] = new(StringComparer.Ordinal);
            foreach (var file in cells.Take(2))
            {
                var identity = file.Split('/')[1];
                if (!people.ContainsKey(identity)) people[identity] = Path.Combine(root, "identity/lfw", file);
            }
        }
        var random = new Random(seed);
        var train = new List<(string, string)>();
        var targets = new List<string>();
        foreach (var people in byFold.Values)
        {
            var shuffled = people.OrderBy(_ => random.Next()).ToList();
            train.AddRange(shuffled.Take(perFold).Select(p => (p.Value, p.Key)));
            targets.AddRange(shuffled.Skip(perFold).Take(perFold / 2).Select(p => p.Value));
        }
        return (train, targets);
    }
}
