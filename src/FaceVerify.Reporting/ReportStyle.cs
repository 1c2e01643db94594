namespace FaceVerify.Core.Reporting;

/// <summary>The page's only style sheet, inline: the page must render with the network off.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root{color-scheme:light}
        *{box-sizing:border-box}
        body{margin:0;padding:24px;background:#f6f8fa;color:#1f2328;font:15px/1.5 "Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
        main{max-width:1240px;margin:0 auto}
        h1{font-size:26px;margin:0 0 10px}
        h2{font-size:19px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid #d0d7de}
        .other{color:#6e7781;font-size:.82em;font-weight:400;margin-left:.5em}
        .verdict{display:inline-block;padding:4px 16px;border-radius:6px;color:#fff;font-size:22px;font-weight:700}
        .verdict.pass{background:#1a7f37}.verdict.fail{background:#cf222e}
        .retake{margin-left:14px;font-weight:600}
        .pictures{display:flex;gap:16px;flex-wrap:wrap}
        .challenge figure{min-width:160px}.challenge img{display:block;width:100%;height:auto}
        figure{flex:1 1 0;min-width:300px;margin:0;padding:10px;background:#fff;border:1px solid #d0d7de;border-radius:8px}
        figcaption{margin-bottom:6px}
        figure svg{display:block;width:100%;height:auto;background:#222}
        .missing{padding:60px 10px;text-align:center;background:#eaeef2;color:#57606a}
        .face-box{fill:none;stroke:#2da44e;stroke-width:3}
        .face-box.other-face{stroke:#fb8500;stroke-dasharray:8 4}
        .liveness-crop{fill:none;stroke:#3a86ff;stroke-width:2;stroke-dasharray:10 6}
        .landmark{fill:#ff006e;stroke:#fff;stroke-width:1}
        .pose-arrow{stroke:#ffd60a;stroke-width:3}
        .pose-head{fill:#ffd60a}
        .face-label{fill:#fff;stroke:#000;stroke-width:3px;paint-order:stroke;font-weight:700;font-family:sans-serif}
        .faces{margin:8px 0 0;padding-left:18px;font-size:14px}
        .legend{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:13px;color:#57606a;margin:8px 0 0}
        .swatch{display:inline-block;width:22px;height:0;vertical-align:middle;margin-right:6px;border-top:3px solid}
        .sw-box{border-color:#2da44e}.sw-other{border-color:#fb8500;border-top-style:dashed}.sw-live{border-color:#3a86ff;border-top-style:dashed}
        .sw-pose{border-color:#ffd60a}.sw-mark{width:10px;height:10px;border:0;border-radius:50%;background:#ff006e}
        .scores{display:flex;gap:16px;flex-wrap:wrap}
        .score{flex:1 1 360px;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 14px}
        .score-value{font-size:22px;font-weight:700;margin:0 8px}
        .pill{display:inline-block;padding:1px 8px;border-radius:10px;font-size:13px;color:#fff}
        .pill.ok{background:#1a7f37}.pill.bad{background:#cf222e}.pill.none{background:#6e7781}
        .scale,.bar{position:relative;height:14px;margin:22px 0 4px;background:#eaeef2;border-radius:7px}
        .bar{height:10px;margin:4px 0 2px;min-width:160px}
        .fill{position:absolute;top:0;bottom:0;border-radius:7px}
        .fill.ok{background:#2da44e}.fill.bad{background:#cf222e}.fill.warn{background:#d29922}
        .mark{position:absolute;top:-6px;bottom:-6px;width:0;border-left:3px solid #1f2328}
        .mark span{position:absolute;bottom:100%;left:-40px;width:80px;text-align:center;font-size:12px;white-space:nowrap}
        .ticks{display:flex;justify-content:space-between;font-size:12px;color:#6e7781}
        table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #d0d7de}
        th,td{padding:8px 10px;border-bottom:1px solid #d0d7de;text-align:left;vertical-align:top}
        th{background:#f0f3f6;font-size:14px}
        .sev{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:13px;white-space:nowrap}
        .sev.block{background:#cf222e}.sev.warn{background:#9a6700}
        .reason{font-weight:600}
        .reason.other{display:block;margin:0;font-weight:400}
        .detail{font-size:12px;color:#57606a}
        .bar-text{font-size:12px;color:#57606a;white-space:nowrap}
        code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}
        .kind-added{color:#cf222e;font-weight:600}.kind-removed{color:#1a7f37;font-weight:600}.kind-changed{color:#9a6700;font-weight:600}
        details{margin-top:24px}
        summary{cursor:pointer;font-weight:600}
        """;
}
