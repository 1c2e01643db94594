using FaceVerify.Cli.Evaluation;
using FaceVerify.Core.Analysis;
using FaceVerify.Core.Policy;
using FaceVerify.Core.Verification;

namespace FaceVerify.Cli.Training;

/// <summary>
/// Whether the service would judge a picture as a snapshot at all: the snapshot rules of the default policy (pose,
/// eyes, blur, exposure, occlusion, face size, another person) give no blocking finding. Left out, because the sets are
/// crops or web pictures and not webcam frames: the frame's resolution and cut-off rules (every crop breaks them) and
/// liveness (a web portrait is a photo of a photo). A picture without a face never passes.
/// </summary>
internal static class ProbeGate
{
    private static readonly HashSet<string> NotQuality =
        [ReasonCodes.SnapshotResolutionTooLow, ReasonCodes.SnapshotFaceCutOff, ReasonCodes.SnapshotSpoofSuspected];

    /// <summary>The snapshot analysis without the liveness networks (not read by the gate).</summary>
    public static readonly AnalysisScope Scope = AnalysisScope.Snapshot with { Liveness = false };

    /// <summary>The blocking quality reasons of one picture read as a snapshot (empty = it would be matched).</summary>
    public static IReadOnlyList<string> Reasons(ImageAssessment assessment, PolicyOptions policy) =>
        SnapshotRules.Evaluate(assessment.Decoded, assessment.Reading, policy)
            .Where(f => f.Severity == Severity.Block && !NotQuality.Contains(f.Code)).Select(f => f.Code).Distinct().ToList();

    public static Dictionary<string, string[]> Read(string path) =>
        File.ReadLines(path).Skip(1).Select(line => line.Split(',')).ToDictionary(p => p[0], p => p[1].Length == 0 ? [] : p[1].Split(';'));

    public static void Write(string path, IEnumerable<(string File, IReadOnlyList<string> Reasons)> rows) =>
        File.WriteAllLines(path, rows.Select(r => $"{r.File},{string.Join(';', r.Reasons)}").Prepend("file,reasons"));

    /// <summary>
    /// TAR over the genuine pairs the service would judge: each picture pair counts once per direction whose probe
    /// (the snapshot side) passes the gate; the other side is the reference and a reference without a face is a reject.
    /// </summary>
    public static (long Judged, double Tar) GatedTar(IReadOnlyList<MatchImage> images, Func<string, float[]?> vectors,
        Func<float[], float[], double> score, double threshold, IReadOnlyDictionary<string, string[]> reasons)
    {
        long judged = 0, accepted = 0;
        foreach (var person in images.GroupBy(i => (i.Group, i.Identity)))
        {
            var files = person.Select(i => i.File).ToList();
            for (var i = 0; i < files.Count; i++)
                for (var j = i + 1; j < files.Count; j++)
                {
                    var directions = (Passes(files[i], reasons) ? 1 : 0) + (Passes(files[j], reasons) ? 1 : 0);
                    if (directions == 0) continue;
                    judged += directions;
                    if (vectors(files[i]) is { } a && vectors(files[j]) is { } b && score(a, b) >= threshold) accepted += directions;
                }
        }
        return (judged, accepted / (double)Math.Max(1, judged));
    }

    private static bool Passes(string file, IReadOnlyDictionary<string, string[]> reasons) => reasons.TryGetValue(file, out var r) && r.Length == 0;
}
