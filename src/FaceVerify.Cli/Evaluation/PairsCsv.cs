namespace FaceVerify.Cli.Evaluation;

/// <summary>Reads <c>file_a,file_b,label</c> rows (extra columns ignored); paths become absolute from the CSV's folder.</summary>
internal static class PairsCsv
{
    public static List<(string A, string B, bool Same)> Read(string csvPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(csvPath))!;
        var lines = File.ReadAllLines(csvPath).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (lines.Count == 0) throw new FormatException($"{csvPath}: empty");
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int ia = header.IndexOf("file_a"), ib = header.IndexOf("file_b"), il = header.IndexOf("label");
        if (ia < 0 || ib < 0 || il < 0) throw new FormatException($"{csvPath}: the header must name file_a, file_b and label");
        var rows = new List<(string, string, bool)>();
        foreach (var (line, number) in lines.Skip(1).Select((l, i) => (l, i + 2)))
        {
            var cells = line.Split(',');
            if (cells.Length <= Math.Max(ia, Math.Max(ib, il))) throw new FormatException($"{csvPath}:{number}: too few columns");
            var label = cells[il].Trim().ToLowerInvariant();
            if (label is not ("same" or "different")) throw new FormatException($"{csvPath}:{number}: label must be same or different, not '{label}'");
            rows.Add((Path.Combine(folder, cells[ia].Trim()), Path.Combine(folder, cells[ib].Trim()), label == "same"));
        }
        return rows;
    }
}
