namespace FaceVerify.Cli.Training;

/// <summary>
/// Labels corrected by looking at every picture of a set, not only at the ones the heads got wrong (that would
/// bias the figures upwards): web scrapes labelled "sunglasses" include clear glasses and sunglasses pushed up on
/// the head, and "ordinary" news photos include dark sunglasses. Kept in models/attributes/label-audit.csv:
/// file (relative to the data root), attribute, verdict (present | absent | unclear), note. Unclear leaves the
/// picture out of that head's training and figures. A file ending in <c>/*</c> covers a whole folder that was looked
/// at for that attribute (masked faces checked for sunglasses); the rows naming single files are its exceptions.
/// </summary>
internal sealed class LabelAudit
{
    private readonly Dictionary<(string File, Attribute Attribute), bool?> _verdicts;

    private LabelAudit(Dictionary<(string, Attribute), bool?> verdicts) => _verdicts = verdicts;

    public static LabelAudit None { get; } = new([]);

    public int Count => _verdicts.Count;

    private bool TryGet(string relativeFile, Attribute attribute, out bool? verdict)
    {
        if (_verdicts.TryGetValue((relativeFile, attribute), out verdict)) return true;
        for (var slash = relativeFile.LastIndexOf('/'); slash > 0; slash = relativeFile.LastIndexOf('/', slash - 1))
            if (_verdicts.TryGetValue((relativeFile[..(slash + 1)] + "*", attribute), out verdict)) return true;
        verdict = null;
        return false;
    }

    public static LabelAudit Load(string csvPath)
    {
        var verdicts = new Dictionary<(string, Attribute), bool?>();
        foreach (var (line, number) in File.ReadAllLines(csvPath).Select((l, i) => (l, i + 1)).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var cells = line.Split(',', 4);
            if (cells.Length < 3) throw new FormatException($"{csvPath}:{number}: expected file,attribute,verdict,note");
            var attribute = cells[1].Trim() switch
            {
                "mask" => Attribute.Mask,
                "sunglasses" => Attribute.Sunglasses,
                "hair_over_eyes" => Attribute.HairOverEyes,
                var other => throw new FormatException($"{csvPath}:{number}: unknown attribute '{other}'"),
            };
            verdicts[(cells[0].Trim(), attribute)] = cells[2].Trim() switch
            {
                "present" => true,
                "absent" => false,
                "unclear" => null,
                var other => throw new FormatException($"{csvPath}:{number}: unknown verdict '{other}'"),
            };
        }
        return new LabelAudit(verdicts);
    }

    /// <summary>The sample with its audited labels; a face found occluded (or unclear) is no longer an ordinary face.</summary>
    public AttributeSample Apply(AttributeSample sample, string relativeFile)
    {
        var audited = sample;
        var occluded = false;
        foreach (var attribute in OcclusionTrainer.Heads)
        {
            if (!TryGet(relativeFile, attribute, out var verdict)) continue;
            occluded |= verdict is not false;
            audited = audited.WithLabel(attribute, verdict);
        }
        return occluded ? audited with { Ordinary = false } : audited;
    }

    /// <summary>Whether a held-out test picture of an attribute really shows it.</summary>
    public bool Shows(string relativeFile, Attribute attribute) =>
        !TryGet(relativeFile, attribute, out var verdict) || verdict == true;
}
