using FaceVerify.Cli.Evaluation;

namespace FaceVerify.Cli.Training;

/// <summary>One picture of the pose-cascade study: <paramref name="Group"/> is the person (or the picture when a set has no identities).</summary>
internal sealed record PoseCascadeSample(string File, string Picture, string Source, string Group, string Class)
{
    /// <summary>Half of the people fit the box, the other half check it: a stable hash of source and person, never of the picture.</summary>
    public bool Fit
    {
        get
        {
            uint h = 2166136261;
            foreach (var ch in Source + "/" + Group) h = (h ^ ch) * 16777619;
            return (h >> 7) % 2 == 0;
        }
    }
}

/// <summary>The faces of shared/data the cascade is judged on: everyday frontal pictures of many sources and the labelled pose sets.</summary>
internal static class PoseCascadeSamples
{
    public static List<PoseCascadeSample> Load(string root)
    {
        var list = new List<PoseCascadeSample>();
        void Add(string csv, string source, Func<Dictionary<string, string>, bool> keep, Func<Dictionary<string, string>, string> group, Func<Dictionary<string, string>, string> cls)
        {
            list.AddRange(LabelsCsv.ReadRows(Path.Combine(root, csv)).Where(keep).Select(r => new PoseCascadeSample(r["file"], Picture(r), source, group(r), cls(r))));
        }
        static bool All(Dictionary<string, string> _) => true;
        string Picture(Dictionary<string, string> r) => Path.GetRelativePath(root, r["file"]);
        Add("identity/lfw/labels.csv", "lfw", All, r => r["identity"], _ => "news photo");
        Add("id_photo/meds_mugshots_openmpf/labels.csv", "meds_mugshots", All, r => r["identity"], r => r["view"]);
        Add("identity/asian_faces_web/labels.csv", "asian_faces_web", All, r => r["label"], _ => "web portrait");
        Add("identity/casia_facev5_webcam/labels.csv", "casia_facev5_webcam", All, r => r["label"], _ => "webcam");
        Add("replay/nuaa_print_frames/labels.csv", "nuaa_live", r => r["label"] == "live", r => r["client"], _ => "webcam");
        Add("pose/mtfl_headpose_classes/labels.csv", "mtfl", All, Picture, r => r["label"]);
        Add("pose/facepose_net_renders/labels.csv", "facepose_renders", All, r => r["identity"], r => "yaw " + r["yaw_deg"]);
        Add("pose/inspireface/labels.csv", "inspireface", All, Picture, r => r["label"]);
        return list;
    }
}
