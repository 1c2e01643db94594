using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FaceVerify.Contracts;
using FaceVerify.Core.Json;
using FaceVerify.Core.Reporting;
using FaceVerify.Worker.Messaging;
using FaceVerify.Worker.Records;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Worker.Tests;

/// <summary><c>POST /v1/verifications</c> and its report, end to end through the in-memory bus and the real core.</summary>
public sealed class VerificationRoutesTests(InProcessWorker worker) : IClassFixture<InProcessWorker>
{
    private static readonly string Obama = FaceVerify.Tests.SharedData.Path("identity/face_recognition/examples__obama.jpg");
    private static readonly string Obama2 = FaceVerify.Tests.SharedData.Path("identity/face_recognition/examples__obama2.jpg");
    private static readonly string Biden = FaceVerify.Tests.SharedData.Path("identity/face_recognition/examples__biden.jpg");

    [Fact]
    public async Task Submit_and_report_need_the_api_key_and_an_unknown_id_has_no_report()
    {
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Unauthorized, (await worker.Http.GetAsync($"/v1/verifications/{id}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await worker.Http.PostAsync("/v1/verifications", Form(Obama, Obama2))).StatusCode);

        using var unknown = worker.Admin(HttpMethod.Get, $"/v1/verifications/{id}/report");
        Assert.Equal(HttpStatusCode.NotFound, (await worker.Http.SendAsync(unknown)).StatusCode);
    }

    [Fact]
    public async Task A_submission_without_a_snapshot_or_under_an_unknown_policy_is_refused_before_publishing()
    {
        var noSnapshot = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(Obama)), "idPhoto", "id.jpg" } };
        using var first = worker.Admin(HttpMethod.Post, "/v1/verifications", noSnapshot);
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.Http.SendAsync(first)).StatusCode);

        var unknownPolicy = Form(Obama, Obama2);
        unknownPolicy.Add(new StringContent("no-such-policy"), "policy");
        using var second = worker.Admin(HttpMethod.Post, "/v1/verifications", unknownPolicy);
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.Http.SendAsync(second)).StatusCode);
    }

    [Fact]
    public async Task Another_person_is_refused_and_the_report_names_the_reason_in_the_language_asked_for()
    {
        var completed = await SubmitAsync(Form(Obama, Biden));
        Assert.Equal(Verdicts.Fail, completed.Verdict);
        Assert.Contains(completed.Findings, f => f.Code == "match.below_threshold");

        var texts = ReportTexts.Load();
        foreach (var language in new[] { ReportLanguage.En, ReportLanguage.Zh })
        {
            using var request = worker.Admin(HttpMethod.Get, $"/v1/verifications/{completed.VerificationId}/report?lang={language.Code()}");
            using var response = await worker.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HtmlVerificationReportRenderer.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
            Assert.Equal("no-store", Header(response, "Cache-Control"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));

            var html = await response.Content.ReadAsStringAsync();
            var reason = texts.Reason("match.below_threshold")!.In(language);
            Assert.Contains($"<span class=\"reason\" lang=\"{texts.Label("lang", language)}\">{reason}</span>", html);
            Assert.Contains("data-role=\"snapshot\"", html);
        }
    }

    [Fact]
    public async Task A_rerun_under_another_policy_shows_what_changed_from_the_earlier_result()
    {
        var first = await SubmitAsync(Form(Obama, Obama2));
        var waiter = worker.Services.GetRequiredService<CompletedEventWaiter>();
        using (var pending = waiter.Expect(first.VerificationId))
        {
            using var rerun = worker.Admin(HttpMethod.Post, $"/v1/verifications/{first.VerificationId}/rerun",
                JsonContent("{\"policy\":\"strict\",\"reason\":\"appeal\"}"));
            Assert.Equal(HttpStatusCode.Accepted, (await worker.Http.SendAsync(rerun)).StatusCode);
            var second = await pending.Completion.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal((2, first.VerificationId), (second.Attempt, second.RerunOf));
        }

        using var request = worker.Admin(HttpMethod.Get, $"/v1/verifications/{first.VerificationId}/report?lang=en");
        var html = await (await worker.Http.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains(ReportTexts.Load().Label("section.changes", ReportLanguage.En), html);
        Assert.Contains("data-change=\"policy\"", html);
    }

    [Fact]
    public async Task After_retention_deleted_the_pictures_the_report_still_renders_and_says_they_are_gone()
    {
        var completed = await SubmitAsync(Form(Obama, Obama2));
        var evidence = worker.Services.GetRequiredService<IEvidenceStore>();
        Assert.True(await evidence.DeleteSavedBeforeAsync(DateTimeOffset.UtcNow.AddMinutes(1), default) >= 1);

        using var request = worker.Admin(HttpMethod.Get, $"/v1/verifications/{completed.VerificationId}/report?lang=en");
        using var response = await worker.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ReportTexts.Load().Label("image.notKept", ReportLanguage.En), html);
        Assert.DoesNotContain("data:image/jpeg", html);
    }

    private async Task<IdentityVerificationCompleted> SubmitAsync(MultipartFormDataContent form)
    {
        using var request = worker.Admin(HttpMethod.Post, "/v1/verifications", form);
        using var response = await worker.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<IdentityVerificationCompleted>(await response.Content.ReadAsStringAsync(), FaceVerifyJson.Options)!;
    }

    private static MultipartFormDataContent Form(string idPhoto, string snapshot)
    {
        var form = new MultipartFormDataContent { { new StringContent("c-42"), "candidateId" }, { new StringContent("exam-7"), "examId" } };
        foreach (var (name, path) in new[] { ("idPhoto", idPhoto), ("snapshot", snapshot) })
        {
            var image = new ByteArrayContent(File.ReadAllBytes(path));
            image.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(image, name, Path.GetFileName(path));
        }
        return form;
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : "";
}
