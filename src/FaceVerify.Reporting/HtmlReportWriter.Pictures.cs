using System.Text;
using FaceVerify.Core.Verification;
using static FaceVerify.Core.Reporting.Html;

namespace FaceVerify.Core.Reporting;

/// <summary>The pictures with their SVG overlays: the viewBox is the image in source pixels, so every shape uses the JSON numbers as they are.</summary>
internal sealed partial class HtmlReportWriter
{
    private void Pictures(ReportPage page)
    {
        _html.Append("<h2>").Append(Both("section.images")).Append("</h2>\n<section class=\"pictures\">\n");
        foreach (var picture in page.Pictures) Picture(picture);
        _html.Append("</section>\n<p class=\"legend\">")
            .Append($"<span><i class=\"swatch sw-box\"></i>{E(L("legend.box"))}</span>")
            .Append($"<span><i class=\"swatch sw-other\"></i>{E(L("legend.otherFace"))}</span>")
            .Append($"<span><i class=\"swatch sw-mark\"></i>{E(L("legend.landmarks"))}</span>")
            .Append($"<span><i class=\"swatch sw-live\"></i>{E(L("legend.liveness"))}</span>")
            .Append($"<span><i class=\"swatch sw-pose\"></i>{E(L("legend.pose"))}</span>")
            .Append("</p>\n");
    }

    private void Picture(ReportPicture picture)
    {
        var role = Role(picture.Role);
        // Growth in proportion to the aspect ratio gives side-by-side pictures the same height.
        var grow = picture.Geometry is { } shape ? (double)shape.Width / shape.Height : 1;
        _html.Append($"<figure data-role=\"{role}\" style=\"flex-grow:{grow.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}\">\n<figcaption><b>{Both(RoleKey(picture.Role))}</b>");
        if (picture is not { Jpeg: { } jpeg, Geometry: { } g })
        {
            _html.Append($"</figcaption>\n<div class=\"missing\">{E(L(picture.Retained ? "image.unreadable" : "image.notKept"))}</div>\n</figure>\n");
            return;
        }
        _html.Append($" · {g.Width} × {g.Height} {E(L("image.pixels"))} · {E(L("image.faces"))}: {g.Faces.Count}</figcaption>\n")
            .Append($"<svg class=\"overlay\" data-role=\"{role}\" data-width=\"{g.Width}\" data-height=\"{g.Height}\" viewBox=\"0 0 {g.Width} {g.Height}\" role=\"img\" aria-label=\"{E(L(RoleKey(picture.Role)))}\">\n")
            .Append($"<image class=\"picture\" x=\"0\" y=\"0\" width=\"{g.Width}\" height=\"{g.Height}\" preserveAspectRatio=\"none\" href=\"data:image/jpeg;base64,")
            .Append(Convert.ToBase64String(jpeg)).Append("\"/>\n");
        var fontSize = Math.Max(g.Width, g.Height) * 0.035;
        // Largest face last so its outline is drawn on top of any overlapping smaller one.
        foreach (var face in g.Faces.OrderByDescending(f => f.Index)) Face(face, role, fontSize);
        _html.Append("</svg>\n<ul class=\"faces\">\n");
        foreach (var face in g.Faces) FaceLine(face);
        _html.Append("</ul>\n</figure>\n");
    }

    private void Face(FaceGeometry face, string role, double fontSize)
    {
        var b = face.Box;
        var kind = face.Index == 0 ? "primary" : "other-face";
        _html.Append($"<g class=\"face\" data-face-index=\"{face.Index}\" data-role=\"{role}\">\n")
            .Append($"<rect class=\"face-box {kind}\" data-face-index=\"{face.Index}\" data-role=\"{role}\" ")
            .Append($"data-x=\"{N1(b.X)}\" data-y=\"{N1(b.Y)}\" data-width=\"{N1(b.Width)}\" data-height=\"{N1(b.Height)}\" ")
            .Append($"x=\"{N1(b.X)}\" y=\"{N1(b.Y)}\" width=\"{N1(b.Width)}\" height=\"{N1(b.Height)}\" vector-effect=\"non-scaling-stroke\"/>\n");
        if (face.LivenessCrop is { } c)
            _html.Append($"<rect class=\"liveness-crop\" data-face-index=\"{face.Index}\" x=\"{N1(c.X)}\" y=\"{N1(c.Y)}\" width=\"{N1(c.Width)}\" height=\"{N1(c.Height)}\" vector-effect=\"non-scaling-stroke\"/>\n");
        if (face.Landmarks5 is { } points)
        {
            var r = Math.Max(1.5, b.Width * 0.02);
            foreach (var p in points)
                _html.Append($"<circle class=\"landmark\" cx=\"{N1(p.X)}\" cy=\"{N1(p.Y)}\" r=\"{N1(r)}\" vector-effect=\"non-scaling-stroke\"/>\n");
        }
        if (face.Pose is { } pose) PoseArrow(face, pose);
        var labelY = b.Y > fontSize * 1.2 ? b.Y - fontSize * 0.3 : b.Y + fontSize;
        _html.Append($"<text class=\"face-label\" x=\"{N1(Math.Max(0, b.X))}\" y=\"{N1(labelY)}\" font-size=\"{N1(fontSize)}\">#{face.Index}</text>\n</g>\n");
    }

    /// <summary>
    /// From the nose tip towards where the face points (positive yaw = turned to the subject's own right = nose towards
    /// the image left, as HeadPose reads it; pitch up = image up),
    /// its length growing with the sine of each angle; roll is in the text, an arrow cannot show it.
    /// </summary>
    private void PoseArrow(FaceGeometry face, Pose.HeadPose pose)
    {
        var b = face.Box;
        var origin = face.Landmarks5 is { Count: >= 3 } p ? (X: p[2].X, Y: p[2].Y) : (X: b.X + b.Width / 2, Y: b.Y + b.Height / 2);
        var reach = b.Width * 0.9;
        var dx = -reach * Math.Sin(pose.Yaw * Math.PI / 180);
        var dy = -reach * Math.Sin(pose.Pitch * Math.PI / 180);
        var length = Math.Sqrt(dx * dx + dy * dy);
        var tip = (X: origin.X + dx, Y: origin.Y + dy);
        _html.Append($"<g class=\"pose\" data-face-index=\"{face.Index}\" data-yaw=\"{N1(pose.Yaw)}\" data-pitch=\"{N1(pose.Pitch)}\" data-roll=\"{N1(pose.Roll)}\">");
        _html.Append($"<line class=\"pose-arrow\" x1=\"{N1(origin.X)}\" y1=\"{N1(origin.Y)}\" x2=\"{N1(tip.X)}\" y2=\"{N1(tip.Y)}\" vector-effect=\"non-scaling-stroke\"/>");
        var head = Math.Max(b.Width * 0.06, 3);
        if (length > head)
        {
            var (ux, uy) = (dx / length, dy / length);
            var baseX = tip.X - ux * head;
            var baseY = tip.Y - uy * head;
            var points = new StringBuilder()
                .Append($"{N1(tip.X)},{N1(tip.Y)} ")
                .Append($"{N1(baseX - uy * head * 0.6)},{N1(baseY + ux * head * 0.6)} ")
                .Append($"{N1(baseX + uy * head * 0.6)},{N1(baseY - ux * head * 0.6)}");
            _html.Append($"<polygon class=\"pose-head\" points=\"{points}\"/>");
        }
        _html.Append("</g>\n");
    }

    private void FaceLine(FaceGeometry face)
    {
        var b = face.Box;
        _html.Append($"<li data-face-index=\"{face.Index}\">#{face.Index} · ({N1(b.X)}, {N1(b.Y)}) {N1(b.Width)} × {N1(b.Height)} {E(L("image.pixels"))} · {E(L("image.score"))} {N(face.Score)}");
        if (face.Pose is { } pose)
            _html.Append($" · {E(L("pose.yaw"))} {N1(pose.Yaw)}° · {E(L("pose.pitch"))} {N1(pose.Pitch)}° · {E(L("pose.roll"))} {N1(pose.Roll)}°");
        _html.Append("</li>\n");
    }
}
