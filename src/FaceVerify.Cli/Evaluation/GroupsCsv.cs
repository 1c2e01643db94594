namespace FaceVerify.Cli.Evaluation;

/// <summary>
/// <c>--groups CSV</c>: a <c>group</c> column and a <c>file</c> and/or <c>identity</c> column. A file (relative to the
/// CSV, or absolute) names the group of one picture, an identity that of all of a person's pictures; a file row wins.
/// </summary>
internal sealed class GroupsCsv
{
    private readonly Dictionary<string, string> _byFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byIdentity = new(StringComparer.Ordinal);

    public static GroupsCsv Read(string csvPath)
    {
        var rows = LabelsCsv.ReadRows(csvPath, absoluteFiles: false);
        var folder = Path.GetDirectoryName(Path.GetFullPath(csvPath))!;
        if (rows.Count == 0 || !rows[0].ContainsKey("group") || !(rows[0].ContainsKey("file") || rows[0].ContainsKey("identity")))
            throw new FormatException($"{csvPath}: needs a group column and a file or identity column, and at least one row");
        var groups = new GroupsCsv();
        foreach (var (row, number) in rows.Select((r, i) => (r, i + 2)))
        {
            var group = row["group"];
            if (group.Length == 0) throw new FormatException($"{csvPath}:{number}: empty group");
            if (row.TryGetValue("file", out var file) && file.Length > 0) groups._byFile[Path.GetFullPath(Path.Combine(folder, file))] = group;
            else if (row.TryGetValue("identity", out var identity) && identity.Length > 0) groups._byIdentity[identity] = group;
            else throw new FormatException($"{csvPath}:{number}: neither a file nor an identity");
        }
        return groups;
    }

    /// <summary>The picture's group, or null when the CSV names neither the file nor its identity.</summary>
    public string? Of(string file, string? identity = null) =>
        _byFile.TryGetValue(Path.GetFullPath(file), out var g) ? g
        : identity is not null && _byIdentity.TryGetValue(identity, out g) ? g : null;
}
