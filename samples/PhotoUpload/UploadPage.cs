using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace PhotoUpload;

/// <summary>
/// The page: a form with a file input, and after an upload the photo with each broken rule in Chinese and English
/// and what to do about it. No script and nothing from another site, so it works offline and under a strict CSP.
/// </summary>
public sealed class UploadPage(ReasonTexts texts)
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly HtmlEncoder Encode = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public string Empty() => Page("");

    public string Unavailable() => Page("""
        <section id="result" data-outcome="unavailable"><h2>照片检查服务暂时不可用，请稍后再试。<span class="en">The photo check is unavailable; please try again later.</span></h2></section>
        """);

    public string TooLarge(long maxBytes) => Page($"""
        <section id="result" data-outcome="too-large"><h2>文件太大（上限 {maxBytes / (1024 * 1024)} MB）。<span class="en">The file is too large (at most {maxBytes / (1024 * 1024)} MB).</span></h2></section>
        """);

    public string Result(byte[] photo, PhotoCheck check)
    {
        var html = new StringBuilder();
        var outcome = check.Accepted ? "accepted" : "refused";
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"result\" data-outcome=\"{outcome}\">");
        html.Append(CultureInfo.InvariantCulture, $"<img class=\"photo\" alt=\"上传的照片 / the uploaded photo\" src=\"data:image/jpeg;base64,{Convert.ToBase64String(photo)}\">");
        html.Append("<div class=\"verdict\">");
        html.Append(check.Accepted
            ? "<h2 class=\"ok\">照片符合要求，已可提交。<span class=\"en\">The photo meets the requirements.</span></h2>"
            : "<h2 class=\"bad\">照片不符合要求，请按下面的提示修改后重新上传。<span class=\"en\">The photo does not meet the requirements: fix the points below and upload it again.</span></h2>");
        html.Append("<ol class=\"violations\">");
        foreach (var violation in check.Violations.OrderBy(v => v.Severity == "block" ? 0 : 1))
            AppendViolation(html, violation);
        html.Append("</ol></div></section>");
        return Page(html.ToString());
    }

    private void AppendViolation(StringBuilder html, PhotoViolation violation)
    {
        var message = texts.Message(violation);
        html.Append(CultureInfo.InvariantCulture, $"<li class=\"violation {Encode.Encode(violation.Severity)}\" data-code=\"{Encode.Encode(violation.Code)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"message\"><strong>{Encode.Encode(message.Zh)}</strong><span class=\"en\">{Encode.Encode(message.En)}</span></p>");
        if (texts.Advice(violation.Code) is { } advice)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"fix\">怎样改正：{Encode.Encode(advice.Zh)}<span class=\"en\">How to fix: {Encode.Encode(advice.En)}</span></p>");
        if (violation.Value is { } value)
            html.Append(CultureInfo.InvariantCulture,
                $"<p class=\"measure\">测量值 measured {value:0.##}{(violation.Threshold is { } limit ? $" · 要求 limit {limit:0.##}" : "")} · <code>{Encode.Encode(violation.Code)}</code></p>");
        else
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"measure\"><code>{Encode.Encode(violation.Code)}</code></p>");
        html.Append("</li>");
    }

    private static string Page(string result) => $$"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>上传证件照 · Upload your ID photo</title>
        <style>
          body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2rem auto; max-width: 52rem; color: #1d2433; padding: 0 1rem; }
          .en { display: block; font-size: .85em; color: #5b6475; font-weight: normal; }
          form { border: 1px solid #c9d1e0; border-radius: 8px; padding: 1rem; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
          button { font-size: 1rem; padding: .4rem 1.2rem; }
          #result { display: flex; gap: 1.5rem; margin-top: 1.5rem; align-items: flex-start; }
          .photo { width: 177px; border: 1px solid #c9d1e0; }
          .ok { color: #16794c; } .bad { color: #b42318; }
          .violations { padding-left: 1.2rem; }
          .violation { margin-bottom: .9rem; } .violation.warn strong { color: #8a5a00; }
          .message, .fix, .measure { margin: .15rem 0; } .measure { font-size: .8em; color: #5b6475; }
        </style>
        </head>
        <body>
        <main>
        <h1>上传证件照<span class="en">Upload your ID photo</span></h1>
        <p>要求：本人近期正面免冠彩色照片，白色背景，295×413 像素，JPEG 格式，40–1000 KB。<span class="en">Requirements: a recent frontal colour photo of you, bare head, white background, 295×413 pixels, JPEG, 40–1000 KB.</span></p>
        <form method="post" action="/upload" enctype="multipart/form-data">
          <input type="file" name="photo" accept="image/jpeg" required>
          <button type="submit">检查照片 · Check</button>
        </form>
        {{result}}
        </main>
        </body>
        </html>
        """;
}
