namespace FaceVerify.Cli.Evaluation;

/// <summary>Reads a data set's labels.csv (<c>file,label[,identity…]</c>); paths become absolute from the CSV's folder.</summary>
internal static class LabelsCsv
{
    public static List<(string File, string Identity)> ReadIdentities(string csvPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(csvPath))!;
        var lines = File.ReadAllLines(csvPath).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        var fileColumn = header.IndexOf("file");
        var identityColumn = header.IndexOf("identity") is >= 0 and var i ? i : header.IndexOf("label");
        if (fileColumn < 0 || identityColumn < 0) throw new FormatException($"{csvPath}: needs file and identity (or label) columns");
        return lines.Skip(1).Select(l => l.Split(',')).Select(c => (Path.Combine(folder, c[fileColumn].Trim()), c[identityColumn].Trim())).ToList();
    }

    /// <summary>Every row as column → value (a missing cell reads as empty), with <c>file</c> made absolute from the CSV's folder unless <paramref name="absoluteFiles"/> is false.</summary>
    public static List<Dictionary<string, string>> ReadRows(string csvPath, bool absoluteFiles = true)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(csvPath))!;
        var lines = File.ReadAllLines(csvPath).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        return lines.Skip(1).Select(l =>
        {
            var cells = l.Split(',');
            var row = new Dictionary<string, string>();
            for (var i = 0; i < header.Length; i++) row[header[i]] = i < cells.Length ? cells[i].Trim() : "";
            if (absoluteFiles && row.TryGetValue("file", out var file)) row["file"] = Path.Combine(folder, file);
            return row;
        }).ToList();
    }
}
